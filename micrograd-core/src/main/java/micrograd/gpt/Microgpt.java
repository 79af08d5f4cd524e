package micrograd.gpt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import micrograd.data.PythonRandom;
import micrograd.engine.Value;
import micrograd.train.Adam;
import micrograd.train.LearningRateSchedule;

/**
 * One run of Karpathy's microgpt.py, in its order: {@code random.seed(seed)}, the documents shuffled, the tokenizer
 * built from them, the weights drawn; then {@link #trainStep} once per step and {@link #sample} once per sample, all
 * from the one random stream, so that a seed gives the Python original's losses and samples.
 *
 * <pre>{@code
 * Microgpt run = Microgpt.start(Documents.names(), 42, 1, 16, 4, 16);
 * for (int step = 0; step < 1000; step++) {
 *     double loss = run.trainStep(step, 1000);    // step 1000: 2.6497
 * }
 * String name = run.sample(0.5);                  // "kamon"
 * }</pre>
 */
public final class Microgpt {

    /** The original's Adam: {@code learning_rate, beta1, beta2, eps_adam = 0.01, 0.85, 0.99, 1e-8}. */
    public static final double LEARNING_RATE = 0.01;
    public static final double BETA1 = 0.85;
    public static final double BETA2 = 0.99;
    public static final double EPS = 1e-8;

    private final PythonRandom random;
    private final List<String> documents;
    private final Tokenizer tokenizer;
    private final Gpt model;
    // the training state: the weights and grads in Gpt.parameters() order; the model's Values are given the weights
    // when something reads the model, so that a step on a gradient that needs no Value touches none
    private final double[] weights;
    private final double[] grads;
    private Adam adam;
    private LearningRateSchedule schedule;
    private int scheduledSteps;
    private LossGradient gradient;
    private Sampler sampler;

    private Microgpt(PythonRandom random, List<String> documents, Tokenizer tokenizer, Gpt model) {
        this.random = random;
        this.documents = documents;
        this.tokenizer = tokenizer;
        this.model = model;
        this.weights = model.parameterData();
        this.grads = new double[weights.length];
        this.adam = newAdam();
        this.gradient = LossGradient.objectGraph(model);
        this.sampler = Sampler.objectGraph(model);
    }

    /**
     * Seeds the random stream, shuffles a copy of {@code documents}, builds the tokenizer and draws a model of the
     * given sizes.
     *
     * @throws IllegalArgumentException if there are no documents or the sizes do not make a GPT
     */
    public static Microgpt start(List<String> documents, long seed, int layers, int embd, int heads, int blockSize) {
        GptShape shape = shape(documents, layers, embd, heads, blockSize);
        PythonRandom random = new PythonRandom(seed);
        List<String> shuffled = new ArrayList<>(documents);
        random.shuffle(shuffled);
        return new Microgpt(random, List.copyOf(shuffled), Tokenizer.of(shuffled), Gpt.initialized(shape, random));
    }

    /**
     * The shape of the model {@link #start} draws for {@code documents} and these sizes (the vocabulary is the
     * documents' characters and BOS), known before anything is drawn, so that a front end can bound a request first.
     *
     * @throws IllegalArgumentException if there are no documents or the sizes do not make a GPT
     */
    public static GptShape shape(List<String> documents, int layers, int embd, int heads, int blockSize) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("microgpt needs at least one document");
        }
        return new GptShape(Tokenizer.of(documents).vocabSize(), layers, embd, heads, blockSize);
    }

    /** The documents in training order (shuffled). */
    public List<String> documents() {
        return documents;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * The model, its Values given the weights as trained so far (set them through {@link #setWeights}, not through
     * the Values: the run's own copy of the weights is the one that trains).
     */
    public Gpt model() {
        List<Value> parameters = model.parameters();
        for (int i = 0; i < weights.length; i++) {
            parameters.get(i).setData(weights[i]);
        }
        return model;
    }

    /**
     * Puts {@code weights} (in {@link Gpt#parameters()} order) in place of the drawn ones, as when a saved model is
     * loaded; the random stream stays where the draws left it, so samples continue as the original would.
     */
    public void setWeights(double[] weights) {
        if (weights.length != this.weights.length) {
            throw new IllegalArgumentException("this model has " + this.weights.length + " parameters, got "
                    + weights.length);
        }
        System.arraycopy(weights, 0, this.weights, 0, weights.length);
        Arrays.fill(grads, 0);
        adam = newAdam();
    }

    private Adam newAdam() {
        return new Adam(model.parameters(), LEARNING_RATE, BETA1, BETA2, EPS);
    }

    /** Computes each step's loss and gradient with {@code gradient} instead of {@link LossGradient#objectGraph}. */
    public void setGradient(LossGradient gradient) {
        this.gradient = gradient;
    }

    /** Draws each sample with {@code sampler} instead of {@link Sampler#objectGraph}. */
    public void setSampler(Sampler sampler) {
        this.sampler = sampler;
    }

    /**
     * Training step {@code step} (0-based) of {@code steps}: the loss on document {@code step mod n}, its gradient
     * and one Adam update at the rate {@code LEARNING_RATE * (1 - step / steps)}. Returns the loss. Steps are taken in
     * order from 0: Adam's bias correction counts the steps it has taken.
     */
    public double trainStep(int step, int steps) {
        int[] tokens = tokenizer.encode(documents.get(step % documents.size()));
        double loss = gradient.lossAndGradient(tokens, weights, grads);
        adam.setLearningRate(scheduleOver(steps).at(step));
        adam.step(weights, grads);
        Arrays.fill(grads, 0);
        return loss;
    }

    /**
     * The script's line for step {@code step} (0-based) of {@code steps}, {@code f"step {step+1:4d} / {num_steps:4d} |
     * loss {loss.data:.4f}"}: {@code step    1 / 1000 | loss 3.3660}.
     */
    public static String stepLine(int step, int steps, double loss) {
        return String.format(Locale.ROOT, "step %4d / %4d | loss %s", step + 1, steps, fourDecimals(loss));
    }

    /** Python's {@code f"{x:.4f}"}: the double's exact value rounded half to even (Java's %.4f rounds otherwise). */
    static String fourDecimals(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(x).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** microgpt's {@code lr_t = learning_rate * (1 - step / num_steps)}, made once per run length. */
    private LearningRateSchedule scheduleOver(int steps) {
        if (schedule == null || scheduledSteps != steps) {
            schedule = LearningRateSchedule.linearToZero(LEARNING_RATE, steps);
            scheduledSteps = steps;
        }
        return schedule;
    }

    /** One generated document, drawn at {@code temperature} (in (0, 1], low is safe, high is creative). */
    public String sample(double temperature) {
        return tokenizer.decode(sampler.sample(weights, random, temperature, tokenizer.bos()));
    }

    /**
     * Documents drawn as {@link #sample} would draw them now, one per {@code next()}, from a copy of the random stream:
     * a look at the model during training that leaves the run's stream, and so its final samples, as they were. Each
     * draw uses the weights as they are when it is made.
     */
    public Iterator<String> samplesAside(double temperature) {
        PythonRandom aside = random.copy();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public String next() {
                return tokenizer.decode(sampler.sample(weights, aside, temperature, tokenizer.bos()));
            }
        };
    }

    /**
     * What the model makes of {@code document} now ({@link Gpt#read}): its attention, next-token probabilities and
     * losses, position by position.
     *
     * @throws IllegalArgumentException if a character is not in the vocabulary
     */
    public GptReading read(String document) {
        return model().read(tokenizer.encode(document));
    }
}
