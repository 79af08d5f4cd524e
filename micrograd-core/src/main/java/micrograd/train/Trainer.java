package micrograd.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import micrograd.nn.MLP;

/**
 * The training loop of micrograd's demo, configurable. Each step k:
 * <ol>
 *   <li>takes the batch (the whole dataset by default, else {@code batchSize} distinct rows drawn with the seed);</li>
 *   <li>zeroes the gradients and computes the loss and its gradient on the batch: the data loss plus, when
 *       {@code l2 > 0}, {@link Loss#l2} of all parameters. By default on the object graph: the model runs forward on
 *       every row, the loss is built from {@code Value}s, and {@code backward()} runs on it;</li>
 *   <li>sets the learning rate to {@code schedule.at(k)} and lets the optimizer update the parameters;</li>
 *   <li>reports a {@link TrainingStep} with the loss and accuracy computed before the update.</li>
 * </ol>
 * The defaults are micrograd's demo: hinge loss, L2 1e-4, plain SGD, {@code lr = 1.0 - 0.9 * k / steps}, 100 steps,
 * full batch, so {@code Trainer.builder().build().fit(new MLP(2, 16, 16, 1), Datasets.moons(100, 0.1, seed))}
 * computes what the notebook computes, operation for operation.
 *
 * <p>{@code gradient(path)} chooses how step 2 is computed ({@link GradientPath}); the faster paths in
 * {@code micrograd.fast} (a compiled tape, several threads) give the same numbers on the full batch.
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
    private final LongFunction<UnaryOperator<Dataset>> miniBatches;
    private final GradientPath gradient;

    private Trainer(Builder b) {
        this.loss = b.loss;
        this.l2 = b.l2;
        this.optimizerFactory = b.optimizerFactory;
        this.optimizerDescription = b.optimizerDescription;
        this.steps = b.steps;
        this.schedule = b.schedule != null ? b.schedule : LearningRateSchedule.linearDecay(1.0, 0.1, b.steps);
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.miniBatches = b.miniBatches;
        this.gradient = b.gradient;
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
     * @throws IllegalArgumentException if the model does not fit the data or the loss (see {@link LossKind#checkFits}),
     *                                  or the gradient path cannot compute that loss
     * @throws TrainingDivergedException at the first step whose loss is not finite, or when the last update leaves a
     *                                   parameter that is not finite
     */
    public List<TrainingStep> fit(MLP model, Dataset data, Consumer<TrainingStep> listener) {
        List<TrainingStep> history = new ArrayList<>();
        try (Training training = start(model, data)) {
            while (training.hasNextStep()) {
                TrainingStep seen = training.step();
                history.add(seen);
                listener.accept(seen);
            }
        }
        return history;
    }

    /**
     * Starts training {@code model} on {@code data} without running a step: {@link Training#step()} runs each one.
     * Close it when done (a parallel gradient path holds threads).
     *
     * @throws IllegalArgumentException if the model does not fit the data or the loss (see {@link LossKind#checkFits}),
     *                                  or the gradient path cannot compute that loss
     */
    public Training start(MLP model, Dataset data) {
        loss.checkFits(model, data);
        if (batchSize > data.size()) {
            throw new IllegalArgumentException("the batch size " + batchSize + " exceeds the " + data.size()
                    + " rows of the data; use at most " + data.size() + " or 0 for the full batch");
        }
        Optimizer optimizer = optimizerFactory.apply(model.parameters());
        UnaryOperator<Dataset> batches = batchSize == 0 ? null : miniBatches.apply(seed);
        BatchGradient fullBatch = batchSize == 0 ? gradient.prepare(model, data, loss, l2) : null;
        return new Training(this, model, data, optimizer, batches, fullBatch);
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

    /** How each step's loss and gradient are computed ({@link GradientPath#GRAPH} by default). */
    public GradientPath gradient() {
        return gradient;
    }

    /**
     * "Trainer(loss=hinge, l2=1.0E-4, optimizer=SGD(momentum=0.0), schedule=linearDecay(...), steps=100, batch=full,
     * seed=0, gradient=graph)".
     */
    @Override
    public String toString() {
        return "Trainer(loss=" + loss + ", l2=" + l2 + ", optimizer=" + optimizerDescription + ", schedule=" + schedule
                + ", steps=" + steps + ", batch=" + (batchSize == 0 ? "full" : Integer.toString(batchSize))
                + ", seed=" + seed + ", gradient=" + gradient + ")";
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
        /** Set only by {@link #batchSize} above 0, so that the full batch never reaches {@link MiniBatches}. */
        private LongFunction<UnaryOperator<Dataset>> miniBatches;
        private long seed;
        private GradientPath gradient = GradientPath.GRAPH;

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
            this.miniBatches = batchSize == 0 ? null : drawSeed -> new MiniBatches(batchSize, drawSeed);
            return this;
        }

        /** The seed of the mini-batch draws (default 0; unused for the full batch). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * How each step's loss and gradient are computed (default {@link GradientPath#GRAPH}, the object graph and
         * {@code backward()}); a path that needs the full batch refuses a batch size other than 0 at {@link #build()}.
         */
        public Builder gradient(GradientPath gradient) {
            this.gradient = Objects.requireNonNull(gradient);
            return this;
        }

        /**
         * @throws IllegalArgumentException if the gradient path needs the full batch and a batch size was set
         */
        public Trainer build() {
            if (batchSize > 0 && !gradient.allowsMiniBatches()) {
                throw new IllegalArgumentException("the " + gradient + " gradient path computes the full batch; "
                        + "use batch size 0 with it, or the graph path for mini-batches");
            }
            return new Trainer(this);
        }
    }
}
