package micrograd.gpt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import micrograd.data.PythonRandom;
import micrograd.engine.Op;
import micrograd.engine.Value;

/**
 * Karpathy's microgpt on the engine's {@link Value}: a GPT-2 shaped transformer with RMSNorm instead of LayerNorm,
 * no biases and ReLU instead of GeLU, run one position at a time with a {@link KvCache}. Read it next to
 * microgpt.py: {@link #logits} is its {@code gpt()}, {@link #linear}, {@link #softmax} and {@link #rmsnorm} its
 * helpers, {@link #loss} the forward half of its training step, {@link #sample} its inference loop.
 *
 * <p>Every expression keeps the original's order of operations, so that the numbers are Python's to the last bit
 * wherever the two engines define an operation alike: {@code a / b} is {@code a * b**-1}, {@code x - c} is
 * {@code x + (-c)}, {@code -x} is {@code x * -1}, and a Python {@code sum} is one {@link Value#sum} node (its
 * left-to-right total from 0 and its gradients are those of Python's chain of additions).
 */
public final class Gpt {

    /** The standard deviation of the initial weights. */
    public static final double INIT_STD = 0.08;
    /** RMSNorm's epsilon. */
    private static final double RMS_EPS = 1e-5;

    /**
     * How softmax makes its shift, the constant {@code -max(logits)}: a leaf, so that no gradient flows through it
     * (the original's {@code max_val} is a plain float). The default is {@link #CONSTANT_SHIFT}; a compiler that
     * records the graph ({@code micrograd.fast.DerivedGpt}) passes its own to {@link #withShift}, to learn which
     * leaves it must recompute from the logits when it replays the graph on other data.
     */
    @FunctionalInterface
    public interface Shift {
        /** A leaf holding {@code -max(logits' data)}. */
        Value negatedMax(Value[] logits);
    }

    /** A new leaf holding {@code -max(logits' data)}. */
    public static final Shift CONSTANT_SHIFT = logits -> {
        double max = Double.NEGATIVE_INFINITY;
        for (Value logit : logits) {
            max = Math.max(max, logit.data());
        }
        return Value.of(-max);
    };

    private final GptShape shape;
    /** microgpt's {@code state_dict}: every weight matrix by name, in creation order. */
    private final Map<String, Value[][]> stateDict;
    private final List<Value> parameters;
    private final Shift shift;

    private Gpt(GptShape shape, DoubleSupplier weights) {
        this.shape = shape;
        this.stateDict = new LinkedHashMap<>();
        this.parameters = new ArrayList<>();
        this.shift = CONSTANT_SHIFT;
        int embd = shape.embd();
        matrix("wte", shape.vocabSize(), embd, weights);
        matrix("wpe", shape.blockSize(), embd, weights);
        matrix("lm_head", shape.vocabSize(), embd, weights);
        for (int i = 0; i < shape.layers(); i++) {
            matrix("layer" + i + ".attn_wq", embd, embd, weights);
            matrix("layer" + i + ".attn_wk", embd, embd, weights);
            matrix("layer" + i + ".attn_wv", embd, embd, weights);
            matrix("layer" + i + ".attn_wo", embd, embd, weights);
            matrix("layer" + i + ".mlp_fc1", 4 * embd, embd, weights);
            matrix("layer" + i + ".mlp_fc2", embd, 4 * embd, weights);
        }
    }

    /** A new model whose weights are {@code random.gauss(0, 0.08)}, drawn matrix by matrix, row by row. */
    public static Gpt initialized(GptShape shape, PythonRandom random) {
        return new Gpt(shape, () -> random.gauss(0, INIT_STD));
    }

    /**
     * A model with the given weights, in {@link #parameters()} order (as {@link #parameterData()} gives them).
     *
     * @throws IllegalArgumentException if there are not exactly as many as the shape has
     */
    public static Gpt withWeights(GptShape shape, double[] weights) {
        if (weights.length != shape.parameterCount()) {
            throw new IllegalArgumentException("a GPT of " + shape + " has " + shape.parameterCount()
                    + " parameters, got " + weights.length);
        }
        int[] next = {0};
        return new Gpt(shape, () -> weights[next[0]++]);
    }

    /** The same model (the same weight Values) with softmax's shift made by {@code shift}. */
    private Gpt(Gpt model, Shift shift) {
        this.shape = model.shape;
        this.stateDict = model.stateDict;
        this.parameters = model.parameters;
        this.shift = shift;
    }

