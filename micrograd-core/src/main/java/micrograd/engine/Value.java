package micrograd.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One scalar and its gradient: a node of the expression graph that reverse-mode autodiff runs over. The Java
 * counterpart of micrograd's {@code Value} in engine.py:
 *
 * <table>
 *   <caption>micrograd's names and ours</caption>
 *   <tr><th>micrograd</th><th>micrograd-java</th></tr>
 *   <tr><td>{@code data}, {@code grad}</td><td>{@link #data()}, {@link #grad()} (and their setters)</td></tr>
 *   <tr><td>{@code _prev}</td><td>{@link #children()}: the operands {@code a} and {@code b}, or a sum's terms</td></tr>
 *   <tr><td>{@code _op}</td><td>{@link #op()}: the symbol of {@link #operation()}, the {@link Op} that made it</td>
 *   </tr>
 *   <tr><td>{@code _backward}, microgpt's {@code _local_grads}</td><td>{@link #localGradients}: what each operand
 *   receives from this node's grad, by the {@link Op}'s local derivatives</td></tr>
 *   <tr><td>{@code label}</td><td>{@link #label()}, {@link #label(String)}</td></tr>
 *   <tr><td>{@code __add__}, {@code __mul__}, ...</td><td>{@link #add}, {@link #mul}, ... (see {@link Op})</td></tr>
 * </table>
 *
 * <p>Every operation returns a new node that remembers its operands and which {@link Op} made it; {@link #backward()}
 * then applies the chain rule from this node back to every node it depends on, in reverse topological order.
 * Gradients <b>accumulate</b> with {@code +=}: a node used twice gets both contributions, and the leaves keep what
 * they held before, so before a second {@code backward()} over the same leaves set their grads to 0 yourself (an nn
 * {@code Module}'s {@code zeroGrad()} does it for parameters), as in micrograd and PyTorch. The inner nodes start
 * each {@code backward()} from 0 (micrograd's own engine lets them keep the last pass's grads, so its second pass
 * over one graph comes out wrong: its issue #53).
 *
 * <p>Arithmetic follows IEEE 754 and PyTorch, never throwing: division by zero gives ±Infinity, {@code log} of a
 * negative number gives NaN, {@code log(0)} gives -Infinity, and such values flow on through forward and backward.
 *
 * <p>Two values with equal data are different nodes: equality is identity. A graph belongs to one thread at a time;
 * give each thread its own graph (its labels are its own too: each node holds its label). How the node is laid out for
 * speed: {@code docs/performance.md}.
 *
 * <p>Not final only for its own n-ary sum node, {@link Sum}; the constructor is private, so no other class extends it.
 */
public class Value {

    double data;
    double grad;
    final Op op;
    /**
     * The operands: a, and b for a binary operation (for {@link Op#POW_CONST}, a leaf holding the exponent); both null
     * for a leaf and a {@link Sum}. b is declared first on purpose (docs/performance.md, "field order").
     */
    final Value b;
    final Value a;
    /** The label shown in drawings; null when none was given (most nodes). */
    private String label;
    /** Set while a topological sort runs over this node (see {@link TopologicalSort}). */
    boolean visited;

    private Value(double data, Op op, Value a, Value b) {
        this.data = data;
        this.op = op;
        this.a = a;
        this.b = b;
    }

    /**
     * An n-ary {@link Op#SUM} node, which alone needs an array of terms: in a class of its own, the other nodes do not
     * carry that field, and a node keeps to 48 bytes with its label (docs/performance.md, "the node").
     */
    static final class Sum extends Value {
        final Value[] terms;

        private Sum(double total, Value[] terms) {
            super(total, Op.SUM, null, null);
            this.terms = terms;
        }
    }

    private static Value binary(Op op, Value a, Value b) {
        return new Value(op.forward(a.data, b.data), op, a, b);
    }

    private static Value unary(Op op, Value a) {
        return new Value(op.forward(a.data, 0), op, a, null);
    }

    /** A leaf holding {@code data}. */
    public static Value of(double data) {
        return new Value(data, Op.LEAF, null, null);
    }

    /** A leaf holding {@code data}, labelled for graph drawings. */
    public static Value of(double data, String label) {
        return of(data).label(label);
    }

    // ---- state -------------------------------------------------------------------------------------------------

    public double data() { return data; }

    public double grad() { return grad; }

    public void setData(double data) { this.data = data; }

    public void setGrad(double grad) { this.grad = grad; }

    /** The label shown in graph drawings; "" when none was given. */
    public String label() { return label == null ? "" : label; }

    /** Sets the label and returns this node, so that {@code Value e = a.mul(b).label("e")} reads naturally. */
    public Value label(String label) {
        this.label = label == null || label.isEmpty() ? null : label;
        return this;
    }

    /** The operation that made this node, as micrograd labels it ("+", "*", "**2", "ReLU", "tanh", ...); "" for a leaf. */
    public String op() {
        return op == Op.POW_CONST ? op.symbol + formatExponent(b.data) : op.symbol;
    }

    /** Which operation made this node ({@link Op#LEAF} for a leaf): for code that compiles graphs, such as a tape. */
    public Op operation() { return op; }

    /**
     * What the {@link Op} takes as its b besides the operands in {@link #children()}: the exponent k of a node made by
     * {@link #pow(double)}, 0 for a unary operation (which ignores it); NaN for a leaf, a sum and a binary operation,
     * whose b, if any, is an operand. A fast path compiles it as a constant.
     */
    public double constant() {
        if (op == Op.POW_CONST) {
            return b.data;
        }
        return a != null && b == null ? 0 : Double.NaN;
    }

    /**
     * The operands of the operation that made this node, in operand order; empty for a leaf. A constant exponent is
     * not an operand (as in micrograd, {@code a ** 2} has the single child {@code a}).
     */
    public List<Value> children() {
        if (this instanceof Sum sum) {
            return Collections.unmodifiableList(Arrays.asList(sum.terms));
        }
        return switch (arity()) {
            case 0 -> List.of();
            case 1 -> List.of(a);
            default -> List.of(a, b);
        };
    }

    // ---- operations (the forward value and local derivatives of each live together in Op) ---------------------

    public Value add(Value other) { return binary(Op.ADD, this, other); }

    public Value add(double c) { return add(of(c)); }

    public Value sub(Value other) { return binary(Op.SUB, this, other); }

    public Value sub(double c) { return sub(of(c)); }

    /** {@code c - this} (Python's {@code __rsub__}). */
    public Value rsub(double c) { return of(c).sub(this); }

    public Value mul(Value other) { return binary(Op.MUL, this, other); }

    public Value mul(double c) { return mul(of(c)); }

    public Value div(Value other) { return binary(Op.DIV, this, other); }

    public Value div(double c) { return div(of(c)); }

    /** {@code c / this} (Python's {@code __rtruediv__}). */
    public Value rdiv(double c) { return of(c).div(this); }

    /** {@code this ** k} for a constant exponent, as micrograd's {@code __pow__}. */
    public Value pow(double k) {
        return binary(Op.POW_CONST, this, of(k));
    }

    /** {@code this ** exponent}; unlike micrograd, the exponent gets a gradient too (PyTorch's semantics). */
    public Value pow(Value exponent) { return binary(Op.POW, this, exponent); }

    public Value neg() { return unary(Op.NEG, this); }

    public Value exp() { return unary(Op.EXP, this); }

    public Value log() { return unary(Op.LOG, this); }

    public Value tanh() { return unary(Op.TANH, this); }

    public Value relu() { return unary(Op.RELU, this); }

    public Value sigmoid() { return unary(Op.SIGMOID, this); }

    /** The sum of all terms as ONE graph node (not an n-deep chain of additions); a leaf 0 for no terms. */
    public static Value sum(List<Value> terms) {
        return sumOf(terms.toArray(new Value[0]));
    }

    /** The sum of all terms as ONE graph node; a leaf 0 for no terms. */
    public static Value sum(Value... terms) {
        return sumOf(terms.clone());
    }

    /**
     * {@code bias + weights[0]*inputs[0] + weights[1]*inputs[1] + ...}: a product node per pair and one sum node over
     * the bias and the products, in that order. This is the graph of micrograd's {@code sum((wi*xi for wi, xi in
     * zip(w, x)), b)} (with the sum as one node), a neuron's weighted sum, built without the intermediate array
     * that {@link #sum(Value...)} would have to copy.
     */
    public static Value weightedSum(Value bias, List<Value> weights, List<Value> inputs) {
        if (weights.size() != inputs.size()) {
            throw new IllegalArgumentException("a weighted sum pairs each weight with one input, got "
                    + weights.size() + " weights and " + inputs.size() + " inputs");
        }
        Value[] terms = new Value[weights.size() + 1];
        terms[0] = bias;
        for (int i = 0; i < weights.size(); i++) {
            terms[i + 1] = weights.get(i).mul(inputs.get(i));
        }
        return sumOf(terms);
    }

    /** The sum node over {@code terms}, which it keeps (callers pass a copy of their own). */
    private static Value sumOf(Value[] terms) {
        double total = 0;
        for (Value t : terms) {
            total = Op.SUM.forward(total, t.data);
        }
        return terms.length == 0 ? of(0) : new Sum(total, terms);
    }

    // ---- backpropagation ---------------------------------------------------------------------------------------

    /**
     * Sets this node's grad to 1 and applies the chain rule to every node it depends on, in reverse topological
     * order. The inner nodes' grads are set to 0 first; the leaves' grads accumulate into whatever they held before,
     * so zero them first when reusing leaves. Iterative, so graphs of any depth work.
     */
    public void backward() {
        TopologicalSort.backwardPass(this, node -> node.localGradients(node.grad, Value::receive));
    }

    /** micrograd's {@code _backward}, one operand at a time: the chain rule's {@code +=}. */
    private static void receive(int index, Value operand, double gradient) {
        operand.grad += gradient;
    }

    /**
     * microgpt's {@code _local_grads} with the chain rule applied: hands each operand, in operand order (the same as
     * {@link #children()}), and what it receives when {@code outGrad} arrives at this node, {@code outGrad} times the
     * local derivative of this node by that operand, to {@code receiver}. Nothing for a leaf; a constant exponent is
     * not an operand. {@link #backward()} passes this node's own grad and adds each amount into the operand's grad;
     * the amounts come from {@link Op#gradA} and {@link Op#gradB}.
     */
    public void localGradients(double outGrad, OperandGradient receiver) {
        if (this instanceof Sum sum) {
            Value[] terms = sum.terms;
            for (int i = 0; i < terms.length; i++) {
                receiver.receive(i, terms[i], op.gradA(terms[i].data, 0, data, outGrad));
            }
        } else if (a != null) {
            double bData = b == null ? 0 : b.data;
            receiver.receive(0, a, op.gradA(a.data, bData, data, outGrad));
            if (op.isBinary()) {
                receiver.receive(1, b, op.gradB(a.data, bData, data, outGrad));
            }
        }
    }

    /**
     * Every node this value depends on, itself last, each before any node that uses it. Deterministic: operands are
     * visited in operand order. Iterative depth-first search, so a chain of millions of nodes does not overflow.
     */
    public List<Value> topologicalOrder() {
        return TopologicalSort.of(this);
    }

    /** How many operands the sort visits (a constant exponent is a leaf the sort need not visit). */
    int arity() {
        return this instanceof Sum sum ? sum.terms.length : a == null ? 0 : op.isBinary() ? 2 : 1;
    }

    /** {@code Value(data=2.0, grad=0.0)}, as micrograd prints it. */
    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + ")";
    }

    /** "2" for 2.0 and "-1" for -1.0, as Python prints micrograd's integer exponents; "0.5" otherwise. */
    private static String formatExponent(double k) {
        return k == Math.rint(k) && Math.abs(k) < 1e15 ? Long.toString((long) k) : Double.toString(k);
    }
}
