package micrograd.train;

/**
 * The loss of a model on one batch and its gradient, computed again at the parameters' current data each time it is
 * asked: one step's forward and backward pass. {@link GradientPath#prepare} makes one; {@link Trainer} calls
 * {@link #compute()} once per step.
 */
public interface BatchGradient extends AutoCloseable {

    /**
     * Computes the loss at the model's current parameters and ADDS its gradient into their grads (zero them first,
     * as before {@code backward()}). Returns the loss.
     */
    double compute();

    /** The accuracy of the model's outputs in the last {@link #compute()}, 0 to 1 (NaN before the first). */
    double accuracy();

    /** Releases what the computation holds (threads, for a parallel path); the object graph holds nothing. */
    @Override
    default void close() {
    }
}
