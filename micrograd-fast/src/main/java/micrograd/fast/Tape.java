package micrograd.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import micrograd.engine.Op;
import micrograd.engine.Value;

/**
 * A graph of {@link Value}s compiled once into flat arrays, then replayed forward and backward for new leaf data
 * without allocating anything.
 *
 * <pre>{@code
 * Value loss = ...;                        // build the graph once, as usual
 * Tape tape = Tape.record(loss);
 * for (int step = 0; step < 100; step++) {
 *     tape.forward();                      // reads every leaf's data(), recomputes the graph, sets loss.data()
 *     model.zeroGrad();
 *     tape.backward();                     // adds d loss / d leaf into every leaf's grad()
 *     optimizer.step();                    // changes the parameters' data(); the next forward() reads them
 * }
 * }</pre>
 *
 * <p>The tape keeps the graph's shape: which operation each node applies to which operands. What changes between
 * replays is the data of the leaves, read from the leaf {@code Value}s at every {@link #forward()}. Use it where the
 * shape does not depend on the data, such as training an MLP on a fixed batch.
 *
 * <p>What a replay cannot check: a choice made by the code that built the graph. The tape sees only the recorded
 * operations, not the Java {@code if} that chose them: after {@code y = x.data() > 0 ? x.mul(2) : x.mul(3)} it replays
 * {@code x * 2} whatever {@code x} becomes, because the comparison happened in the caller's code and left no node to
 * replay or test (telling the two graphs apart would take running that code again, which is what the tape saves).
 * Choices made inside the graph are replayed right: {@code relu} and every other
 * {@link Op} apply the engine's own forward rule and derivative to the new data, so a ReLU whose input changes sign
 * between recording and replay gives the rebuilt graph's numbers. So record only graphs built without branching on
 * data; the losses that do branch (logistic and softmax pick their stable formula from the data) are refused by
 * {@link DataParallelGradient#canRecord} and rebuilt every step instead. {@code TapeTest} shows both cases.
 *
 * <p>Layout: one slot per node, leaves first, then the constants the operations take besides their operands
 * ({@link Value#constant()}: an exponent, or the b a unary operation ignores), then the operations in the graph's
 * topological order, each with an {@link Op}, two operand slots, a value and a grad. A product used only by one sum (a neuron's {@code w_i * x_i})
 * is fused into that sum, which then holds a list of factor pairs: half the slots of an MLP's graph go away. The
 * tape keeps only this layout and its two loops: every forward value and every local derivative is the engine's own
 * ({@link Op#forward}, {@link Op#gradA}, {@link Op#gradB}), applied in the object graph's order, so a replay gives
 * the same numbers as the object graph.
 *
 * <p>{@link #forward()} writes the new data into the output {@code Value} and into the nodes given as
 * {@code observed} when recording (for instance a model's scores, to compute an accuracy); the other inner nodes'
 * {@code Value}s are not updated. {@link #backward()} accumulates into the leaves' grads like
 * {@link Value#backward()} does. A tape is not thread-safe: give each thread its own.
 */
public final class Tape {

    /** Slot 0 holds the constant 1, the second factor of a plain (unfused) term in a sum. */
    private static final int ONE = 0;

    private final Value output;
    private final Value[] observed;
    private final int[] observedSlot;
    private final Value[] leaves;
    /** Leaf j lives in slot {@code firstLeaf + j}. */
    private final int firstLeaf;
    private final int firstOperation;
    private final int outputSlot;
    private final int recordedNodes;

    private final Op[] op;
    /** Operand slots; for SUM, the range [a, b) of its terms in {@link #factorA}/{@link #factorB}. */
    private final int[] a;
    private final int[] b;
    /** A sum's term t is {@code value[factorA[t]] * value[factorB[t]]}. */
    private final int[] factorA;
    private final int[] factorB;
    private final double[] value;
    private final double[] grad;

