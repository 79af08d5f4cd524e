package micrograd.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import micrograd.engine.Op;
import micrograd.engine.Value;

/**
 * A graph of {@link Value}s with several outputs, compiled into instructions over a {@link SlotSpace} and replayed
 * forward and backward for new inputs: the compiler behind {@link DerivedGpt}. Where {@link Tape} owns its numbers and
 * reads its leaves from their {@code Value}s, a program's leaves are slots that its caller fills:
 * <ul>
 *   <li><b>bound leaves</b> (a model's parameters) live in slots the caller gives, shared by every program;</li>
 *   <li><b>input slots</b>, one per placeholder leaf, that the caller fills before {@link #forward()} and whose
 *       gradients it reads after {@link #backward()} (the embedding rows a document's tokens select, the hidden state
 *       another program computed);</li>
 *   <li><b>stop-gradient maxima</b>: a leaf that the graph's code made as {@code -max} of other nodes' data (softmax's
 *       shift) is recomputed from them at every replay and passes no gradient on;</li>
 *   <li>every other leaf is a constant, kept as recorded.</li>
 * </ul>
 *
 * <p>The numbers are the object graph's bit for bit: every value and local derivative comes from {@link Op}, a sum
 * adds its terms from 0 in order as {@link Value#sum} does, products used only by one sum are fused into it under
 * {@link Tape}'s rule, and the backward pass visits the nodes in the reverse of the graph's depth-first order from
 * the outputs taken in order (that of {@code Value.sum(outputs).backward()}), so every node receives its gradient
 * contributions in the order {@code Value.backward()} would give them. The forward pass runs in an order that also
 * respects the maxima's sources (the graph visits a softmax's first entry before the others its shift is the max of).
 * The caller zeroes the gradients ({@link #clearGradients()}) and seeds the outputs' before {@link #backward()};
 * bound leaves accumulate into what their slots hold, so several programs add into one parameter's gradient in the
 * order they run.
 */
final class Program {

    private static final int SUM = 0;
    private static final int SHIFT = 1;
    private static final int OPERATION = 2;

    private final SlotSpace slots;
    private final Map<Value, Integer> slotOf = new IdentityHashMap<>();
    /** The program's own slots: its input slots, constants and nodes. */
    private final int firstSlot;
    private final int endSlot;
    // one instruction per unfused node, in the graph's order (the backward pass runs it in reverse)
    private final int[] kind;
    private final Op[] op;
    private final int[] target;
    /** Operand slots; for a sum, the range [a, b) of its terms; for a maximum, the range of its sources. */
    private final int[] a;
    private final int[] b;
    /** A sum's term t is {@code value[factorA[t]] * value[factorB[t]]} (factorB the constant 1 for a plain term). */
    private final int[] factorA;
    private final int[] factorB;
    private final int[] sources;
    /** The instructions in the order the forward pass runs them. */
    private final int[] forwardOrder;

