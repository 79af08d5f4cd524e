package micrograd.fast;

import java.util.Arrays;

/**
 * A max-heap of ints, for {@link Program}'s backward schedule: the largest ready instruction first, without the boxed
 * {@code Integer} and tree entry a {@code TreeSet} makes per element (tens of thousands per compile of a microgpt
 * graph, each garbage the page's WebAssembly then collects).
 */
final class IntMaxHeap {

    private int[] items = new int[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void add(int item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, 2 * size);
        }
        int at = size++;
        while (at > 0 && items[(at - 1) / 2] < item) {
            items[at] = items[(at - 1) / 2];
            at = (at - 1) / 2;
        }
        items[at] = item;
    }

    /** Removes and returns the largest item; the heap must not be empty. */
    int pollMax() {
        int max = items[0];
        int last = items[--size];
        int at = 0;
        while (2 * at + 1 < size) {
            int child = 2 * at + 1;
            if (child + 1 < size && items[child + 1] > items[child]) {
                child++;
            }
            if (items[child] <= last) {
                break;
            }
            items[at] = items[child];
            at = child;
        }
        items[at] = last;
        return max;
    }
}
