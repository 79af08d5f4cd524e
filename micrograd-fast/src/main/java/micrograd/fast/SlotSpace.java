package micrograd.fast;

import java.util.Arrays;

/**
 * The numbers several {@link Program}s share: one array of values and one of gradients, handed out in regions. A
 * program's instructions name slots by their index here, so that one program's outputs and the parameters can be
 * read by the next program in place, with no copy. Single-threaded, like the programs.
 */
final class SlotSpace {

    double[] value = new double[1024];
    double[] grad = new double[1024];
    private int size;

    /** Reserves {@code count} new slots, all 0, and returns the first one's index. */
    int allocate(int count) {
        int first = size;
        size += count;
        if (size > value.length) {
            int length = Math.max(size, 2 * value.length);
            value = Arrays.copyOf(value, length);
            grad = Arrays.copyOf(grad, length);
        }
        return first;
    }
}
