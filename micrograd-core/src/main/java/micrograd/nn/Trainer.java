package micrograd.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import micrograd.data.Dataset;
import micrograd.engine.Value;

/**
 * The training loop of micrograd's demo, configurable. Each step k:
 * <ol>
 *   <li>takes the batch (the whole dataset by default, else {@code batchSize} distinct rows drawn with the seed);</li>
 *   <li>runs the model forward on every row and builds the loss: the data loss plus, when {@code l2 > 0},
 *       {@link Loss#l2} of all parameters;</li>
 *   <li>zeroes the gradients, runs {@code backward()}, sets the learning rate to {@code schedule.at(k)} and lets the
 *       optimizer update the parameters;</li>
 *   <li>reports a {@link TrainingStep} with the loss and accuracy computed before the update.</li>
 * </ol>
 * The defaults are micrograd's demo: hinge loss, L2 1e-4, plain SGD, {@code lr = 1.0 - 0.9 * k / steps}, 100 steps,
 * full batch, so {@code Trainer.builder().build().fit(new MLP(2, 16, 16, 1), Datasets.moons(100, 0.1, seed))}
 * computes what the notebook computes, operation for operation.
 *
 * <p>Speed: on the full batch, the step's graph is recorded once on a {@link micrograd.tape.Tape} and replayed
 * where the loss allows ({@link DataParallelGradient#canRecord}; same numbers as rebuilding the graph, several times
 * faster; {@code tape(false)} turns it off), and {@code workers(n)} spreads each step over n threads
 * ({@link DataParallelGradient}: the same gradients up to the order of the sums).
 */
public final class Trainer {

    private final LossKind loss;
    private final double l2;
    private final Function<List<Value>, Optimizer> optimizerFactory;
    private final String optimizerDescription;
    private final LearningRateSchedule schedule;
    private final int steps;
    private final int batchSize;
    private final long seed;
    private final int workers;
    private final boolean tape;

    private Trainer(Builder b) {
        this.loss = b.loss;
        this.l2 = b.l2;
        this.optimizerFactory = b.optimizerFactory;
        this.optimizerDescription = b.optimizerDescription;
        this.steps = b.steps;
        this.schedule = b.schedule != null ? b.schedule : LearningRateSchedule.linearDecay(1.0, 0.1, b.steps);
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.workers = b.workers;
        this.tape = b.tape;
    }

    /** A builder preset to micrograd's demo. */
    public static Builder builder() {
        return new Builder();
    }

    /** Trains {@code model} on {@code data} and returns what every step saw. */
    public List<TrainingStep> fit(MLP model, Dataset data) {
        return fit(model, data, step -> { });
    }

    /**
     * Trains {@code model} on {@code data}, calling {@code listener} after every step, and returns what every step
     * saw.
     *
     * @throws IllegalArgumentException if the model does not fit the data or the loss (see {@link LossKind#checkFits})
     */
    public List<TrainingStep> fit(MLP model, Dataset data, Consumer<TrainingStep> listener) {
        loss.checkFits(model, data);
        if (batchSize > data.size()) {
            throw new IllegalArgumentException("the batch size " + batchSize + " exceeds the " + data.size()
                    + " rows of the data; use at most " + data.size() + " or 0 for the full batch");
        }
        boolean compiled = batchSize == 0 && (workers > 1 || tape && DataParallelGradient.canRecord(loss));
        try (DataParallelGradient fullBatch = compiled
                ? new DataParallelGradient(model, data, loss, l2, workers, tape) : null) {
            return fit(model, data, listener, fullBatch);
        }
    }

