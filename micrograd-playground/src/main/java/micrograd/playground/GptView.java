package micrograd.playground;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import micrograd.engine.Value;
import micrograd.fast.DerivedGpt;
import micrograd.gpt.GptReading;
import micrograd.gpt.Microgpt;
import micrograd.gpt.Tokenizer;
import micrograd.graph.GraphJson;

/**
 * The {@code #gpt} view's run: microgpt on the names, trained one step per call on the fast path {@code micrograd gpt}
 * uses, so that the page draws between steps. Besides the step lines and the final samples (the Python original's),
 * it answers what the page shows: a look at the samples during training (drawn from a copy of the random stream, so
 * the final samples stay Python's), what the model makes of a name ({@link GptReading}), and the graph of one
 * position's loss for a small model, backward step by step.
 */
final class GptView {

    /** The small model whose graph is drawn: one position's loss is some 400 nodes. */
    static final int SMALL_EMBD = 2;
    static final int SMALL_HEADS = 1;

    private final GptSettings settings;
    private final List<String> documents;
    private final Microgpt run;
    private final double[] losses;
    private int done;
    private Iterator<String> look;
    private int finalSamples;
    private GptReading reading;
    private Calculation smallGraph;

    /**
     * @throws IllegalArgumentException if the documents are empty
     */
    GptView(GptSettings settings, List<String> documents) {
        this.settings = settings;
        this.documents = documents;
        this.run = Microgpt.start(documents, settings.seed(), settings.layers(), settings.embd(), settings.heads(),
                settings.block());
        useFastPath(run);
        this.losses = new double[settings.steps()];
    }

    /** The one place that chooses the page's fast path: the one {@code micrograd gpt} uses by default. */
    private static void useFastPath(Microgpt run) {
        DerivedGpt.use(run);
    }

    GptSettings settings() {
        return settings;
    }

    /** The first three lines {@code micrograd gpt} prints. */
    String header() {
        return "num docs: " + run.documents().size() + "\nvocab size: " + run.tokenizer().vocabSize()
                + "\nnum params: " + run.model().parameters().size();
    }

    boolean hasNextStep() {
        return done < settings.steps();
    }

    /**
     * Runs the next training step and returns its line, as {@code micrograd gpt} prints it.
     *
     * @throws IllegalStateException when every step has run
     */
    String step() {
        if (!hasNextStep()) {
            throw new IllegalStateException("all " + settings.steps() + " steps have run; reset, or raise steps");
        }
        double loss = run.trainStep(done, settings.steps());
        losses[done] = loss;
        done++;
        return Microgpt.stepLine(done - 1, settings.steps(), loss);
    }

    double lossAt(int step) {
        if (step < 0 || step >= done) {
            throw new IllegalArgumentException("no step " + step + "; " + done + " have run");
        }
        return losses[step];
    }

    /** Starts a look at the samples with the weights as they are, from a copy of the random stream. */
    void startLook() {
        look = run.samplesAside(settings.temperature());
    }

    /** The look's next name. */
    String lookNext() {
        if (look == null) {
            throw new IllegalStateException("start a look first");
        }
        return look.next();
    }

    /**
     * The next of the final samples, drawn from the run's own stream after the last step, as {@code micrograd gpt}
     * prints it ({@code sample  1: kamon}).
     *
     * @throws IllegalStateException before the last step, or when every sample has been drawn
     */
    String finalSample() {
        if (hasNextStep() || finalSamples >= settings.samples()) {
            throw new IllegalStateException("the final samples come after the last step, " + settings.samples()
                    + " of them");
        }
        finalSamples++;
        return String.format(Locale.ROOT, "sample %2d: %s", finalSamples, run.sample(settings.temperature()));
    }

    int finalSamplesDone() {
        return finalSamples;
    }

    /**
     * Reads {@code name} with the current weights: its tokens, attention, next-token probabilities and losses.
     *
     * @throws IllegalArgumentException if the name is empty or has a character the names do not
     */
    GptReading read(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("type a name, such as emma");
        }
        reading = run.read(name);
        return reading;
    }

    /** The last {@link #read}. */
    GptReading reading() {
        if (reading == null) {
            throw new IllegalStateException("read a name first");
        }
        return reading;
    }

    Tokenizer tokenizer() {
        return run.tokenizer();
    }

    /**
     * The graph of the loss at {@code name}'s first position (BOS predicting its first letter) in a small model
     * ({@link #SMALL_EMBD} wide, {@link #SMALL_HEADS} head, the run's seed, untrained), run backward, each weight
     * labelled with its name.
     *
     * @throws IllegalArgumentException if the name is empty or has a character the names do not
     */
    Calculation smallGraph(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("type a name, such as emma");
        }
        Microgpt small = Microgpt.start(documents, settings.seed(), 1, SMALL_EMBD, SMALL_HEADS, settings.block());
        int[] tokens = small.tokenizer().encode(name);
        List<Value> parameters = small.model().parameters();
        List<String> names = small.model().parameterNames();
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).label(names.get(i));
        }
        Value loss = small.model().loss(new int[] {tokens[0], tokens[1]});
        loss.label("loss");
        loss.backward();
        smallGraph = new Calculation(loss);
        return smallGraph;
    }

    /** The last {@link #smallGraph}. */
    Calculation smallGraph() {
        if (smallGraph == null) {
            throw new IllegalStateException("draw a small graph first");
        }
        return smallGraph;
    }

    /**
     * The size of the graph of {@code name}'s whole loss in the run's model: the node count, then one line per
     * operation (in words, as {@link GraphJson} names it) with its count, most first.
     *
     * @throws IllegalArgumentException if the name has a character the names do not
     */
    String graphSize(String name) {
        List<Value> order = run.model().loss(run.tokenizer().encode(name)).topologicalOrder();
        Map<String, Integer> counts = new TreeMap<>();
        for (Value node : order) {
            counts.merge(node.operation().words(), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> b.getValue() - a.getValue());
        StringBuilder text = new StringBuilder().append(order.size());
        byCount.forEach(e -> text.append('\n').append(e.getKey()).append('\t').append(e.getValue()));
        return text.toString();
    }
}
