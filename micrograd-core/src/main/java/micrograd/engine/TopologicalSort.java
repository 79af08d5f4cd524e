package micrograd.engine;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The depth-first topological sort behind {@link Value#backward()} and {@link Value#topologicalOrder()}.
 *
 * <p>Iterative (an explicit stack instead of recursion), so a chain of millions of nodes does not overflow the call
 * stack. Visited nodes are stamped with the number of the current sort instead of being put in a hash set. The
 * stack and the order are buffers kept per thread and reused by the next sort on that thread, so that a training
 * loop's backward passes allocate nothing here; the buffers are cleared after each sort (they must not keep a
 * graph alive) and dropped when a sort made them very large.
 */
final class TopologicalSort {

    /** Buffers above this many entries are not kept for the next sort. */
    private static final int LARGEST_KEPT_BUFFER = 1 << 20;

    /** Stamps nodes as visited during one sort; shared by all threads so that two sorts never share a number. */
    private static final AtomicInteger EPOCH = new AtomicInteger();

    private static final ThreadLocal<TopologicalSort> BUFFERS = ThreadLocal.withInitial(TopologicalSort::new);

    private Value[] stack = new Value[64];
    private int[] nextChild = new int[64];
    private Value[] order = new Value[64];
    private int size;

    private TopologicalSort() {
    }

    /** Every node {@code root} depends on, itself last, each before any node that uses it, as a new list. */
    static List<Value> of(Value root) {
        TopologicalSort sort = BUFFERS.get();
        sort.run(root);
        List<Value> result = List.of(Arrays.copyOf(sort.order, sort.size));
        sort.clear();
        return result;
    }

    /** Gives {@code action} every node {@code root} depends on in reverse topological order: {@code root} first. */
    static void visitInReverse(Value root, Consumer<Value> action) {
        TopologicalSort sort = BUFFERS.get();
        sort.run(root);
        try {
            for (int i = sort.size - 1; i >= 0; i--) {
                action.accept(sort.order[i]);
            }
        } finally {
            sort.clear();
        }
    }

    /**
     * Fills {@code order[0, size)}; operands are visited in operand order, so the order is deterministic. A node whose
     * operands have all been visited already (a leaf, or a product of a weight and an activation seen before) goes
     * straight into the order instead of through the stack: the same order, with far fewer pushes.
     */
    private void run(Value root) {
        int epoch = EPOCH.incrementAndGet();
        int top = 0;
        stack[0] = root;
        nextChild[0] = 0;
        root.visitedInEpoch = epoch;
        while (top >= 0) {
            Value node = stack[top];
            Value unvisited = null;
            int i = nextChild[top];
            while (i < node.arity() && unvisited == null) {
                Value child = node.operand(i++);
                if (child.visitedInEpoch != epoch) {
                    child.visitedInEpoch = epoch;
                    if (operandsVisited(child, epoch)) {
                        append(child);
                    } else {
                        unvisited = child;
                    }
                }
            }
            if (unvisited != null) {
                nextChild[top] = i;
                if (++top == stack.length) {
                    stack = Arrays.copyOf(stack, top * 2);
                    nextChild = Arrays.copyOf(nextChild, top * 2);
                }
                stack[top] = unvisited;
                nextChild[top] = 0;
            } else {
                append(node);
                stack[top--] = null;
            }
        }
    }

    private static boolean operandsVisited(Value node, int epoch) {
        for (int i = 0; i < node.arity(); i++) {
            if (node.operand(i).visitedInEpoch != epoch) {
                return false;
            }
        }
        return true;
    }

    private void append(Value node) {
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = node;
    }

    private void clear() {
        Arrays.fill(order, 0, size, null);
        size = 0;
        if (order.length > LARGEST_KEPT_BUFFER || stack.length > LARGEST_KEPT_BUFFER) {
            BUFFERS.remove();
        }
    }
}
