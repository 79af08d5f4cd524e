package micrograd.train;

/**
 * Updates parameters from their gradients. A training step is: forward, {@link #zeroGrad()}, {@code backward()},
 * {@link #step()}.
 */
public interface Optimizer {

    /** Moves every parameter using its current gradient. */
    void step();

    /** Sets every parameter's gradient to 0. */
    void zeroGrad();

    double learningRate();

    /** Changes the learning rate for the following steps (a schedule calls this before each step). */
    void setLearningRate(double learningRate);
}
