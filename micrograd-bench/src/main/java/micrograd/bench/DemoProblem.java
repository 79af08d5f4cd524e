package micrograd.bench;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import micrograd.fast.DataParallelGradient;
import micrograd.fast.Tape;
import micrograd.nn.MLP;
import micrograd.train.LearningRateSchedule;
import micrograd.train.Loss;
import micrograd.train.LossKind;
import micrograd.train.MicrogradDemo;
import micrograd.train.Trainer;

/**
 * micrograd's demo ({@link MicrogradDemo}: its moons, its initial weights, its hinge loss plus L2 and its learning
 * rates) as a benchmark workload. One training step is: forward every point, build the loss, zero the grads,
 * backward, update. A benchmark takes thousands of steps and the demo has 100, so the steps replay the demo's 100 over
 * and over, the weights going back to the demo's initial ones at each round: every step measured is one of the
 * notebook's.
 */
public final class DemoProblem {

    private static final MicrogradDemo DEMO = new MicrogradDemo();
    private static final Trainer TRAINER = DEMO.trainer().build();
    /** The demo's L2 strength. */
    public static final double ALPHA = TRAINER.l2();
    /** The demo's 100 points. */
    public static final int POINTS = MicrogradDemo.POINTS;

    private final MLP model;
    private final Dataset data;
    private final double[] signedLabels;
    private final List<Value> parameters;
    private final double[] initialParameters;
    private long steps;

    /** The demo's initial weights on {@code points} moons points drawn as the demo draws its 100 (100: the demo). */
    public DemoProblem(int points) {
        this(DEMO.model(), DEMO.moons(points));
    }

    public DemoProblem(MLP model, Dataset data) {
        this.model = model;
        this.data = data;
        this.signedLabels = data.signedLabels();
        this.parameters = model.parameters();
        this.initialParameters = model.parameterData();
    }

    /**
     * Target 5's workload: the loss and gradient of {@code model} on {@code rows} moons points drawn as the demo
     * draws its 100 (hinge loss with the demo's L2), spread over {@code workers} threads.
     */
    public static DataParallelGradient parallelGradient(MLP model, int rows, int workers) {
        return new DataParallelGradient(model, DEMO.moons(rows), LossKind.HINGE, ALPHA, workers);
    }

    /** The learning rate of step {@code step} of an endless run: the demo's rates, round after round. */
    private static double learningRate(long step) {
        LearningRateSchedule schedule = TRAINER.schedule();
        return schedule.at((int) (step % TRAINER.steps()));
    }

    /** Whether the next step starts a round after the first, where the weights go back to the initial ones. */
    private boolean roundIsOver() {
        return steps > 0 && steps % TRAINER.steps() == 0;
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
        startRoundIfDue();
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
        startRoundIfDue();
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

    /** The demo's SGD update at this step's learning rate, {@code p -= lr * grad}; then the next step is due. */
    public void update() {
        double learningRate = learningRate(steps++);
        for (Value p : parameters) {
            p.setData(p.data() - learningRate * p.grad());
        }
    }

    /**
     * The same step in the hand-written loop, which holds its own copy of the weights: at this problem's learning rate
     * and rounds, so that {@code loop} takes the steps this problem would take. Returns the loss before the update.
     */
    public double handWrittenStep(HandWrittenMlp loop) {
        if (roundIsOver()) {
            loop.setParameters(initialParameters);
        }
        return loop.step(learningRate(steps++));
    }

    private void startRoundIfDue() {
        if (roundIsOver()) {
            model.setParameterData(initialParameters);
        }
    }

    /** How many nodes one step's graph has, leaves (parameters, inputs, constants) included. */
    public int nodesPerStep() {
        return buildLoss(new ArrayList<>()).topologicalOrder().size();
    }
}
