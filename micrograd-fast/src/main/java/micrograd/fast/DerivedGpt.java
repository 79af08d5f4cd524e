package micrograd.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import micrograd.data.PythonRandom;
import micrograd.engine.Value;
import micrograd.gpt.Gpt;
import micrograd.gpt.KvCache;
import micrograd.gpt.LossGradient;
import micrograd.gpt.Microgpt;
import micrograd.gpt.Sampler;

/**
 * microgpt's loss and gradient, and its samples, derived from {@link Gpt}'s own graph: {@link Gpt}'s code runs once
 * per document block (and once per target token, and once per sampling temperature) on placeholder leaves, and the
 * graphs it builds are compiled into {@link Program}s that every later step and sample replays on flat arrays.
 * Nothing here restates the model: a change to {@link Gpt} changes this path at its next recording.
 *
 * <p>One document's graph is cut into three kinds of program, so that a few recordings serve every document:
 * <ul>
 *   <li>the <b>body</b>, one for the block size: every position's last hidden state from its token's embedding
 *       ({@link Gpt#hidden}), with one input slot per embedding row, filled from {@code wte} with the row each token
 *       selects. A shorter document runs the first positions' part of it, which is what a recording of that length
 *       would have given (the graph's depth-first order finishes each position before the next);</li>
 *   <li>the <b>head</b>, one per target token: one position's loss from its hidden state ({@link Gpt#lmHead},
 *       {@link Gpt#nll}). It is cut off the body because the graph's order depends on the target: the loss reaches the
 *       network through the target's row of {@code lm_head}, so the hidden state receives that row's gradient
 *       last;</li>
 *   <li>the <b>mean</b>, one per length: the document's loss from the positions' ({@link Gpt#mean});</li>
 *   <li>the <b>draw head</b>, for sampling: one position's logits and the distribution {@link Gpt#sample} draws
 *       from ({@link Gpt#temperatureSoftmax}), from its hidden state. A sample runs the body one position at a time
 *       ({@link Program#forward(int, int)}), since each position's token is the one the last drew, inside
 *       {@link Gpt#draw}, the loop {@link Gpt#sample} runs.</li>
 * </ul>
 * The cuts change no number: the body and the heads share only the hidden states (whose only users are the heads)
 * and no parameter, and each parameter and each embedding row receives at most one contribution per position, so
 * running the heads from the last position to the first and then the body backward gives every node its
 * contributions in the order the whole graph's {@code backward()} does. {@code DerivedGptTest} checks it bit for bit.
 *
 * <p>Plain Java on arrays, with no threads or reflection, so it also compiles for the browser. Not thread-safe.
 */
public final class DerivedGpt implements LossGradient, Sampler {

    private final Gpt model;
    private final Value[] parameters;
    private final SlotSpace slots = new SlotSpace();
    /** Every parameter's slot: parameter i lives in slot i. */
    private final Map<Value, Integer> parameterSlots = new IdentityHashMap<>();
    private final int one;
    /** The slots of each token's embedding row. */
    private final int[][] embeddingRows;
    private Body body;
    private final Head[] heads;
    private final Mean[] means;
    /** The draw heads by the inverse temperature they were recorded at. */
    private final Map<Double, DrawHead> drawHeads = new HashMap<>();

    private DerivedGpt(Gpt model) {
        this.model = model;
        this.parameters = model.parameters().toArray(new Value[0]);
        slots.allocate(parameters.length);
        for (int i = 0; i < parameters.length; i++) {
            parameterSlots.put(parameters[i], i);
        }
        one = slots.allocate(1);
        slots.value[one] = 1.0;
        int vocab = model.shape().vocabSize();
        embeddingRows = new int[vocab][];
        for (int token = 0; token < vocab; token++) {
            Value[] row = model.tokenEmbedding(token);
            embeddingRows[token] = new int[row.length];
            for (int i = 0; i < row.length; i++) {
                embeddingRows[token][i] = parameterSlots.get(row[i]);
            }
        }
        heads = new Head[vocab];
        means = new Mean[model.shape().blockSize() + 1];
    }

    /**
     * The fast way to compute {@code model}'s loss and gradient and to draw its samples, for
     * {@code Microgpt.setGradient} and {@code Microgpt.setSampler}: the same numbers as the object graph, bit for bit.
     */
    public static DerivedGpt of(Gpt model) {
        return new DerivedGpt(model);
    }