    private Tape(Value output, Collection<Value> observedNodes) {
        GraphIndex graph = new GraphIndex(output.topologicalOrder());
        List<Value> order = graph.order;
        int[][] operands = graph.operands;
        recordedNodes = order.size();
        boolean[] keep = new boolean[order.size()];
        keep[order.size() - 1] = true;
        for (Value node : observedNodes) {
            int p = graph.positionOf(node);
            if (p < 0) {
                throw new IllegalArgumentException("an observed node is not part of the recorded graph: " + node
                        + "; observe only nodes the output depends on");
            }
            keep[p] = true;
        }
        boolean[] fused = findFusedProducts(graph, keep);

        // Count slots: the constant 1, the leaves, the constants the operations take besides their operands (a
        // constant exponent, a unary operation's unused b), then every operation not fused away.
        List<Value> leafList = new ArrayList<>();
        Map<Double, Integer> constants = new LinkedHashMap<>();
        int operations = 0;
        int terms = 0;
        for (int i = 0; i < order.size(); i++) {
            Value node = order.get(i);
            Op kind = node.operation();
            if (kind == Op.LEAF) {
                leafList.add(node);
            } else if (kind == Op.SUM) {
                operations++;
                terms += operands[i].length;
            } else if (!fused[i]) {
                operations++;
                if (operands[i].length < 2) {
                    constants.putIfAbsent(node.constant(), constants.size());
                }
            }
        }
        leaves = leafList.toArray(new Value[0]);
        firstLeaf = 1;
        int firstConstant = firstLeaf + leaves.length;
        firstOperation = firstConstant + constants.size();
        int slots = firstOperation + operations;
        op = new Op[slots];
        a = new int[slots];
        b = new int[slots];
        factorA = new int[terms];
        factorB = new int[terms];
        value = new double[slots];
        grad = new double[slots];
        Arrays.fill(op, 0, firstOperation, Op.LEAF);
        value[ONE] = 1.0;
        constants.forEach((constant, k) -> value[firstConstant + k] = constant);

        int[] slotOf = new int[order.size()];
        int nextLeaf = firstLeaf;
        int nextOperation = firstOperation;
        int nextTerm = 0;
        for (int i = 0; i < order.size(); i++) {
            Value node = order.get(i);
            Op kind = node.operation();
            if (kind == Op.LEAF) {
                slotOf[i] = nextLeaf++;
                continue;
            }
            if (fused[i]) {
                continue; // its factors are written into the sum that uses it
            }
            int s = nextOperation++;
            slotOf[i] = s;
            op[s] = kind;
            if (kind == Op.SUM) {
                a[s] = nextTerm;
                for (int t : operands[i]) {
                    if (fused[t]) {
                        factorA[nextTerm] = slotOf[operands[t][0]];
                        factorB[nextTerm] = slotOf[operands[t][1]];
                    } else {
                        factorA[nextTerm] = slotOf[t];
                        factorB[nextTerm] = ONE;
                    }
                    nextTerm++;
                }
                b[s] = nextTerm;
            } else {
                a[s] = slotOf[operands[i][0]];
                b[s] = operands[i].length > 1 ? slotOf[operands[i][1]]
                        : firstConstant + constants.get(node.constant());
            }
        }
        this.output = output;
        outputSlot = slotOf[order.size() - 1];
        observed = observedNodes.toArray(new Value[0]);
        observedSlot = new int[observed.length];
        for (int j = 0; j < observed.length; j++) {
            observedSlot[j] = slotOf[graph.positionOf(observed[j])];
        }
    }

    /** Records the graph that {@code output} depends on. */
    public static Tape record(Value output) {
        return new Tape(output, List.of());
    }

    /**
     * Records the graph that {@code output} depends on; every {@link #forward()} also writes the new data of the
     * {@code observed} nodes (which must be part of that graph) into them.
     */
    public static Tape record(Value output, Collection<Value> observed) {
        return new Tape(output, observed);
    }

