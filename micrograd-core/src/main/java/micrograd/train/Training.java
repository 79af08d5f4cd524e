package micrograd.train;

import java.util.List;
import java.util.function.UnaryOperator;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import micrograd.nn.MLP;

/**
 * A training run taken one step at a time: {@link Trainer#start} makes one, each {@link #step()} runs the trainer's
 * next step, and {@link Trainer#fit} is this loop run to the end. A caller that must hand control back between steps
 * (a page that draws while it trains, a stepper with play and pause) calls {@link #step()} itself.
 */
public final class Training implements AutoCloseable {

    private final Trainer trainer;
    private final MLP model;
    private final Dataset data;
    private final List<Value> params;
    private final Optimizer optimizer;
    private final UnaryOperator<Dataset> batches;
    private final BatchGradient fullBatch;
    private int stepsDone;

    Training(Trainer trainer, MLP model, Dataset data, Optimizer optimizer, UnaryOperator<Dataset> batches,
             BatchGradient fullBatch) {
        this.trainer = trainer;
        this.model = model;
        this.data = data;
        this.params = model.parameters();
        this.optimizer = optimizer;
        this.batches = batches;
        this.fullBatch = fullBatch;
    }

    /** Whether a step is left: the trainer's {@code steps()} have not all run. */
    public boolean hasNextStep() {
        return stepsDone < trainer.steps();
    }

    /** How many steps have run. */
    public int stepsDone() {
        return stepsDone;
    }

    /**
     * Runs the next step: the batch, zeroed grads, the loss and its gradient, the update at this step's learning rate.
     *
     * @return what the step saw, before its update
     * @throws IllegalStateException     when every step has run
     * @throws TrainingDivergedException when the loss is not finite, or the last update leaves a parameter that is not
     */
    public TrainingStep step() {
        if (!hasNextStep()) {
            throw new IllegalStateException("all " + trainer.steps() + " steps have run");
        }
        int k = stepsDone;
        BatchGradient gradient = fullBatch != null ? fullBatch
                : trainer.gradient().prepare(model, batches.apply(data), trainer.loss(), trainer.l2());
        optimizer.zeroGrad();
        double lossValue = gradient.compute();
        if (!Double.isFinite(lossValue)) {
            throw new TrainingDivergedException(k, "the loss is " + lossValue);
        }
        double lr = trainer.schedule().at(k);
        optimizer.setLearningRate(lr);
        optimizer.step();
        stepsDone++;
        if (!hasNextStep()) {
            checkParametersFinite(k);
        }
        return new TrainingStep(k, lossValue, gradient.accuracy(), lr);
    }

    private void checkParametersFinite(int lastStep) {
        for (int i = 0; i < params.size(); i++) {
            if (!Double.isFinite(params.get(i).data())) {
                throw new TrainingDivergedException(lastStep, "the update left parameter " + i + " at "
                        + params.get(i).data());
            }
        }
    }

    /** Releases what the gradient path holds (the threads of a parallel path). */
    @Override
    public void close() {
        if (fullBatch != null) {
            fullBatch.close();
        }
    }
}
