package micrograd.fast;

import java.util.ArrayList;
import java.util.HashMap;
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
 * {@link Tape}'s rule, and every node receives its gradient contributions in the order {@code Value.backward()}
 * would give them: the reverse of the graph's depth-first order from the outputs taken in order (that of
 * {@code Value.sum(outputs).backward()}), or any order that keeps each slot's contributions in that sequence
 * ({@link #backwardSchedule}, which runs a matrix's rows four at a time). The forward pass runs in an order that also
 * respects the maxima's sources (the graph visits a softmax's first entry before the others its shift is the max of).
 * The caller zeroes the gradients ({@link #clearGradients()}) and seeds the outputs' before {@link #backward()};
 * bound leaves accumulate into what their slots hold, so several programs add into one parameter's gradient in the
 * order they run.
 */
final class Program {

    private static final int SUM = 0;
    private static final int SHIFT = 1;
    private static final int OPERATION = 2;
    /**
     * A sum of products whose first factors lie in consecutive slots, and whose second factors do too (a matrix row's
     * weights and a vector): its forward pass reads both without the term arrays; its backward is a sum's.
     */
    private static final int DENSE_DOT = 3;

    private final SlotSpace slots;
    /** The slots of the outputs and the inputs, for {@link #slot}. */
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
     * For each instruction, the slot of one that runs before it in the forward order and computes the same operation
     * of the same operands (each attention weight's {@code total ** -1}), whose value the forward pass copies; -1 for
     * the others. The backward pass still runs both: each passes its own gradient on.
     */
    private final int[] sameAs;
    /** Where {@link #forwardOrder} holds four rows of one matrix-vector product in a row, which run together. */
    private final boolean[] fourRows;
    /**
     * For each k, how many instructions compute outputs 0 to k - 1 and nothing else ({@link #forward(int)}), and how
     * many entries of {@link #forwardOrder} run them (-1 where the forward order does not run them first).
     */
    private final int[] prefixLength;
    private final int[] forwardPrefixLength;
    /** For each k, the end of the slots that outputs 0 to k - 1 use. */
    private final int[] prefixEndSlot;
    /** The instructions in the order the backward pass runs them ({@link #backwardSchedule}); maxima left out. */
    private final int[] backwardOrder;
    /**
     * For each k, the backward order of outputs 0 to k - 1 ({@link #backwardOrder} without the later outputs'
     * instructions) and where it holds four fusable rows in a row; made at the first {@link #backward(int)} for k.
     */
    private final int[][] prefixBackwardOrder;
    private final boolean[][] prefixBackwardFourRows;

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
        List<Value> withSum = Value.sum(outputs).topologicalOrder();
        // without the sum that only gave the outputs their order
        GraphIndex graph = new GraphIndex(withSum.subList(0, withSum.size() - 1));
        List<Value> order = graph.order;
        int[][] operands = graph.operands;
        boolean[] keep = new boolean[order.size()];
        for (Value output : outputs) {
            keep[graph.positionOf(output)] = true;
        }
        boolean[] fused = Tape.findFusedProducts(graph, keep);

        Map<Value, Integer> inputSlot = new IdentityHashMap<>();
        for (Value input : inputs) {
            inputSlot.put(input, inputSlot.size());
        }
        // Slots: the inputs, then one per constant leaf and per node (and the constant b an operation of one operand
        // takes), in the graph's order.
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
                if (kind == Op.SUM) {
                    own++;
                    terms += operands[i].length;
                } else {
                    own += operands[i].length < 2 ? 2 : 1; // the node, and the constant it takes as b
                }
            }
        }
        firstSlot = slots.allocate(own);
        endSlot = firstSlot + own;
        int next = firstSlot;
        for (Value input : inputs) {
            slotOf.put(input, next++);
        }
        int[] slotAt = new int[order.size()]; // each node's slot, by position
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
        int[] slotsEnd = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            slotsEnd[i] = next;
            Value node = order.get(i);
            Op operation = node.operation();
            instructionOf[i] = -1;
            if (operation == Op.LEAF) {
                Integer fixed = bound.containsKey(node) ? bound.get(node) : slotOf.get(node); // a parameter, an input
                if (fixed != null) {
                    slotAt[i] = fixed;
                    continue;
                }
                int s = next++;
                slotAt[i] = s;
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
            slotAt[i] = s;
            instructionOf[i] = instruction;
            target[instruction] = s;
            op[instruction] = operation;
            if (operation == Op.SUM) {
                kind[instruction] = SUM;
                a[instruction] = term;
                for (int c : operands[i]) {
                    if (fused[c]) {
                        factorA[term] = slotAt[operands[c][0]];
                        factorB[term] = slotAt[operands[c][1]];
                    } else {
                        factorA[term] = slotAt[c];
                        factorB[term] = one;
                    }
                    term++;
                }
                b[instruction] = term;
                kind[instruction] = dotKind(a[instruction], term);
            } else {
                kind[instruction] = OPERATION;
                a[instruction] = slotAt[operands[i][0]];
                if (operands[i].length > 1) {
                    b[instruction] = slotAt[operands[i][1]];
                } else {
                    // what the operation takes as b besides its operand (a ** k's k)
                    int constant = next++;
                    slots.value[constant] = node.constant();
                    b[instruction] = constant;
                }
            }
            instruction++;
        }
        for (int i = 0; i + 1 < order.size(); i++) {
            slotsEnd[i] = slotsEnd[i + 1]; // each entry held the end before its node; make it the end after
        }
        slotsEnd[order.size() - 1] = next;
        source = 0;
        for (Value[] of : shiftSources) {
            for (Value x : of) {
                sources[source++] = slotAt[graph.positionOf(x)];
            }
        }
        for (Value output : outputs) {
            slotOf.put(output, slotAt[graph.positionOf(output)]);
        }
        forwardOrder = rowsTogether(forwardOrder(graph, instructionOf, shifts));
        sameAs = sameOperations(forwardOrder);
        fourRows = new boolean[forwardOrder.length];
        for (int k = 0; k + 3 < forwardOrder.length; k++) {
            long key = rowKey(forwardOrder[k]);
            if (key >= 0 && rowKey(forwardOrder[k + 1]) == key && rowKey(forwardOrder[k + 2]) == key
                    && rowKey(forwardOrder[k + 3]) == key) {
                fourRows[k] = true;
                k += 3;
            }
        }
        prefixLength = new int[outputs.size() + 1];
        forwardPrefixLength = new int[outputs.size() + 1];
        prefixEndSlot = new int[outputs.size() + 1];
        prefixEndSlot[0] = firstSlot + inputs.size();
        int[] instructionsUpTo = new int[order.size()];
        for (int i = 0, count = 0; i < order.size(); i++) {
            count += instructionOf[i] >= 0 ? 1 : 0;
            instructionsUpTo[i] = count;
        }
        int forwardCount = 0;
        for (int k = 1; k <= outputs.size(); k++) {
            // the depth-first order finishes output k - 1 right after everything it depends on
            int last = graph.positionOf(outputs.get(k - 1));
            int count = instructionsUpTo[last];
            prefixLength[k] = Math.max(count, prefixLength[k - 1]);
            prefixEndSlot[k] = Math.max(slotsEnd[last], prefixEndSlot[k - 1]);
            while (forwardCount < forwardOrder.length && forwardOrder[forwardCount] < prefixLength[k]) {
                forwardCount++;
            }
            boolean complete = forwardCount == prefixLength[k];
            forwardPrefixLength[k] = complete ? forwardCount : -1;
        }
        boolean[] observed = new boolean[slots.value.length];
        for (int s : target) {
            observed[s] = true;
        }
        for (int s = firstSlot; s < firstSlot + inputs.size(); s++) {
            observed[s] = true;
        }
        for (int s : bound.values()) {
            observed[s] = true;
        }
        backwardOrder = backwardSchedule(observed);
        prefixBackwardOrder = new int[outputs.size() + 1][];
        prefixBackwardFourRows = new boolean[outputs.size() + 1][];
    }

    /**
     * Puts into {@code written} each slot whose gradient instruction {@code i}'s backward step adds to (maybe twice),
     * and returns how many; {@code written} holds twice the longest sum's terms.
     */
    private int writes(int i, int[] written) {
        int count = 0;
        if (kind[i] == SUM || kind[i] == DENSE_DOT) {
            for (int t = a[i]; t < b[i]; t++) {
                written[count++] = factorA[t];
                written[count++] = factorB[t];
            }
        } else if (kind[i] == OPERATION) {
            written[count++] = a[i];
            written[count++] = b[i];
        }
        return count; // a maximum passes no gradient on
    }

    /**
     * An order for the backward pass that gives the same numbers bit for bit as the reverse of the graph's order,
     * and puts the rows of a matrix-vector product side by side so that they run four at a time. The numbers stay
     * the same in any order where each instruction runs after every contribution to its own node's gradient, and
     * every slot receives its contributions in the same sequence as in the reverse order: these two rules are the
     * only edges between instructions here (a constant's gradient, which nobody reads, is left out of the second).
     * The order is a list schedule over those edges: whatever is ready and not a row, in the reverse of the graph's
     * order; then a row, and right after it the next row of the same product if it has become ready.
     *
     * @param observed the slots whose gradients someone reads: nodes, inputs and bound leaves
     */
    private int[] backwardSchedule(boolean[] observed) {
        int n = kind.length;
        int[] lastWriter = new int[observed.length];
        Arrays.fill(lastWriter, -1);
        int[] seenBy = new int[observed.length];
        Arrays.fill(seenBy, -1);
        int longest = 1;
        for (int i = 0; i < n; i++) {
            longest = Math.max(longest, kind[i] == OPERATION ? 1 : b[i] - a[i]);
        }
        int[] written = new int[2 * longest];
        // the edges, as (from, to) pairs: at most one per slot written and one per instruction
        int[] edgeFrom = new int[64];
        int[] edgeTo = new int[64];
        int edges = 0;
        int[] waiting = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int previousOfTarget = lastWriter[target[i]];
            int count = writes(i, written);
            for (int w = -1; w < count; w++) {
                int previous;
                if (w < 0) {
                    previous = previousOfTarget;
                } else {
                    int s = written[w];
                    if (!observed[s] || seenBy[s] == i) {
                        continue;
                    }
                    seenBy[s] = i;
                    previous = lastWriter[s];
                    lastWriter[s] = i;
                }
                if (previous >= 0) {
                    if (edges == edgeFrom.length) {
                        edgeFrom = Arrays.copyOf(edgeFrom, 2 * edges);
                        edgeTo = Arrays.copyOf(edgeTo, 2 * edges);
                    }
                    edgeFrom[edges] = previous;
                    edgeTo[edges++] = i;
                    waiting[i]++;
                }
            }
        }
        // the edges leaving each instruction, grouped by instruction
        int[] firstEdge = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            firstEdge[edgeFrom[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            firstEdge[i + 1] += firstEdge[i];
        }
        int[] successor = new int[edges];
        int[] filledEdges = Arrays.copyOf(firstEdge, n);
        for (int e = 0; e < edges; e++) {
            successor[filledEdges[edgeFrom[e]]++] = edgeTo[e];
        }
        IntMaxHeap readyRows = new IntMaxHeap();
        IntMaxHeap readyOthers = new IntMaxHeap();
        boolean[] scheduled = new boolean[n]; // a row run early, as the next row of its product, stays in readyRows
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (kind[i] != SHIFT) {
                count++;
                if (waiting[i] == 0) {
                    (rowKey(i) >= 0 ? readyRows : readyOthers).add(i);
                }
            }
        }
        int[] result = new int[count];
        int filled = 0;
        int nextRow = -1;
        while (filled < count) {
            int i;
            if (nextRow >= 0) {
                i = nextRow;
            } else if (!readyOthers.isEmpty()) {
                i = readyOthers.pollMax();
            } else {
                do {
                    i = readyRows.pollMax();
                } while (scheduled[i]);
            }
            scheduled[i] = true;
            result[filled++] = i;
            long key = rowKey(i);
            nextRow = -1;
            for (int e = firstEdge[i]; e < firstEdge[i + 1]; e++) {
                int next = successor[e];
                if (--waiting[next] == 0 && kind[next] != SHIFT) {
                    long nextKey = rowKey(next);
                    (nextKey >= 0 ? readyRows : readyOthers).add(next);
                    if (key >= 0 && nextKey == key && next > nextRow) {
                        nextRow = next;
                    }
                }
            }
        }
        return result;
    }

    /**
     * Whether four rows, in this order in the backward schedule, can run side by side ({@link #fourRowsBackward}):
     * rows of one product whose weights lie apart from each other and from the vector, and whose own nodes none of
     * them writes to, so that every slot receives its contributions in the same sequence as one row after another.
     */
    private boolean fusableRows(int[] order, int k) {
        long key = rowKey(order[k]);
        if (key < 0) {
            return false;
        }
        int length = b[order[k]] - a[order[k]];
        int x = factorB[a[order[k]]];
        for (int r = k; r < k + 4; r++) {
            int i = order[r];
            if (rowKey(i) != key || overlaps(target[i], 1, x, length)) {
                return false;
            }
            int w = factorA[a[i]];
            if (overlaps(w, length, x, length)) {
                return false;
            }
            for (int other = k; other < k + 4; other++) {
                int j = order[other];
                if ((j != i && overlaps(w, length, factorA[a[j]], length)) || overlaps(target[j], 1, w, length)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean overlaps(int from, int length, int otherFrom, int otherLength) {
        return from < otherFrom + otherLength && otherFrom < from + length;
    }

    /**
     * An order of the instructions in which each runs after the instructions it reads: the graph's order, except
     * that a maximum waits for all its sources (and whatever uses the maximum waits for it).
     */
    private static int[] forwardOrder(GraphIndex graph, int[] instructionOf, Map<Value, Value[]> shifts) {
        int n = graph.size();
        // what each node needs computed first: its operands (a fused product's factors, through the product), or for
        // a maximum its sources
        int[][] needs = graph.operands.clone();
        for (Map.Entry<Value, Value[]> shift : shifts.entrySet()) {
            int at = graph.positionOf(shift.getKey());
            if (at >= 0) {
                Value[] of = shift.getValue();
                needs[at] = new int[of.length];
                for (int k = 0; k < of.length; k++) {
                    needs[at][k] = graph.positionOf(of[k]);
                }
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

    /**
     * For a row of a matrix-vector product (a dense dot product of weights, bound leaves, with a vector of this
     * program), which vector and length it reads, as one number; -1 for any other instruction.
     */
    private long rowKey(int instruction) {
        if (kind[instruction] != DENSE_DOT || factorA[a[instruction]] >= firstSlot) {
            return -1;
        }
        return (long) factorB[a[instruction]] << 32 | (b[instruction] - a[instruction]);
    }

    /**
     * The forward order with the rows of each matrix-vector product moved up to its first row: they need only the
     * vector (the weights are leaves), and rows side by side run four at a time ({@link #fourRows}), four independent
     * sums the processor overlaps. Each row's sum is still added in its own order, so no number changes.
     */
    private int[] rowsTogether(int[] order) {
        Map<Long, List<Integer>> rows = new HashMap<>();
        for (int i : order) {
            long key = rowKey(i);
            if (key >= 0) {
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        int[] result = new int[order.length];
        boolean[] placed = new boolean[kind.length];
        int filled = 0;
        for (int i : order) {
            if (placed[i]) {
                continue;
            }
            long key = rowKey(i);
            for (int row : key >= 0 ? rows.get(key) : List.of(i)) {
                if (!placed[row]) {
                    placed[row] = true;
                    result[filled++] = row;
                }
            }
        }
        return result;
    }

    private int[] sameOperations(int[] order) {
        int[] result = new int[kind.length];
        Arrays.fill(result, -1);
        Map<List<Object>, Integer> first = new HashMap<>();
        for (int i : order) {
            if (kind[i] != OPERATION) {
                continue;
            }
            // a second operand is a slot; an operation of one operand takes a constant of its own, compared by value
            Object second = op[i].isBinary() ? (Object) b[i] : (Object) Double.doubleToRawLongBits(slots.value[b[i]]);
            Integer earlier = first.putIfAbsent(List.of(op[i], a[i], op[i].isBinary(), second), target[i]);
            if (earlier != null) {
                result[i] = earlier;
            }
        }
        return result;
    }

    /** DENSE_DOT where the terms [from, to) are products laid out for it, else SUM. */
    private int dotKind(int from, int to) {
        boolean dense = true;
        for (int t = from + 1; t < to; t++) {
            dense &= factorA[t] == factorA[t - 1] + 1 && factorB[t] == factorB[t - 1] + 1;
        }
        return dense ? DENSE_DOT : SUM;
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
        forward(prefixLength.length - 1);
    }

    /**
     * Recomputes only what outputs 0 to {@code outputs - 1} depend on: the same instructions, in the same order and
     * with the same numbers, as a program recorded from those outputs alone, since the depth-first order finishes the
     * first outputs before it starts on the next ones (microgpt's body: the positions of a shorter document).
     *
     * @throws IllegalArgumentException if a maximum needs a node of a later output, so that no prefix is complete
     */
    void forward(int outputs) {
        forward(0, outputs);
    }

    /**
     * Recomputes what outputs {@code from} to {@code to - 1} need beyond outputs 0 to {@code from - 1}, whose nodes
     * hold their values already: {@link #forward(int)} for {@code to} outputs, in steps (microgpt's body when it draws
     * a sample, one position at a time, each from the token the last one drew).
     *
     * @throws IllegalArgumentException if a maximum needs a node of a later output, so that no prefix is complete
     */
    void forward(int from, int to) {
        requireCompletePrefix(from);
        requireCompletePrefix(to);
        final double[] v = slots.value;
        final int[] order = forwardOrder;
        for (int k = forwardPrefixLength[from], count = forwardPrefixLength[to]; k < count; k++) {
            if (fourRows[k] && k + 3 < count) {
                fourRowsForward(order[k], order[k + 1], order[k + 2], order[k + 3]);
                k += 3;
                continue;
            }
            int i = order[k];
            int s = target[i];
            switch (kind[i]) {
                case SUM -> {
                    double total = 0;
                    for (int t = a[i], end = b[i]; t < end; t++) {
                        total = Op.SUM.forward(total, Op.MUL.forward(v[factorA[t]], v[factorB[t]]));
                    }
                    v[s] = total;
                }
                case DENSE_DOT -> {
                    double total = 0;
                    for (int x = factorA[a[i]], y = factorB[a[i]], end = x + b[i] - a[i]; x < end; x++, y++) {
                        total = Op.SUM.forward(total, Op.MUL.forward(v[x], v[y]));
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
                default -> v[s] = sameAs[i] >= 0 ? v[sameAs[i]] : Op.forward(op[i], v[a[i]], v[b[i]]);
            }
        }
    }

    private void requireCompletePrefix(int outputs) {
        if (forwardPrefixLength[outputs] < 0) {
            throw new IllegalArgumentException("the first " + outputs + " outputs need nodes of later ones");
        }
    }

    /** Four rows of one matrix-vector product: four dense dot products of one vector, computed side by side. */
    private void fourRowsForward(int i0, int i1, int i2, int i3) {
        final double[] v = slots.value;
        int w0 = factorA[a[i0]];
        int w1 = factorA[a[i1]];
        int w2 = factorA[a[i2]];
        int w3 = factorA[a[i3]];
        int x = factorB[a[i0]];
        int length = b[i0] - a[i0];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < length; k++) {
            double xk = v[x + k];
            s0 = Op.SUM.forward(s0, Op.MUL.forward(v[w0 + k], xk));
            s1 = Op.SUM.forward(s1, Op.MUL.forward(v[w1 + k], xk));
            s2 = Op.SUM.forward(s2, Op.MUL.forward(v[w2 + k], xk));
            s3 = Op.SUM.forward(s3, Op.MUL.forward(v[w3 + k], xk));
        }
        v[target[i0]] = s0;
        v[target[i1]] = s1;
        v[target[i2]] = s2;
        v[target[i3]] = s3;
    }

    /** Sets the gradients of this program's own slots (inputs, constants, nodes) to 0; bound leaves keep theirs. */
    void clearGradients() {
        Arrays.fill(slots.grad, firstSlot, endSlot, 0.0);
    }

    /** {@link #clearGradients()} for the slots of outputs 0 to {@code outputs - 1} (see {@link #forward(int)}). */
    void clearGradients(int outputs) {
        Arrays.fill(slots.grad, firstSlot, prefixEndSlot[outputs], 0.0);
    }

    /**
     * Passes the gradients seeded at the outputs back to the inputs and the bound leaves, each slot's contributions in
     * the order of the graph's backward pass ({@link #backwardSchedule}), through the values of the last
     * {@link #forward()}. Allocates nothing once each number of outputs has run once.
     */
    void backward() {
        backward(prefixLength.length - 1);
    }

    /** {@link #backward()} from outputs 0 to {@code outputs - 1} only (see {@link #forward(int)}). */
    void backward(int outputs) {
        if (prefixBackwardOrder[outputs] == null) {
            prefixBackward(outputs);
        }
        final int[] order = prefixBackwardOrder[outputs];
        final boolean[] four = prefixBackwardFourRows[outputs];
        for (int k = 0; k < order.length; k++) {
            if (four[k]) {
                fourRowsBackward(order[k], order[k + 1], order[k + 2], order[k + 3]);
                k += 3;
            } else {
                backwardStep(order[k]);
            }
        }
    }

    /**
     * The backward order of the first outputs: the whole program's with the later outputs' instructions left out,
     * which keeps both of {@link #backwardSchedule}'s rules, since it keeps the order of the instructions it keeps.
     */
    private void prefixBackward(int outputs) {
        int kept = 0;
        for (int i : backwardOrder) {
            kept += i < prefixLength[outputs] ? 1 : 0;
        }
        int[] order = new int[kept];
        kept = 0;
        for (int i : backwardOrder) {
            if (i < prefixLength[outputs]) {
                order[kept++] = i;
            }
        }
        boolean[] four = new boolean[order.length];
        for (int k = 0; k + 3 < order.length; k++) {
            if (fusableRows(order, k)) {
                four[k] = true;
                k += 3;
            }
        }
        prefixBackwardOrder[outputs] = order;
        prefixBackwardFourRows[outputs] = four;
    }

    private void backwardStep(int i) {
        final double[] v = slots.value;
        final double[] g = slots.grad;
        int s = target[i];
        if (kind[i] == OPERATION) {
            Op kind = op[i];
            int x = a[i];
            int y = b[i];
            g[x] += Op.gradA(kind, v[x], v[y], v[s], g[s]);
            g[y] += Op.gradB(kind, v[x], v[y], v[s], g[s]); // 0 into a constant's slot, which nobody reads
            return;
        }
        // a sum (maxima are not in the backward order)
        Tape.sumBackward(v, g, factorA, factorB, a[i], b[i], v[s], g[s]);
    }

    /**
     * Four rows of one matrix-vector product backward, side by side: each vector entry's gradient is held while the
     * four rows add to it in their order, and each weight receives its one contribution ({@link #fusableRows}).
     */
    private void fourRowsBackward(int i0, int i1, int i2, int i3) {
        final double[] v = slots.value;
        final double[] g = slots.grad;
        int w0 = factorA[a[i0]];
        int w1 = factorA[a[i1]];
        int w2 = factorA[a[i2]];
        int w3 = factorA[a[i3]];
        int x = factorB[a[i0]];
        int length = b[i0] - a[i0];
        double out0 = v[target[i0]];
        double out1 = v[target[i1]];
        double out2 = v[target[i2]];
        double out3 = v[target[i3]];
        double grad0 = g[target[i0]];
        double grad1 = g[target[i1]];
        double grad2 = g[target[i2]];
        double grad3 = g[target[i3]];
        for (int k = length - 1; k >= 0; k--) {
            double xk = v[x + k];
            double gradX = g[x + k];
            gradX = rowTermBackward(v, g, w0 + k, xk, gradX, out0, grad0);
            gradX = rowTermBackward(v, g, w1 + k, xk, gradX, out1, grad1);
            gradX = rowTermBackward(v, g, w2 + k, xk, gradX, out2, grad2);
            gradX = rowTermBackward(v, g, w3 + k, xk, gradX, out3, grad3);
            g[x + k] = gradX;
        }
    }

    /** One term {@code weight * x} of a row backward: adds to the weight's gradient, returns x's with its part. */
    private static double rowTermBackward(double[] v, double[] g, int weight, double x, double gradX, double out,
                                          double gradOut) {
        double w = v[weight];
        double product = Op.MUL.forward(w, x);
        double gradProduct = Op.SUM.gradA(product, 0, out, gradOut);
        g[weight] += Op.MUL.gradA(w, x, product, gradProduct);
        return gradX + Op.MUL.gradB(w, x, product, gradProduct);
    }
}
