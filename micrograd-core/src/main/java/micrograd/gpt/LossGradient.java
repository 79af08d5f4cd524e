package micrograd.gpt;

import java.util.List;
import micrograd.engine.Value;

/**
 * How a training step gets its loss and gradient: the loss on one document's tokens at the given weights, with
 * d loss / d weight added into {@code grads}. {@link Microgpt} keeps the weights and grads as flat arrays in
 * {@link Gpt#parameters()} order while it trains, and hands them to its gradient every step: by default
 * {@link #objectGraph}, the lesson's way; {@code micrograd.fast.DerivedGpt} computes the same numbers, bit for bit,
 * without a {@code Value}.
 */
@FunctionalInterface
public interface LossGradient {

    /**
     * The loss on {@code tokens} ({@code [BOS, ..., BOS]}) with {@code weights} in {@link Gpt#parameters()} order;
     * adds d loss / d weight into {@code grads} (same order).
     */
    double lossAndGradient(int[] tokens, double[] weights, double[] grads);

    /**
     * The object graph's way on {@code model}: the weights put in its parameters' Values, {@link Gpt#loss} built and
     * {@code backward()} run on it, and each parameter's grad moved into {@code grads} (the Values' grads left at 0).
     */
    static LossGradient objectGraph(Gpt model) {
        List<Value> parameters = model.parameters();
        return (tokens, weights, grads) -> {
            for (int i = 0; i < weights.length; i++) {
                parameters.get(i).setData(weights[i]);
            }
            Value loss = model.loss(tokens);
            loss.backward();
            for (int i = 0; i < grads.length; i++) {
                Value parameter = parameters.get(i);
                grads[i] += parameter.grad();
                parameter.setGrad(0);
            }
            return loss.data();
        };
    }
}
