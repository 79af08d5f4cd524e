package micrograd.bench;

/**
 * Target 4's chain written by hand: a plain linked list of minimal nodes (a value, a gradient, the previous node),
 * built with the same arithmetic as {@link Chain} and backpropagated by a loop that knows the shape, so with no
 * topological sort and no general rules. It is the stand-in for what the JVM and the memory system cost for n linked
 * nodes whatever the library, as {@link HandWrittenMlp} is for the demo step: the engine's time per node divided by
 * this one's is what the engine adds. It computes the same dx as {@link Chain}, bit for bit (a test checks it).
 */
public final class HandWrittenChain {

    /**
     * 40 bytes with compressed references; the engine's node is 48, since it also holds its operation, a second
     * operand, the operand array of a sum and a sort stamp.
     */
    private static final class Node {
        final double data;
        double grad;
        final Node previous;
        /** {@code v + x} when true, {@code tanh(v)} when false. */
        final boolean addsX;

        Node(double data, Node previous, boolean addsX) {
            this.data = data;
            this.previous = previous;
            this.addsX = addsX;
        }
    }

    private HandWrittenChain() {
    }

    /** Builds the chain of {@code n} operations on a leaf x, backpropagates, and returns dx. */
    public static double buildAndBackward(int n) {
        Node x = new Node(1e-3, null, false);
        Node v = x;
        for (int i = 0; i < n; i++) {
            v = (i & 1) == 0 ? new Node(v.data + x.data, v, true) : new Node(Math.tanh(v.data), v, false);
        }
        v.grad = 1.0;
        for (Node node = v; node != x; node = node.previous) {
            if (node.addsX) {
                node.previous.grad += node.grad;
                x.grad += node.grad;
            } else {
                node.previous.grad += (1 - node.data * node.data) * node.grad;
            }
        }
        return x.grad;
    }
}