    /** This model, its weights shared, building its graphs with softmax's shift made by {@code shift}. */
    public Gpt withShift(Shift shift) {
        return new Gpt(this, shift);
    }

    private void matrix(String name, int rows, int columns, DoubleSupplier weights) {
        Value[][] matrix = new Value[rows][columns];
        for (Value[] row : matrix) {
            for (int j = 0; j < columns; j++) {
                row[j] = Value.of(weights.getAsDouble());
                parameters.add(row[j]);
            }
        }
        stateDict.put(name, matrix);
    }

    public GptShape shape() {
        return shape;
    }

    /** Every weight, matrix by matrix ({@code wte, wpe, lm_head}, then each layer's), row by row. */
    public List<Value> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** Each weight's name, {@code wte[3][0]} or {@code layer0.attn_wq[1][2]}, in {@link #parameters()} order. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(parameters.size());
        stateDict.forEach((name, matrix) -> {
            for (int r = 0; r < matrix.length; r++) {
                for (int c = 0; c < matrix[r].length; c++) {
                    names.add(name + "[" + r + "][" + c + "]");
                }
            }
        });
        return names;
    }

    /** The weights' data, in {@link #parameters()} order. */
    public double[] parameterData() {
        return parameters.stream().mapToDouble(Value::data).toArray();
    }

    /**
     * The scores of every possible next token after {@code tokenId} at position {@code posId}; appends this
     * position's keys and values to {@code cache}, whose earlier entries attention reads.
     */
    public Value[] logits(int tokenId, int posId, KvCache cache) {
        return lmHead(hidden(tokenEmbedding(tokenId), posId, cache));
    }

    /** Token {@code tokenId}'s row of {@code wte}, its embedding. */
    public Value[] tokenEmbedding(int tokenId) {
        return stateDict.get("wte")[tokenId];
    }

    /**
     * The last layer's output at position {@code posId} for a token whose embedding is {@code tokEmb}: {@link #logits}
     * up to the output head. Appends this position's keys and values to {@code cache}.
     */
    public Value[] hidden(Value[] tokEmb, int posId, KvCache cache) {
        Value[] posEmb = stateDict.get("wpe")[posId];
        Value[] x = new Value[shape.embd()];
        for (int i = 0; i < x.length; i++) {
            x[i] = tokEmb[i].add(posEmb[i]);
        }
        x = rmsnorm(x); // not redundant: the residual connection carries it past the next rmsnorm
        for (int li = 0; li < shape.layers(); li++) {
            Value[] xResidual = x;
            x = rmsnorm(x);
            Value[] q = linear(x, weights(li, "attn_wq"));
            cache.keys(li).add(linear(x, weights(li, "attn_wk")));
            cache.values(li).add(linear(x, weights(li, "attn_wv")));
            x = add(linear(attention(q, cache, li), weights(li, "attn_wo")), xResidual);
            xResidual = x;
            x = linear(relu(linear(rmsnorm(x), weights(li, "mlp_fc1"))), weights(li, "mlp_fc2"));
            x = add(x, xResidual);
        }
        return x;
    }

    /** The output head: the scores of every possible next token, from the last layer's output. */
    public Value[] lmHead(Value[] x) {
        return linear(x, stateDict.get("lm_head"));
    }

    /**
     * Multi-head attention of one query over layer {@code layer}'s cached keys and values: each head's outputs, heads
     * in order. Each head's weights are noted in the cache.
     */
    private Value[] attention(Value[] q, KvCache cache, int layer) {
        List<Value[]> keys = cache.keys(layer);
        List<Value[]> values = cache.values(layer);
        int headDim = shape.headDim();
        double invSqrtHeadDim = Math.pow(Math.pow(headDim, 0.5), -1);
        Value[] out = new Value[q.length];
        double[][] noted = new double[shape.heads()][];
        cache.attention(layer).add(noted);
        for (int h = 0; h < shape.heads(); h++) {
            int hs = h * headDim;
            Value[] attnLogits = new Value[keys.size()];
            for (int t = 0; t < keys.size(); t++) {
                Value[] dot = new Value[headDim];
                for (int j = 0; j < headDim; j++) {
                    dot[j] = q[hs + j].mul(keys.get(t)[hs + j]);
                }
                attnLogits[t] = Value.sum(dot).mul(invSqrtHeadDim);
            }
            Value[] attnWeights = softmax(attnLogits, shift);
            noted[h] = new double[attnWeights.length];
            for (int t = 0; t < attnWeights.length; t++) {
                noted[h][t] = attnWeights[t].data();
            }
            for (int j = 0; j < headDim; j++) {
                Value[] weighted = new Value[values.size()];
                for (int t = 0; t < values.size(); t++) {
                    weighted[t] = attnWeights[t].mul(values.get(t)[hs + j]);
                }
                out[hs + j] = Value.sum(weighted);
            }
        }
        return out;
    }

    private Value[][] weights(int layer, String name) {
        return stateDict.get("layer" + layer + "." + name);
    }

    /**
     * The training loss on one document's tokens ({@code [BOS, ..., BOS]}): the mean over its first
     * {@code min(blockSize, tokens - 1)} positions of {@code -log p(next token)}, as one graph to call
     * {@code backward()} on.
     */
    public Value loss(int[] tokens) {
        int n = positions(tokens);
        KvCache cache = new KvCache(shape.layers());
        Value[] losses = new Value[n];
        for (int pos = 0; pos < n; pos++) {
            losses[pos] = nll(logits(tokens[pos], pos, cache), tokens[pos + 1]);
        }
        return mean(losses);
    }

    /** How many positions a document's loss counts: {@code min(blockSize, tokens - 1)}, at least 1. */
    private int positions(int[] tokens) {
        int n = Math.min(shape.blockSize(), tokens.length - 1);
        if (n < 1) {
            throw new IllegalArgumentException("a document needs at least 2 tokens, got " + tokens.length);
        }
        return n;
    }

    /**
     * What the model makes of one document's tokens ({@code [BOS, ..., BOS]}) with its current weights, position by
     * position as {@link #loss} computes it: the attention weights (noted by the forward pass in its cache), the
     * next-token probabilities and the losses ({@link #nll}).
     */
    public GptReading read(int[] tokens) {
        int n = positions(tokens);
        KvCache cache = new KvCache(shape.layers());
        double[][] probabilities = new double[n][];
        double[] losses = new double[n];
        for (int pos = 0; pos < n; pos++) {
            Value[] logits = logits(tokens[pos], pos, cache);
            Value[] probs = softmax(logits, shift);
            probabilities[pos] = new double[probs.length];
            for (int i = 0; i < probs.length; i++) {
                probabilities[pos][i] = probs[i].data();
            }
            losses[pos] = nll(logits, tokens[pos + 1]).data();
        }
        double[][][][] attention = new double[shape.layers()][][][];
        for (int li = 0; li < shape.layers(); li++) {
            attention[li] = cache.attention(li).toArray(new double[0][][]);
        }
        return new GptReading(Arrays.copyOf(tokens, n + 1), attention, probabilities, losses);
    }

    /** One position's loss, {@code -log p(target)}: the softmax of the logits, its target entry's log, negated. */
    public Value nll(Value[] logits, int target) {
        return softmax(logits, shift)[target].log().mul(-1);
    }

    /** The document's loss from its positions' losses: their sum times {@code 1 / n}, as microgpt averages them. */
    public static Value mean(Value[] losses) {
        return Value.sum(losses).mul(1.0 / losses.length);
    }

    /**
     * Generates one sequence: from BOS, draws each next token with {@code random.choices} from the softmax of the
     * logits divided by {@code temperature}, until BOS comes or the block is full. Returns the tokens without BOS.
     */
    public int[] sample(PythonRandom random, double temperature, int bos) {
        KvCache cache = new KvCache(shape.layers());
        double invTemperature = inverseTemperature(temperature);
        return draw(shape.blockSize(), random, bos, (token, pos) -> {
            Value[] logits = logits(token, pos, cache);
            return choiceWeights(data(logits), data(temperatureSoftmax(logits, invTemperature)), invTemperature);
        });
    }

    /** What {@link #draw} asks for at each position: the weights to draw the next token with. */
    @FunctionalInterface
    public interface NextToken {
        /** The weights of every possible token after {@code token} at position {@code pos}. */
        double[] weights(int token, int pos);
    }

    /**
     * The inference loop of {@link #sample} on any way to compute its weights ({@code micrograd.fast.DerivedGpt}
     * computes them without a {@code Value}): from BOS, one {@code random.choices} per position until BOS comes or
     * {@code blockSize} positions are drawn. Returns the tokens without BOS.
     */
    public static int[] draw(int blockSize, PythonRandom random, int bos, NextToken next) {
        int[] sample = new int[blockSize];
        int length = 0;
        int token = bos;
        for (int pos = 0; pos < blockSize; pos++) {
            token = random.choices(next.weights(token, pos));
            if (token == bos) {
                break;
            }
            sample[length++] = token;
        }
        return Arrays.copyOf(sample, length);
    }

    /** The original's {@code 1 / temperature}, as {@link #sample} scales the logits by it. */
    public static double inverseTemperature(double temperature) {
        return Math.pow(temperature, -1);
    }

    /** The distribution {@link #sample} draws from: the softmax of each logit times {@code invTemperature}. */
    public Value[] temperatureSoftmax(Value[] logits, double invTemperature) {
        Value[] scaled = new Value[logits.length];
        for (int i = 0; i < logits.length; i++) {
            scaled[i] = logits[i].mul(invTemperature);
        }
        return softmax(scaled, shift);
    }

    /**
     * The weights {@link #sample} draws with, given the logits and their {@link #temperatureSoftmax}: the softmax's,
     * unless a scaled logit overflows (a temperature near 0, or huge logits), which makes them {@link #limitWeights}.
     */
    public static double[] choiceWeights(double[] logits, double[] probabilities, double invTemperature) {
        for (double logit : logits) {
            if (!Double.isFinite(Op.MUL.forward(logit, invTemperature))) {
                return limitWeights(logits, invTemperature);
            }
        }
        return probabilities;
    }

    private static double[] data(Value[] nodes) {
        double[] data = new double[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            data[i] = nodes[i].data();
        }
        return data;
    }

    /**
     * The softmax's weights when {@code logits / temperature} overflows (a temperature near 0, or huge logits), in the
     * max-subtracted form with the subtraction done before the scaling, so that nothing overflows: the largest logits
     * weigh 1 and the others {@code exp((logit - max) / temperature)}, 0 in the limit. Logits that are not numbers are
     * refused, as no weights can be made of them.
     */
    private static double[] limitWeights(double[] logits, double invTemperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            if (Double.isNaN(logit)) {
                throw new ArithmeticException("the model's outputs are not a number (NaN): its weights are too large "
                        + "to compute with");
            }
            max = Math.max(max, logit);
        }
        double[] weights = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            weights[i] = logits[i] == max ? 1.0 : Math.exp((logits[i] - max) * invTemperature);
        }
        return weights;
    }

    /** {@code w @ x} without a bias: one sum of {@code w[o][i] * x[i]} per row o. */
    public static Value[] linear(Value[] x, Value[][] w) {
        Value[] out = new Value[w.length];
        for (int o = 0; o < w.length; o++) {
            Value[] products = new Value[x.length];
            for (int i = 0; i < x.length; i++) {
                products[i] = w[o][i].mul(x[i]);
            }
            out[o] = Value.sum(products);
        }
        return out;
    }

    /** exp(x - max) / total; the max is a plain number (no gradient flows through it), as in the original. */
    public static Value[] softmax(Value[] logits) {
        return softmax(logits, CONSTANT_SHIFT);
    }

    /** {@link #softmax(Value[])} with its shift, the leaf {@code -max}, made by {@code shift}. */
    public static Value[] softmax(Value[] logits, Shift shift) {
        Value negatedMax = shift.negatedMax(logits);
        Value[] exps = new Value[logits.length];
        for (int i = 0; i < logits.length; i++) {
            exps[i] = logits[i].add(negatedMax).exp();
        }
        Value total = Value.sum(exps);
        Value[] probs = new Value[logits.length];
        for (int i = 0; i < logits.length; i++) {
            probs[i] = exps[i].mul(total.pow(-1));
        }
        return probs;
    }

    /** x / sqrt(mean(x^2) + 1e-5), with no learned scale. */
    public static Value[] rmsnorm(Value[] x) {
        Value[] squares = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            squares[i] = x[i].mul(x[i]);
        }
        Value ms = Value.sum(squares).mul(Math.pow(x.length, -1));
        Value scale = ms.add(RMS_EPS).pow(-0.5);
        Value[] out = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].mul(scale);
        }
        return out;
    }

    private static Value[] add(Value[] a, Value[] b) {
        Value[] out = new Value[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].add(b[i]);
        }
        return out;
    }

    private static Value[] relu(Value[] x) {
        Value[] out = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].relu();
        }
        return out;
    }
}
