package micrograd.tape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
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
 * <p>Layout: one slot per node, leaves first, then the operations in the graph's topological order, each with an
 * {@link Op}, two operand slots, a value and a grad. A product used only by one sum (a neuron's {@code w_i * x_i})
 * is fused into that sum, which then holds a list of factor pairs: half the slots of an MLP's graph go away. The
 * forward values come from the engine's own formulas ({@link Op#forward}) and the backward rules repeat
 * {@code Op}'s in the same floating-point order, so a replay gives the same numbers as the object graph.
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
        List<Value> order = output.topologicalOrder();
        recordedNodes = order.size();
        Map<Value, Integer> position = new IdentityHashMap<>(2 * order.size());
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        boolean[] keep = new boolean[order.size()];
        keep[order.size() - 1] = true;
        for (Value node : observedNodes) {
            Integer p = position.get(node);
            if (p == null) {
                throw new IllegalArgumentException("an observed node is not part of the recorded graph: " + node
                        + "; observe only nodes the output depends on");
            }
            keep[p] = true;
        }
        boolean[] fused = findFusedProducts(order, position, keep);

        // Count slots: the constant 1, the leaves, one constant per exponent, then every operation not fused away.
        List<Value> leafList = new ArrayList<>();
        int exponents = 0;
        int operations = 0;
        int terms = 0;
        for (int i = 0; i < order.size(); i++) {
            Value node = order.get(i);
            switch (node.operation()) {
                case LEAF -> leafList.add(node);
                case POW_CONST -> { exponents++; operations++; }
                case SUM -> { operations++; terms += node.children().size(); }
                default -> operations += fused[i] ? 0 : 1;
            }
        }
        leaves = leafList.toArray(new Value[0]);
        firstLeaf = 1;
        firstOperation = firstLeaf + leaves.length + exponents;
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

        int[] slotOf = new int[order.size()];
        int nextLeaf = firstLeaf;
        int nextExponent = firstLeaf + leaves.length;
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
            List<Value> children = node.children();
            if (kind == Op.SUM) {
                a[s] = nextTerm;
                for (Value term : children) {
                    int t = position.get(term);
                    if (fused[t]) {
                        List<Value> factors = term.children();
                        factorA[nextTerm] = slotOf[position.get(factors.get(0))];
                        factorB[nextTerm] = slotOf[position.get(factors.get(1))];
                    } else {
                        factorA[nextTerm] = slotOf[t];
                        factorB[nextTerm] = ONE;
                    }
                    nextTerm++;
                }
                b[s] = nextTerm;
            } else {
                a[s] = slotOf[position.get(children.get(0))];
                if (kind == Op.POW_CONST) {
                    value[nextExponent] = node.exponent();
                    b[s] = nextExponent++;
                } else {
                    b[s] = children.size() > 1 ? slotOf[position.get(children.get(1))] : ONE;
                }
            }
        }
        this.output = output;
        outputSlot = slotOf[order.size() - 1];
        observed = observedNodes.toArray(new Value[0]);
        observedSlot = new int[observed.length];
        for (int j = 0; j < observed.length; j++) {
            observedSlot[j] = slotOf[position.get(observed[j])];
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
     * Products that can live inside the one sum that uses them: a MUL node used exactly once, by a SUM, and not
     * kept (the output and observed nodes are kept).
     */
    private static boolean[] findFusedProducts(List<Value> order, Map<Value, Integer> position, boolean[] keep) {
        int[] uses = new int[order.size()];
        int[] usesBySum = new int[order.size()];
        for (Value node : order) {
            for (Value child : node.children()) {
                int c = position.get(child);
                uses[c]++;
                if (node.operation() == Op.SUM) {
                    usesBySum[c]++;
                }
            }
        }
        boolean[] fused = new boolean[order.size()];
        for (int i = 0; i < order.size(); i++) {
            fused[i] = order.get(i).operation() == Op.MUL && uses[i] == 1 && usesBySum[i] == 1 && !keep[i];
        }
        return fused;
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
            if (kind == Op.SUM) {
                v[i] = sum(a[i], b[i]);
                continue;
            }
            double x = v[a[i]];
            double y = v[b[i]];
            v[i] = switch (kind) {
                case ADD -> Op.ADD.forward(x, y);
                case SUB -> Op.SUB.forward(x, y);
                case MUL -> Op.MUL.forward(x, y);
                case DIV -> Op.DIV.forward(x, y);
                case POW_CONST -> Op.POW_CONST.forward(x, y);
                case POW -> Op.POW.forward(x, y);
                case NEG -> Op.NEG.forward(x, y);
                case EXP -> Op.EXP.forward(x, y);
                case LOG -> Op.LOG.forward(x, y);
                case TANH -> Op.TANH.forward(x, y);
                case RELU -> Op.RELU.forward(x, y);
                case SIGMOID -> Op.SIGMOID.forward(x, y);
                case SUM, LEAF -> throw new IllegalStateException(kind + " is not a unary or binary operation");
            };
        }
        for (int j = 0; j < observed.length; j++) {
            observed[j].setData(v[observedSlot[j]]);
        }
        output.setData(v[outputSlot]);
        return v[outputSlot];
    }

    /** The terms in order, starting from 0, as {@link Value#sum} adds them. */
    private double sum(int from, int to) {
        double total = 0;
        for (int t = from; t < to; t++) {
            total += value[factorA[t]] * value[factorB[t]];
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
            double gi = g[i];
            int x = a[i];
            int y = b[i];
            switch (op[i]) {
                case SUM -> {
                    // A fused product's own grad would be 0 + gi = gi: push it straight into the factors. Last term
                    // first, the order in which the graph's backward reaches those products.
                    for (int t = y - 1; t >= x; t--) {
                        g[factorA[t]] += v[factorB[t]] * gi;
                        g[factorB[t]] += v[factorA[t]] * gi;
                    }
                }
                case ADD -> { g[x] += gi; g[y] += gi; }
                case SUB -> { g[x] += gi; g[y] -= gi; }
                case MUL -> { g[x] += v[y] * gi; g[y] += v[x] * gi; }
                case DIV -> { g[x] += gi / v[y]; g[y] -= gi * v[i] / v[y]; }
                case POW_CONST -> {
                    double k = v[y];
                    if (k != 0) {
                        g[x] += k * Math.pow(v[x], k - 1) * gi;
                    }
                }
                case POW -> {
                    if (v[y] != 0) {
                        g[x] += v[y] * Math.pow(v[x], v[y] - 1) * gi;
                    }
                    if (!(v[x] == 0 && v[y] >= 0)) {
                        g[y] += v[i] * Math.log(v[x]) * gi;
                    }
                }
                case NEG -> g[x] -= gi;
                case EXP -> g[x] += v[i] * gi;
                case LOG -> g[x] += gi / v[x];
                case TANH -> g[x] += (1 - v[i] * v[i]) * gi;
                case RELU -> g[x] += v[i] > 0 ? gi : 0.0;
                case SIGMOID -> g[x] += v[i] * (1 - v[i]) * gi;
                case LEAF -> throw new IllegalStateException("a leaf among the operations");
            }
        }
        for (int j = 0; j < leaves.length; j++) {
            Value leaf = leaves[j];
            leaf.setGrad(leaf.grad() + g[firstLeaf + j]);
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
