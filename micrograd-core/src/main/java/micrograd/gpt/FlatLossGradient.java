package micrograd.gpt;

/**
 * A {@link LossGradient} that also works on the weights as one flat array, as {@link Microgpt} keeps them while it
 * trains: a fast path such as {@code micrograd.fast.DerivedGpt} then reads and writes no {@code Value} during a step.
 * Both methods must give the same numbers.
 */
public interface FlatLossGradient extends LossGradient {

    /**
     * The loss on {@code tokens}, given the weights in {@link Gpt#parameters()} order; adds d loss / d weight into
     * {@code grads} (same order).
     */
    double lossAndGradient(int[] tokens, double[] weights, double[] grads);
}
