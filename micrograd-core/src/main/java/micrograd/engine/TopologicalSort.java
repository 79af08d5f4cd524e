package micrograd.engine;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The depth-first topological sort behind {@link Value#backward()} and {@link Value#topologicalOrder()}.
 *
 * <p>Iterative (an explicit stack instead of recursion), so a chain of millions of nodes does not overflow the call
 * stack. Visited nodes are stamped with the number of the current sort instead of being put in a hash set. The stack
 * and the order are new for each sort, in chunks ({@link NodeArray} says why); the operand index each stacked node
 * resumes at is a plain {@code int[]}, kept per thread for the next sort.
 */
final class TopologicalSort {

    /** A resume-index buffer above this many entries (a graph that deep) is not kept for the next sort. */
    private static final int LARGEST_KEPT_BUFFER = 1 << 20;

    /** Stamps nodes as visited during one sort; shared by all threads so that two sorts never share a number. */
    private static final AtomicInteger EPOCH = new AtomicInteger();

    private static final ThreadLocal<int[]> NEXT_CHILD_BUFFER = ThreadLocal.withInitial(() -> new int[64]);

    private final NodeArray stack = new NodeArray();
    private final NodeArray order = new NodeArray();
    private int[] nextChild = NEXT_CHILD_BUFFER.get();

    private TopologicalSort(Value root) {
        run(root);
        if (nextChild.length > LARGEST_KEPT_BUFFER) {
            NEXT_CHILD_BUFFER.remove();
        } else {
            NEXT_CHILD_BUFFER.set(nextChild);
        }
    }

    /** Every node {@code root} depends on, itself last, each before any node that uses it, as a new list. */
    static List<Value> of(Value root) {
        TopologicalSort sort = new TopologicalSort(root);
        Value[] nodes = new Value[sort.order.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = sort.order.get(i);
        }
        return List.of(nodes);
    }

    /** Gives {@code action} every node {@code root} depends on in reverse topological order: {@code root} first. */
    static void visitInReverse(Value root, Consumer<Value> action) {
        TopologicalSort sort = new TopologicalSort(root);
        sort.order.forEachInReverse(action);
    }

    /**
     * Fills {@code order}; operands are visited in operand order, so the order is deterministic. A node whose
     * operands have all been visited already (a leaf, or a product of a weight and an activation seen before) goes
     * straight into the order instead of through the stack: the same order, with far fewer pushes. An n-ary sum's
     * operand array and a node's {@code a} and {@code b} are read by two small loops, not through one general
     * accessor, since this runs once per edge of the graph.
     */
    private void run(Value root) {
        int epoch = EPOCH.incrementAndGet();
        int top = 0;
        stack.add(root);
        nextChild[0] = 0;
        root.visitedInEpoch = epoch;
        while (top >= 0) {
            Value node = stack.last();
            Value unvisited = null;
            int i = nextChild[top];
            Value[] operands = node.operands;
            if (operands != null) {
                while (unvisited == null && i < operands.length) {
                    unvisited = visit(operands[i++], epoch);
                }
            } else {
                int arity = node.arity();
                while (unvisited == null && i < arity) {
                    unvisited = visit(i++ == 0 ? node.a : node.b, epoch);
                }
            }
            if (unvisited != null) {
                nextChild[top] = i;
                if (++top == nextChild.length) {
                    nextChild = Arrays.copyOf(nextChild, top * 2);
                }
                stack.add(unvisited);
                nextChild[top] = 0;
            } else {
                order.add(node);
                stack.removeLast();
                top--;
            }
        }
    }

    /**
     * Marks {@code child} visited and, when its own operands are all visited, appends it; returns the child when the
     * sort must descend into it first, null otherwise (visited before, or appended now).
     */
    private Value visit(Value child, int epoch) {
        if (child.visitedInEpoch == epoch) {
            return null;
        }
        child.visitedInEpoch = epoch;
        if (operandsVisited(child, epoch)) {
            order.add(child);
            return null;
        }
        return child;
    }

    private static boolean operandsVisited(Value node, int epoch) {
        Value[] operands = node.operands;
        if (operands != null) {
            for (Value operand : operands) {
                if (operand.visitedInEpoch != epoch) {
                    return false;
                }
            }
            return true;
        }
        // A POW_CONST's b is its exponent, a leaf the sort never visits.
        return (node.a == null || node.a.visitedInEpoch == epoch)
                && (node.b == null || node.b.visitedInEpoch == epoch || node.op == Op.POW_CONST);
    }
}