    /**
     * Products that can live inside the one sum that uses them: a MUL node used exactly once, by a SUM, not kept (the
     * output and observed nodes are kept), and whose move changes no rounding. A fused product passes its gradient
     * on when its sum does, not at its own place in the order; so no other node may add into the product's factors
     * between the two places (the sum itself included: a factor may not also be a plain term of the sum), or the
     * factors would sum the same terms in another order.
     */
    static boolean[] findFusedProducts(GraphIndex graph, boolean[] keep) {
        List<Value> order = graph.order;
        int n = order.size();
        int[][] children = graph.operands;
        int[] userCount = new int[n];
        for (int[] operands : children) {
            for (int c : operands) {
                userCount[c]++;
            }
        }
        int[][] users = new int[n][];
        for (int i = 0; i < n; i++) {
            users[i] = new int[userCount[i]];
            userCount[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int c : children[i]) {
                users[c][userCount[c]++] = i;
            }
        }
        boolean[] fused = new boolean[n];
        for (int i = 0; i < n; i++) {
            fused[i] = order.get(i).operation() == Op.MUL && users[i].length == 1 && !keep[i]
                    && order.get(users[i][0]).operation() == Op.SUM;
        }
        // Unfusing one product can break the condition for another: repeat until nothing changes.
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int p = 0; p < n; p++) {
                if (fused[p] && !factorsUntouchedUntilTheSum(p, children, users, fused)) {
                    fused[p] = false;
                    changed = true;
                }
            }
        }
        return fused;
    }

    /**
     * Whether, after product {@code p} in the order and up to its sum, nothing but other fused products of that sum
     * uses p's factors. Each node's users are in order, so only those between p and the sum are read: a weight
     * shared by every position, or a vector that every row of a matrix multiplies, has many users elsewhere.
     */
    private static boolean factorsUntouchedUntilTheSum(int p, int[][] children, int[][] users, boolean[] fused) {
        int sum = users[p][0];
        for (int factor : children[p]) {
            int[] factorUsers = users[factor];
            int from = Arrays.binarySearch(factorUsers, p); // p uses the factor, so it is there
            for (int k = from + 1; k < factorUsers.length && factorUsers[k] <= sum; k++) {
                int user = factorUsers[k];
                if (!(fused[user] && users[user][0] == sum)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Reads every leaf's current data, recomputes every node, writes the output's and the observed nodes' new data
     * into their {@code Value}s, and returns the output's data. Allocates nothing.
     */
    public double forward() {
        for (int j = 0; j < leaves.length; j++) {
            value[firstLeaf + j] = leaves[j].data();
        }
        final double[] v = value;
        for (int i = firstOperation; i < v.length; i++) {
            Op kind = op[i];
            v[i] = kind == Op.SUM ? sum(a[i], b[i]) : Op.forward(kind, v[a[i]], v[b[i]]);
        }
        for (int j = 0; j < observed.length; j++) {
            observed[j].setData(v[observedSlot[j]]);
        }
        output.setData(v[outputSlot]);
        return v[outputSlot];
    }

    /** The terms in order, starting from 0, as {@link Value#sum} adds them; a term is a product of two slots. */
    private double sum(int from, int to) {
        double total = 0;
        for (int t = from; t < to; t++) {
            total = Op.SUM.forward(total, Op.MUL.forward(value[factorA[t]], value[factorB[t]]));
        }
        return total;
    }

    /**
     * Backpropagates from the output (grad 1) through the values of the last {@link #forward()}, and adds each
     * leaf's gradient into that leaf's {@code grad()}, as {@link Value#backward()} does. Allocates nothing.
     */
    public void backward() {
        final double[] v = value;
        final double[] g = grad;
        Arrays.fill(g, 0.0);
        g[outputSlot] = 1.0;
        for (int i = v.length - 1; i >= firstOperation; i--) {
            Op kind = op[i];
            int x = a[i];
            int y = b[i];
            if (kind == Op.SUM) {
                sumBackward(x, y, v[i], g[i]);
            } else {
                g[x] += Op.gradA(kind, v[x], v[y], v[i], g[i]);
                g[y] += Op.gradB(kind, v[x], v[y], v[i], g[i]); // 0 into a constant's slot, which nobody reads
            }
        }
        for (int j = 0; j < leaves.length; j++) {
            Value leaf = leaves[j];
            leaf.setGrad(leaf.grad() + g[firstLeaf + j]);
        }
    }

    /**
     * A sum's backward step over its terms {@code [from, to)}: each term gets the sum's grad, and a fused product then
     * passes it on to its two factors (a plain term's second factor is the constant 1, whose grad nobody reads). Last
     * term first, the order in which the graph's backward reaches those products; the plain terms get the same grad
     * at once in the graph, and since no plain term is also a factor here ({@link #findFusedProducts}), when they get
     * it changes no sum.
     */
    private void sumBackward(int from, int to, double out, double gradOut) {
        sumBackward(value, grad, factorA, factorB, from, to, out, gradOut);
    }

    /** {@link #sumBackward(int, int, double, double)} over any values, gradients and terms (a {@link Program}'s). */
    static void sumBackward(double[] v, double[] g, int[] factorA, int[] factorB, int from, int to, double out,
                            double gradOut) {
        for (int t = to - 1; t >= from; t--) {
            int x = factorA[t];
            int y = factorB[t];
            double product = Op.MUL.forward(v[x], v[y]);
            double gradProduct = Op.SUM.gradA(product, 0, out, gradOut);
            g[x] += Op.MUL.gradA(v[x], v[y], product, gradProduct);
            g[y] += Op.MUL.gradB(v[x], v[y], product, gradProduct);
        }
    }

    /** The output's data as of the last {@link #forward()}. */
    public double output() {
        return value[outputSlot];
    }

    /** The leaves the tape reads, in the order the graph's topological order meets them. */
    public List<Value> leaves() {
        return List.of(leaves);
    }

    /** How many nodes the recorded graph has (leaves included). */
    public int recordedNodes() {
        return recordedNodes;
    }

    /** How many slots the tape replays (fewer than {@link #recordedNodes()} where products were fused). */
    public int slots() {
        return value.length;
    }

    @Override
    public String toString() {
        return "Tape(nodes=" + recordedNodes + ", leaves=" + leaves.length + ", slots=" + value.length
                + ", fusedProducts=" + (recordedNodes - leaves.length - (value.length - firstOperation)) + ")";
    }
}
