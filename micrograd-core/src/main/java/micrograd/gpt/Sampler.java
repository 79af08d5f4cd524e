package micrograd.gpt;

import java.util.List;
import micrograd.data.PythonRandom;
import micrograd.engine.Value;

/**
 * How a run draws a document ({@link Gpt#sample}) at the given weights, in {@link Gpt#parameters()} order:
 * {@link Microgpt} keeps the weights as one array while it trains and hands them to its sampler, by default
 * {@link #objectGraph}, the lesson's way; {@code micrograd.fast.DerivedGpt} draws the same tokens from the same random
 * stream, bit for bit, without a {@code Value}.
 */
@FunctionalInterface
public interface Sampler {

    /** The tokens of one document drawn from {@code random} at {@code temperature}, without BOS. */
    int[] sample(double[] weights, PythonRandom random, double temperature, int bos);

    /** The object graph's way on {@code model}: the weights put in its parameters' Values, then {@link Gpt#sample}. */
    static Sampler objectGraph(Gpt model) {
        List<Value> parameters = model.parameters();
        return (weights, random, temperature, bos) -> {
            for (int i = 0; i < weights.length; i++) {
                parameters.get(i).setData(weights[i]);
            }
            return model.sample(random, temperature, bos);
        };
    }
}
