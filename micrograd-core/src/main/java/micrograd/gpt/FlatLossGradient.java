package micrograd.gpt;

import java.util.List;
import micrograd.engine.Value;

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

    /**
     * {@link LossGradient#lossAndGradient(int[])} for a flat path: {@code parameters}' data as the weights, and the
     * gradient added into their grads.
     */
    static double onParameters(FlatLossGradient path, List<Value> parameters, int[] tokens) {
        double[] weights = parameters.stream().mapToDouble(Value::data).toArray();
        double[] grads = new double[weights.length];
        double loss = path.lossAndGradient(tokens, weights, grads);
        for (int i = 0; i < grads.length; i++) {
            Value parameter = parameters.get(i);
            parameter.setGrad(parameter.grad() + grads[i]);
        }
        return loss;
    }
}