    /**
     * Compiles the graph that {@code outputs} depend on.
     *
     * @param bound        leaves that live in the caller's slots (a model's parameters), with their slots
     * @param inputs       placeholder leaves that get input slots
     * @param shifts       leaves that are {@code -max} of other nodes' data, with those nodes
     * @param one          a slot holding the constant 1
     */
    Program(SlotSpace slots, List<Value> outputs, Map<Value, Integer> bound, List<Value> inputs,
            Map<Value, Value[]> shifts, int one) {
        this.slots = slots;
        List<Value> order = new ArrayList<>(Value.sum(outputs).topologicalOrder());
        order.remove(order.size() - 1); // the sum that only gave the outputs their order
        Map<Value, Integer> position = new IdentityHashMap<>(2 * order.size());
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        boolean[] keep = new boolean[order.size()];
        for (Value output : outputs) {
            keep[position.get(output)] = true;
        }
        boolean[] fused = Tape.findFusedProducts(order, position, keep);

        Map<Value, Integer> inputSlot = new IdentityHashMap<>();
        for (Value input : inputs) {
            inputSlot.put(input, inputSlot.size());
        }
        // Slots: the inputs, then one per constant, exponent and node, in the graph's order.
        int own = inputs.size();
        int instructions = 0;
        int terms = 0;
        int sourceCount = 0;
        for (int i = 0; i < order.size(); i++) {
            Value node = order.get(i);
            Op kind = node.operation();
            if (kind == Op.LEAF) {
                Value[] of = shifts.get(node);
                if (of != null) {
                    instructions++;
                    sourceCount += of.length;
                    own++;
                } else if (!bound.containsKey(node) && !inputSlot.containsKey(node)) {
                    own++;
                }
            } else if (!fused[i]) {
                instructions++;
                own += kind == Op.POW_CONST ? 2 : 1;
                if (kind == Op.SUM) {
                    terms += node.children().size();
                }
            }
        }
        firstSlot = slots.allocate(own);
        endSlot = firstSlot + own;
        int next = firstSlot;
        for (Value input : inputs) {
            slotOf.put(input, next++);
        }
        slotOf.putAll(bound);
        kind = new int[instructions];
        op = new Op[instructions];
        target = new int[instructions];
        a = new int[instructions];
        b = new int[instructions];
        factorA = new int[terms];
        factorB = new int[terms];
        sources = new int[sourceCount];
        int instruction = 0;
        int term = 0;
        int source = 0;
        int[] instructionOf = new int[order.size()];
        List<Value[]> shiftSources = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Value node = order.get(i);
            Op operation = node.operation();
            instructionOf[i] = -1;
            if (operation == Op.LEAF) {
                if (slotOf.containsKey(node)) {
                    continue;
                }
                int s = next++;
                slotOf.put(node, s);
                Value[] of = shifts.get(node);
                if (of == null) {
                    slots.value[s] = node.data(); // a constant
                    continue;
                }
                instructionOf[i] = instruction;
                kind[instruction] = SHIFT;
                target[instruction] = s;
                a[instruction] = source;
                source += of.length;
                b[instruction++] = source;
                shiftSources.add(of); // their slots are not all known yet: a softmax's later entries come later
                continue;
            }
            if (fused[i]) {
                continue; // its factors are written into the sum that uses it
            }
            int s = next++;
            slotOf.put(node, s);
            instructionOf[i] = instruction;
            target[instruction] = s;
            op[instruction] = operation;
            List<Value> children = node.children();
            if (operation == Op.SUM) {
                kind[instruction] = SUM;
                a[instruction] = term;
                for (Value child : children) {
                    int c = position.get(child);
                    if (fused[c]) {
                        List<Value> factors = child.children();
                        factorA[term] = slotOf.get(factors.get(0));
                        factorB[term] = slotOf.get(factors.get(1));
                    } else {
                        factorA[term] = slotOf.get(child);
                        factorB[term] = one;
                    }
                    term++;
                }
                b[instruction] = term;
            } else {
                kind[instruction] = OPERATION;
                a[instruction] = slotOf.get(children.get(0));
                if (operation == Op.POW_CONST) {
                    int exponent = next++;
                    slots.value[exponent] = node.exponent();
                    b[instruction] = exponent;
                } else {
                    b[instruction] = children.size() > 1 ? slotOf.get(children.get(1)) : one;
                }
            }
            instruction++;
        }
        source = 0;
        for (Value[] of : shiftSources) {
            for (Value x : of) {
                sources[source++] = slot(x);
            }
        }
        forwardOrder = forwardOrder(order, position, fused, instructionOf, shifts);
    }

    /**
     * An order of the instructions in which each runs after the instructions it reads: the graph's order, except
     * that a maximum waits for all its sources (and whatever uses the maximum waits for it).
     */
    private static int[] forwardOrder(List<Value> order, Map<Value, Integer> position, boolean[] fused,
                                      int[] instructionOf, Map<Value, Value[]> shifts) {
        int n = order.size();
        // what each node needs computed first: its operands (a fused product's factors, through the product), or for
        // a maximum its sources
        int[][] needs = new int[n][];
        for (int i = 0; i < n; i++) {
            Value node = order.get(i);
            Value[] of = node.operation() == Op.LEAF ? shifts.get(node) : null;
            List<Value> operands = of != null ? List.of(of) : node.children();
            needs[i] = new int[operands.size()];
            for (int k = 0; k < operands.size(); k++) {
                needs[i][k] = position.get(operands.get(k));
            }
        }
        int count = 0;
        for (int instruction : instructionOf) {
            count += instruction >= 0 ? 1 : 0;
        }
        int[] result = new int[count];
        int filled = 0;
        boolean[] done = new boolean[n];
        int[] stack = new int[n];
        int[] nextNeed = new int[n];
        for (int root = 0; root < n; root++) {
            if (done[root]) {
                continue;
            }
            int top = 0;
            stack[0] = root;
            nextNeed[0] = 0;
            while (top >= 0) {
                int node = stack[top];
                if (nextNeed[top] < needs[node].length) {
                    int need = needs[node][nextNeed[top]++];
                    if (!done[need]) {
                        stack[++top] = need;
                        nextNeed[top] = 0;
                    }
                    continue;
                }
                if (!done[node]) {
                    done[node] = true;
                    if (instructionOf[node] >= 0) {
                        result[filled++] = instructionOf[node];
                    }
                }
                top--;
            }
        }
        return result;
    }

    /** The slot of an output or an input of this program. */
    int slot(Value node) {
        Integer slot = slotOf.get(node);
        if (slot == null) {
            throw new IllegalArgumentException("not part of this program: " + node);
        }
        return slot;
    }

    /** Recomputes every node from the slots' current values. Allocates nothing. */
    void forward() {
        final double[] v = slots.value;
        for (int i : forwardOrder) {
            int s = target[i];
            switch (kind[i]) {
                case SUM -> {
                    double total = 0;
                    for (int t = a[i], end = b[i]; t < end; t++) {
                        total = Op.SUM.forward(total, Op.MUL.forward(v[factorA[t]], v[factorB[t]]));
                    }
                    v[s] = total;
                }
                case SHIFT -> {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int t = a[i], end = b[i]; t < end; t++) {
                        max = Math.max(max, v[sources[t]]);
                    }
                    v[s] = -max;
                }
                default -> v[s] = Op.forward(op[i], v[a[i]], v[b[i]]);
            }
        }
    }

    /** Sets the gradients of this program's own slots (inputs, constants, nodes) to 0; bound leaves keep theirs. */
    void clearGradients() {
        Arrays.fill(slots.grad, firstSlot, endSlot, 0.0);
    }

    /**
     * Passes the gradients seeded at the outputs back to the inputs and the bound leaves, in the reverse of the graph's
     * order, through the values of the last {@link #forward()}. Allocates nothing.
     */
    void backward() {
        final double[] v = slots.value;
        final double[] g = slots.grad;
        for (int i = kind.length - 1; i >= 0; i--) {
            int s = target[i];
            switch (kind[i]) {
                case SUM -> {
                    double out = v[s];
                    double gradOut = g[s];
                    for (int t = b[i] - 1; t >= a[i]; t--) {
                        int x = factorA[t];
                        int y = factorB[t];
                        double product = Op.MUL.forward(v[x], v[y]);
                        double gradProduct = Op.SUM.gradA(product, 0, out, gradOut);
                        g[x] += Op.MUL.gradA(v[x], v[y], product, gradProduct);
                        g[y] += Op.MUL.gradB(v[x], v[y], product, gradProduct);
                    }
                }
                case SHIFT -> {
                    // a constant to the graph: no gradient flows through it
                }
                default -> {
                    Op kind = op[i];
                    int x = a[i];
                    int y = b[i];
                    g[x] += Op.gradA(kind, v[x], v[y], v[s], g[s]);
                    if (kind.isBinary()) {
                        g[y] += Op.gradB(kind, v[x], v[y], v[s], g[s]);
                    }
                }
            }
        }
    }
}
