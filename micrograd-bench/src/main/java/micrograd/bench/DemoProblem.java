package micrograd.bench;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.engine.Value;
import micrograd.fast.DataParallelGradient;
import micrograd.nn.Loss;
import micrograd.nn.LossKind;
import micrograd.nn.MLP;
import micrograd.fast.Tape;

/**
 * micrograd's demo as a benchmark workload: {@code MLP(2, [16, 16, 1])} on 100 moons points, hinge loss plus
 * 1e-4 L2, full batch, plain SGD. One training step is: forward every point, build the loss, zero the grads,
 * backward, update. The learning rate is a small constant so that any number of benchmark steps stays stable.
 */
public final class DemoProblem {

    /** micrograd's demo: 100 points, noise 0.1, L2 strength 1e-4. */
    public static final int POINTS = 100;
    public static final double NOISE = 0.1;
    public static final double ALPHA = 1e-4;
    public static final long DATA_SEED = 42;
    public static final double LEARNING_RATE = 1e-3;

    private final MLP model;
    private final Dataset data;
    private final double[] signedLabels;
    private final List<Value> parameters;

    /** The demo on {@code points} moons points with a fresh {@code MLP(2, 16, 16, 1)} (micrograd's seed). */
    public DemoProblem(int points) {
        this(new MLP(2, 16, 16, 1), Datasets.moons(points, NOISE, DATA_SEED));
    }

    public DemoProblem(MLP model, Dataset data) {
        this.model = model;
        this.data = data;
        this.signedLabels = data.signedLabels();
        this.parameters = model.parameters();
    }

    /**
     * Target 5's workload: the loss and gradient of {@code model} on {@code rows} of the demo's moons points (hinge
     * loss with the demo's L2), spread over {@code workers} threads.
     */
    public static DataParallelGradient parallelGradient(MLP model, int rows, int workers) {
        return new DataParallelGradient(model, Datasets.moons(rows, NOISE, DATA_SEED), LossKind.HINGE, ALPHA, workers);
    }

    public MLP model() {
        return model;
    }

    public Dataset data() {
        return data;
    }

    public List<Value> parameters() {
        return parameters;
    }

    /** The loss graph at the current parameters; the scores it is built from are added to {@code scores}. */
    public Value buildLoss(List<Value> scores) {
        for (int i = 0; i < data.size(); i++) {
            scores.add(model.forward(data.row(i)).get(0));
        }
        return Loss.hinge(scores, signedLabels).add(Loss.l2(parameters, ALPHA));
    }

    /** One training step on the object graph through the plain {@code Value} API; returns the loss before the update. */
    public double objectGraphStep() {
        Value loss = buildLoss(new ArrayList<>(data.size()));
        zeroGrad();
        loss.backward();
        update();
        return loss.data();
    }

    /** The step's graph recorded once, for {@link #tapeStep}. */
    public Tape recordTape() {
        return Tape.record(buildLoss(new ArrayList<>(data.size())));
    }

    /** One training step replayed on {@code tape}: forward, zero grads, backward, update; the loss before the update. */
    public double tapeStep(Tape tape) {
        double loss = tape.forward();
        zeroGrad();
        tape.backward();
        update();
        return loss;
    }

    /** Sets every parameter's grad to 0. */
    public void zeroGrad() {
        for (Value p : parameters) {
            p.setGrad(0);
        }
    }

    /** Plain SGD: {@code p -= lr * grad}. */
    public void update() {
        for (Value p : parameters) {
            p.setData(p.data() - LEARNING_RATE * p.grad());
        }
    }

    /** How many nodes one step's graph has, leaves (parameters, inputs, constants) included. */
    public int nodesPerStep() {
        return buildLoss(new ArrayList<>()).topologicalOrder().size();
    }
}
