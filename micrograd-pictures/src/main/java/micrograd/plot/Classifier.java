package micrograd.plot;

import micrograd.nn.MLP;
import micrograd.nn.Metrics;

/** Something that puts a point into a class 0..K-1, such as a trained model. */
@FunctionalInterface
public interface Classifier {

    /** The class of the point {@code x}. */
    int classify(double[] x);

    /**
     * The class {@code model} predicts, as the training code measures accuracy: for one output (a score or logit),
     * class 1 when the score is positive and class 0 otherwise; for one output per class, the largest output.
     */
    static Classifier of(MLP model) {
        return x -> {
            double[] outputs = model.predict(x);
            return outputs.length == 1 ? (outputs[0] > 0 ? 1 : 0) : Metrics.argmax(outputs);
        };
    }
}