    /** Puts {@code run} on this path: its steps' gradients and its samples, the object graph's numbers bit for bit. */
    public static void use(Microgpt run) {
        DerivedGpt path = of(run.model());
        run.setGradient(path);
        run.setSampler(path);
    }

    /** Softmax's shifts as the recording makes them: leaves, each remembered with the logits it is the max of. */
    static final class RecordedShifts implements Gpt.Shift {
        final Map<Value, Value[]> sources = new IdentityHashMap<>();

        @Override
        public Value negatedMax(Value[] logits) {
            Value shift = Gpt.CONSTANT_SHIFT.negatedMax(logits);
            sources.put(shift, logits.clone());
            return shift;
        }
    }

    private static Value[] placeholders(int count) {
        Value[] leaves = new Value[count];
        for (int i = 0; i < count; i++) {
            leaves[i] = Value.of(0);
        }
        return leaves;
    }

    /**
     * Every position's hidden state for a document of n positions, from the embedding rows its tokens select; a
     * shorter document runs the first positions only ({@link Program#forward(int)}).
     */
    private final class Body {
        final Program program;
        final int[][] embedding;
        final int[][] hidden;

        Body(int n) {
            RecordedShifts shifts = new RecordedShifts();
            Gpt recording = model.withShift(shifts);
            KvCache cache = new KvCache(model.shape().layers());
            Value[][] embeddings = new Value[n][];
            Value[][] states = new Value[n][];
            List<Value> inputs = new ArrayList<>();
            List<Value> outputs = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                embeddings[p] = placeholders(model.shape().embd());
                states[p] = recording.hidden(embeddings[p], p, cache);
                inputs.addAll(Arrays.asList(embeddings[p]));
                outputs.addAll(Arrays.asList(states[p]));
            }
            program = new Program(slots, outputs, parameterSlots, inputs, shifts.sources, one);
            embedding = new int[n][];
            hidden = new int[n][];
            for (int p = 0; p < n; p++) {
                embedding[p] = slotsOf(program, embeddings[p]);
                hidden[p] = slotsOf(program, states[p]);
            }
        }
    }

    /** One position's loss from its hidden state, for one target token. */
    private final class Head {
        final Program program;
        final int[] hidden;
        final int loss;

        Head(int target) {
            RecordedShifts shifts = new RecordedShifts();
            Gpt recording = model.withShift(shifts);
            Value[] x = placeholders(model.shape().embd());
            Value output = recording.nll(recording.lmHead(x), target);
            program = new Program(slots, List.of(output), parameterSlots, List.of(x), shifts.sources, one);
            hidden = slotsOf(program, x);
            loss = program.slot(output);
        }
    }

    /** A document's loss from its n positions' losses. */
    private final class Mean {
        final Program program;
        final int[] losses;
        final int loss;

        Mean(int n) {
            Value[] positions = placeholders(n);
            Value output = Gpt.mean(positions);
            program = new Program(slots, List.of(output), parameterSlots, List.of(positions), Map.of(), one);
            losses = slotsOf(program, positions);
            loss = program.slot(output);
        }
    }

    /** One position's logits, and the distribution a sample draws its next token from, from its hidden state. */
    private final class DrawHead {
        final Program program;
        final int[] hidden;
        final int[] logits;
        final int[] probabilities;

        DrawHead(double invTemperature) {
            RecordedShifts shifts = new RecordedShifts();
            Gpt recording = model.withShift(shifts);
            Value[] x = placeholders(model.shape().embd());
            Value[] scores = recording.lmHead(x);
            Value[] distribution = recording.temperatureSoftmax(scores, invTemperature);
            List<Value> outputs = new ArrayList<>(Arrays.asList(scores));
            outputs.addAll(Arrays.asList(distribution));
            program = new Program(slots, outputs, parameterSlots, List.of(x), shifts.sources, one);
            hidden = slotsOf(program, x);
            logits = slotsOf(program, scores);
            probabilities = slotsOf(program, distribution);
        }
    }

    private static int[] slotsOf(Program program, Value[] nodes) {
        int[] result = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            result[i] = program.slot(nodes[i]);
        }
        return result;
    }

    @Override
    public int[] sample(double[] weights, PythonRandom random, double temperature, int bos) {
        requireWeights(weights);
        // record what sampling needs first: recording may grow the slot space's arrays
        if (body == null) {
            body = new Body(model.shape().blockSize());
        }
        double invTemperature = Gpt.inverseTemperature(temperature);
        DrawHead head = drawHeads.computeIfAbsent(invTemperature, DrawHead::new);
        double[] v = slots.value;
        System.arraycopy(weights, 0, v, 0, weights.length);
        int embd = model.shape().embd();
        return Gpt.draw(model.shape().blockSize(), random, bos, (token, pos) -> {
            int[] row = embeddingRows[token];
            int[] input = body.embedding[pos];
            for (int i = 0; i < row.length; i++) {
                v[input[i]] = v[row[i]];
            }
            body.program.forward(pos * embd, (pos + 1) * embd);
            int[] hidden = body.hidden[pos];
            for (int i = 0; i < hidden.length; i++) {
                v[head.hidden[i]] = v[hidden[i]];
            }
            head.program.forward();
            return Gpt.choiceWeights(valuesOf(head.logits), valuesOf(head.probabilities), invTemperature);
        });
    }

    private double[] valuesOf(int[] slotsToRead) {
        double[] result = new double[slotsToRead.length];
        for (int i = 0; i < slotsToRead.length; i++) {
            result[i] = slots.value[slotsToRead[i]];
        }
        return result;
    }

    private void requireWeights(double[] weights) {
        if (weights.length != parameters.length) {
            throw new IllegalArgumentException("this model has " + parameters.length + " parameters, got "
                    + weights.length + " weights");
        }
    }

    @Override
    public double lossAndGradient(int[] tokens, double[] weights, double[] grads) {
        int n = Math.min(model.shape().blockSize(), tokens.length - 1);
        if (n < 1) {
            throw new IllegalArgumentException("a document needs at least 2 tokens, got " + tokens.length);
        }
        requireWeights(weights);
        if (grads.length != parameters.length) {
            throw new IllegalArgumentException("this model has " + parameters.length + " parameters, got "
                    + grads.length + " grads");
        }
        // record what this document needs first: recording may grow the slot space's arrays
        if (body == null) {
            body = new Body(model.shape().blockSize());
        }
        Mean mean = means[n] != null ? means[n] : (means[n] = new Mean(n));
        for (int p = 1; p <= n; p++) {
            if (heads[tokens[p]] == null) {
                heads[tokens[p]] = new Head(tokens[p]);
            }
        }
        double[] v = slots.value;
        double[] g = slots.grad;
        System.arraycopy(weights, 0, v, 0, weights.length);
        System.arraycopy(grads, 0, g, 0, grads.length);

        for (int p = 0; p < n; p++) {
            int[] row = embeddingRows[tokens[p]];
            int[] input = body.embedding[p];
            for (int i = 0; i < row.length; i++) {
                v[input[i]] = v[row[i]];
            }
        }
        int outputs = n * model.shape().embd(); // the first n positions' hidden states
        body.program.forward(outputs);
        for (int p = 0; p < n; p++) {
            Head head = heads[tokens[p + 1]];
            headForward(head, body.hidden[p]);
            v[mean.losses[p]] = v[head.loss];
        }
        mean.program.forward();
        double loss = v[mean.loss];

        mean.program.clearGradients();
        g[mean.loss] = 1.0;
        mean.program.backward();
        body.program.clearGradients(outputs);
        for (int p = n - 1; p >= 0; p--) {
            Head head = heads[tokens[p + 1]];
            int[] hidden = body.hidden[p];
            headForward(head, hidden); // the same head may serve several positions: its values are this one's again
            head.program.clearGradients();
            g[head.loss] = g[mean.losses[p]];
            head.program.backward();
            for (int i = 0; i < hidden.length; i++) {
                g[hidden[i]] += g[head.hidden[i]];
            }
        }
        body.program.backward(outputs);
        for (int p = n - 1; p >= 0; p--) {
            int[] row = embeddingRows[tokens[p]];
            int[] input = body.embedding[p];
            for (int i = 0; i < row.length; i++) {
                g[row[i]] += g[input[i]];
            }
        }
        System.arraycopy(g, 0, grads, 0, grads.length);
        return loss;
    }

    private void headForward(Head head, int[] hidden) {
        double[] v = slots.value;
        for (int i = 0; i < hidden.length; i++) {
            v[head.hidden[i]] = v[hidden[i]];
        }
        head.program.forward();
    }
}
