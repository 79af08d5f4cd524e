package micrograd.playground;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.MersenneTwister;
import micrograd.engine.Value;
import micrograd.graph.GraphDot;
import micrograd.nn.MLP;
import micrograd.nn.Neuron;
import micrograd.train.Metrics;
import micrograd.train.Trainer;
import micrograd.train.Training;
import micrograd.train.TrainingStep;

/**
 * The training view's run: the data of its {@link TrainingSettings}, the model ({@code MLP.builder()} with the
 * settings' seed, one output for a two-class loss, one per class for softmax), and a {@link Training} the page steps
 * one step per call, so that it can draw between steps. It answers what the page draws: the decision boundary on a
 * grid, the points, one chosen point's loss graph and the weights with their grads. A point added by hand joins the
 * data at once; the training goes on from the current weights (the optimizer's state starts again).
 */
final class TrainingView {

    private TrainingSettings settings;
    private Dataset data;
    private final MLP model;
    private final Trainer trainer;
    /** The trainer's settings, to go on after a point is added with the steps the run has left. */
    private final Trainer.Builder trainerSettings;
    private final List<Value> parameters;
    private Training training;
    private int stepsBefore;
    private final List<TrainingStep> history = new ArrayList<>();
    private final double[] bounds;
    private int chosen;
    private int graphNodes;

    TrainingView(TrainingSettings settings) {
        this.settings = settings;
        this.data = dataOf(settings);
        this.model = settings.spec().model(2, settings.classes());
        this.trainerSettings = settings.spec().trainer(settings.classes());
        this.trainer = trainerSettings.build();
        this.parameters = model.parameters();
        labelParameters();
        this.training = trainer.start(model, data);
        this.bounds = DecisionGrid.boundsOf(data);
    }

    /**
     * The settings' points: the dataset, then the points added by hand. The dataset is drawn from NumPy's stream
     * ({@link MersenneTwister#numpyLegacy}), as {@code #demo} draws its moons: its Gaussian is code of ours, so the
     * page computes the JVM's points, where a seed's {@code SplittableRandom} Gaussian is the JDK's own and TeaVM's
     * differs.
     */
    static Dataset dataOf(TrainingSettings settings) {
        Dataset drawn = settings.data().draw(settings.points(), settings.noise(), settings.classes(),
                MersenneTwister.numpyLegacy(settings.spec().seed()));
        int batch = settings.spec().batchSize();
        if (batch > drawn.size() + settings.added().size()) {
            throw new IllegalArgumentException("batch: " + batch + " rows per step, but there are only "
                    + (drawn.size() + settings.added().size()) + " points; use at most that, or 0 for all");
        }
        double[][] x = Arrays.copyOf(drawn.features(), drawn.size() + settings.added().size());
        int[] y = Arrays.copyOf(drawn.labels(), x.length);
        for (int i = 0; i < settings.added().size(); i++) {
            double[] point = settings.added().get(i);
            x[drawn.size() + i] = new double[] {point[0], point[1]};
            y[drawn.size() + i] = (int) point[2];
        }
        return new Dataset(x, y, settings.classes(), drawn.featureNames());
    }

    /** w{layer}.{neuron}.{input} and b{layer}.{neuron}, layers from 1, so the graph and the table name them. */
    private void labelParameters() {
        for (int l = 0; l < model.layers().size(); l++) {
            List<Neuron> neurons = model.layers().get(l).neurons();
            for (int n = 0; n < neurons.size(); n++) {
                List<Value> weights = neurons.get(n).weights();
                for (int i = 0; i < weights.size(); i++) {
                    weights.get(i).label("w" + (l + 1) + "." + n + "." + i);
                }
                neurons.get(n).bias().label("b" + (l + 1) + "." + n);
            }
        }
    }

    TrainingSettings settings() {
        return settings;
    }

    /**
     * Runs the next step.
     *
     * @throws IllegalStateException when every step has run
     * @throws micrograd.train.TrainingDivergedException when the loss or a weight stops being finite
     */
    TrainingStep step() {
        if (training == null) {
            throw new IllegalStateException("all " + settings.spec().steps() + " steps have run");
        }
        TrainingStep step = training.step();
        history.add(step);
        return step;
    }

    boolean hasNextStep() {
        return training != null && training.hasNextStep();
    }

    int stepsDone() {
        return stepsBefore + (training == null ? 0 : training.stepsDone());
    }

    /** Step {@code index} of the run (0 first), with its loss and accuracy on its batch. */
    TrainingStep stepAt(int index) {
        return history.get(index);
    }

    /**
     * Adds a point by hand: the data grows, the training goes on over it from the current weights for the steps the
     * run has left (none when it has taken them all), so that the count never passes the settings' steps.
     */
    void addPoint(double x, double y, int label) {
        TrainingSettings more = settings.withPoint(x, y, label);
        Dataset bigger = dataOf(more);
        settings = more;
        data = bigger;
        stepsBefore = stepsDone();
        int left = settings.spec().steps() - stepsBefore;
        training = left > 0 ? trainerSettings.steps(left).build().start(model, data) : null;
    }

    Dataset data() {
        return data;
    }

    /** xmin, xmax, ymin, ymax of the plot, fixed when the run starts. */
    double[] bounds() {
        return bounds.clone();
    }

    /** The model's class and confidence over a {@code cells} x {@code cells} grid of the plot: {@link DecisionGrid}. */
    int[] grid(int cells) {
        return DecisionGrid.of(model, bounds, cells);
    }

    /** Chooses the point (index into {@link #data()}) whose loss graph {@link #pointGraph()} draws. */
    void choose(int point) {
        if (point < 0 || point >= data.size()) {
            throw new IllegalArgumentException("no point " + point + "; there are " + data.size());
        }
        chosen = point;
    }

    int chosen() {
        return chosen;
    }

    /**
     * The chosen point's loss under the current weights (the data loss alone, as on a batch of that one point), run
     * backward, as DOT text with data and grad on every node; "" when the graph has more than
     * {@link DrawnGraphs#NODE_LIMIT} values ({@link #graphNodes()} says how many). The parameters' grads from the last
     * step are put back afterwards, so the weights table still shows the step's.
     */
    String pointGraph() {
        double[] stepGrads = new double[parameters.size()];
        for (int i = 0; i < stepGrads.length; i++) {
            stepGrads[i] = parameters.get(i).grad();
            parameters.get(i).setGrad(0);
        }
        double[] row = data.row(chosen);
        List<Value> inputs = List.of(Value.of(row[0], "x1"), Value.of(row[1], "x2"));
        Value loss = trainer.loss().loss(List.of(model.forward(inputs)), data.subset(new int[] {chosen}));
        loss.label("loss");
        loss.backward();
        graphNodes = loss.topologicalOrder().size();
        String dot = graphNodes <= DrawnGraphs.NODE_LIMIT ? GraphDot.of(loss) : "";
        for (int i = 0; i < stepGrads.length; i++) {
            parameters.get(i).setGrad(stepGrads[i]);
        }
        return dot;
    }

    /** How many values the last {@link #pointGraph()} had. */
    int graphNodes() {
        return graphNodes;
    }

    /** One line per parameter, {@code name data grad} separated by tabs; the grads are the last step's. */
    String weights() {
        StringBuilder table = new StringBuilder();
        for (Value p : parameters) {
            table.append(p.label()).append('\t').append(p.data()).append('\t').append(p.grad()).append('\n');
        }
        return table.toString();
    }

    /** The model and trainer, as {@code micrograd train} prints them. */
    String description() {
        return model + "\n" + trainer;
    }
}
