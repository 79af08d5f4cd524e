package micrograd.engine;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The depth-first topological sort behind {@link Value#backward()} and {@link Value#topologicalOrder()}.
 *
 * <p>Iterative (an explicit stack instead of recursion), so a chain of millions of nodes does not overflow the call
 * stack. A node is marked {@link Value#visited} while the sort runs, instead of being put in a hash set, and every
 * mark is cleared again before the sort returns, so that the next sort starts from a clean graph. The stack and the
 * order are new for each sort, in chunks ({@link NodeArray}; docs/performance.md says why).
 */
final class TopologicalSort {

    private final NodeArray stack = new NodeArray();
    private final NodeArray order = new NodeArray();
    /** For each node on the stack, the index of the operand it resumes at. */
    private int[] nextChild = new int[64];
    /** Whether each inner node's grad is set to 0 as it joins the order (for a backward pass). */
    private final boolean zeroInnerGrads;

    private TopologicalSort(Value root, boolean zeroInnerGrads) {
        this.zeroInnerGrads = zeroInnerGrads;
        try {
            run(root);
        } catch (RuntimeException | Error e) {
            order.forEachInReverse(node -> node.visited = false);
            stack.forEachInReverse(node -> node.visited = false);
            throw e;
        }
    }

    /** Every node {@code root} depends on, itself last, each before any node that uses it, as a new list. */
    static List<Value> of(Value root) {
        TopologicalSort sort = new TopologicalSort(root, false);
        Value[] nodes = new Value[sort.order.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = sort.order.get(i);
            nodes[i].visited = false;
        }
        return List.of(nodes);
    }

    /**
     * Sets the grad of every inner node {@code root} depends on to 0, then gives {@code action} every node in reverse
     * topological order, {@code root} first: a backward pass, whose chain rule {@code action} applies.
     */
    static void backwardPass(Value root, Consumer<Value> action) {
        TopologicalSort sort = new TopologicalSort(root, true);
        root.grad = 1.0;
        sort.order.forEachInReverse(node -> {
            node.visited = false;
            action.accept(node);
        });
    }

    /**
     * Fills {@code order}; operands are visited in operand order, so the order is deterministic. A node whose
     * operands have all been visited already (a leaf, or a product of a weight and an activation seen before) goes
     * straight into the order instead of through the stack: the same order, with far fewer pushes. An n-ary sum's
     * terms and a node's {@code a} and {@code b} are read by two small loops, not through one general
     * accessor, since this runs once per edge of the graph.
     */
    private void run(Value root) {
        int top = 0;
        stack.add(root);
        nextChild[0] = 0;
        root.visited = true;
        while (top >= 0) {
            Value node = stack.last();
            Value unvisited = null;
            int i = nextChild[top];
            if (node instanceof Value.Sum sum) {
                Value[] terms = sum.terms;
                while (unvisited == null && i < terms.length) {
                    unvisited = visit(terms[i++]);
                }
            } else {
                int arity = node.arity();
                while (unvisited == null && i < arity) {
                    unvisited = visit(i++ == 0 ? node.a : node.b);
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
                append(node);
                stack.removeLast();
                top--;
            }
        }
    }

    /**
     * Marks {@code child} visited and, when its own operands are all visited, appends it; returns the child when the
     * sort must descend into it first, null otherwise (visited before, or appended now).
     */
    private Value visit(Value child) {
        if (child.visited) {
            return null;
        }
        child.visited = true;
        if (operandsVisited(child)) {
            append(child);
            return null;
        }
        return child;
    }

    private void append(Value node) {
        if (zeroInnerGrads && node.op != Op.LEAF) {
            node.grad = 0;
        }
        order.add(node);
    }

    private static boolean operandsVisited(Value node) {
        if (node instanceof Value.Sum sum) {
            for (Value term : sum.terms) {
                if (!term.visited) {
                    return false;
                }
            }
            return true;
        }
        // A POW_CONST's b is its exponent, a leaf the sort never visits: only an operation's true operands count.
        return (node.a == null || node.a.visited) && (!node.op.isBinary() || node.b.visited);
    }
}
