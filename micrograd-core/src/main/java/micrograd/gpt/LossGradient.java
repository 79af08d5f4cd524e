package micrograd.gpt;

/**
 * How a training step gets its loss and gradient: the loss on one document's tokens, with d loss / d weight added
 * into each of the model's parameters' grads. {@link Microgpt} uses the object graph ({@link Gpt#loss} and
 * {@code backward()}) unless given another way, such as {@code micrograd.fast.DerivedGpt}, which must give the
 * same numbers; a {@link FlatLossGradient} also takes the weights as an array.
 */
@FunctionalInterface
public interface LossGradient {

    /** The loss on {@code tokens} ({@code [BOS, ..., BOS]}); adds its gradient into the parameters' grads. */
    double lossAndGradient(int[] tokens);
}