    /** The loop; each step's loss and gradient come from {@code fullBatch} when given, else from a new graph. */
    private List<TrainingStep> fit(MLP model, Dataset data, Consumer<TrainingStep> listener,
                                   DataParallelGradient fullBatch) {
        List<Value> params = model.parameters();
        Optimizer optimizer = optimizerFactory.apply(params);
        SplittableRandom batchRandom = new SplittableRandom(seed);
        List<TrainingStep> history = new ArrayList<>(steps);
        for (int k = 0; k < steps; k++) {
            double lossValue;
            double accuracy;
            if (fullBatch != null) {
                optimizer.zeroGrad();
                lossValue = fullBatch.compute();
                accuracy = fullBatch.accuracy();
            } else {
                Dataset batch = batchSize == 0 ? data : data.sample(batchSize, batchRandom.nextLong());
                List<List<Value>> outputs = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    outputs.add(model.forward(batch.row(i)));
                }
                Value total = loss.loss(outputs, batch);
                if (l2 > 0) {
                    total = total.add(Loss.l2(params, l2));
                }
                accuracy = batchAccuracy(outputs, batch);
                optimizer.zeroGrad();
                total.backward();
                lossValue = total.data();
            }
            double lr = schedule.at(k);
            optimizer.setLearningRate(lr);
            optimizer.step();
            TrainingStep step = new TrainingStep(k, lossValue, accuracy, lr);
            history.add(step);
            listener.accept(step);
        }
        return history;
    }

    /** Sign accuracy for a one-output model, argmax accuracy for one output per class. */
    static double batchAccuracy(List<List<Value>> outputs, Dataset batch) {
        if (outputs.get(0).size() == 1) {
            List<Value> scores = new ArrayList<>(outputs.size());
            for (List<Value> o : outputs) {
                scores.add(o.get(0));
            }
            return Metrics.accuracy(scores, batch.signedLabels());
        }
        return Metrics.accuracy(outputs, batch.labels());
    }

    public LossKind loss() {
        return loss;
    }

    public double l2() {
        return l2;
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    public int steps() {
        return steps;
    }

    /** The mini-batch size; 0 for the full batch. */
    public int batchSize() {
        return batchSize;
    }

    /** The threads computing each full-batch step (1 by default). */
    public int workers() {
        return workers;
    }

    /** Whether full-batch steps are replayed on a tape where the loss allows it (the default). */
    public boolean tape() {
        return tape;
    }

    /** "Trainer(loss=hinge, l2=1.0E-4, optimizer=SGD(momentum=0.0), schedule=linearDecay(...), steps=100, batch=full, seed=0)". */
    @Override
    public String toString() {
        return "Trainer(loss=" + loss + ", l2=" + l2 + ", optimizer=" + optimizerDescription + ", schedule=" + schedule
                + ", steps=" + steps + ", batch=" + (batchSize == 0 ? "full" : Integer.toString(batchSize))
                + ", seed=" + seed + (workers > 1 ? ", workers=" + workers : "") + (tape ? "" : ", tape=off") + ")";
    }

    /** Configures a {@link Trainer}; every setting starts at micrograd's demo. */
    public static final class Builder {
        private LossKind loss = LossKind.HINGE;
        private double l2 = 1e-4;
        private Function<List<Value>, Optimizer> optimizerFactory;
        private String optimizerDescription;
        private LearningRateSchedule schedule;
        private int steps = 100;
        private int batchSize;
        private long seed;
        private int workers = 1;
        private boolean tape = true;

        private Builder() {
            sgd();
        }

        /** The data loss (default hinge). */
        public Builder loss(LossKind loss) {
            this.loss = Objects.requireNonNull(loss);
            return this;
        }

        /** The L2 regularisation strength alpha, 0 for none (default 1e-4). */
        public Builder l2(double alpha) {
            if (!(alpha >= 0) || !Double.isFinite(alpha)) {
                throw new IllegalArgumentException("the L2 strength must be a finite number >= 0, got " + alpha);
            }
            this.l2 = alpha;
            return this;
        }

        /** Plain gradient descent (the default). */
        public Builder sgd() {
            return sgd(0.0);
        }

        /** Gradient descent with momentum in [0, 1). */
        public Builder sgd(double momentum) {
            new SGD(List.of(), 0, momentum); // rejects a bad momentum now rather than at fit()
            this.optimizerFactory = params -> new SGD(params, 0, momentum);
            this.optimizerDescription = "SGD(momentum=" + momentum + ")";
            return this;
        }

        /** Adam with the paper's defaults. */
        public Builder adam() {
            return adam(Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON);
        }

        /** Adam with these hyper-parameters. */
        public Builder adam(double beta1, double beta2, double epsilon) {
            new Adam(List.of(), 0, beta1, beta2, epsilon); // rejects bad settings now rather than at fit()
            this.optimizerFactory = params -> new Adam(params, 0, beta1, beta2, epsilon);
            this.optimizerDescription = "Adam(beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon + ")";
            return this;
        }

        /** The learning rate of each step (default {@code linearDecay(1.0, 0.1, steps)}, micrograd's demo). */
        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule);
            return this;
        }

        /** A constant learning rate. */
        public Builder learningRate(double learningRate) {
            return schedule(LearningRateSchedule.constant(learningRate));
        }

        /** The number of steps (default 100). */
        public Builder steps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("need at least 1 training step, got " + steps);
            }
            this.steps = steps;
            return this;
        }

        /** Rows per step, drawn anew each step without repeats; 0 (the default) for the whole dataset. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 0) {
                throw new IllegalArgumentException("the batch size must be >= 0 (0 for the full batch), got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** The seed of the mini-batch draws (default 0; unused for the full batch). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Threads computing each full-batch step, each on its share of the rows (default 1). The gradients equal the
         * single-thread ones up to the order of the floating-point sums; mini-batch steps always use one thread.
         */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("need at least 1 worker thread, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Whether full-batch steps may be replayed on a tape (default true; false rebuilds the graph each step). */
        public Builder tape(boolean tape) {
            this.tape = tape;
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
