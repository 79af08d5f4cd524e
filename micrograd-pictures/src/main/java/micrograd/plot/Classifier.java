package micrograd.plot;

import micrograd.nn.MLP;
import micrograd.train.Metrics;

/** Something that puts a point into a class 0..K-1, such as a trained model. */
@FunctionalInterface
public interface Classifier {

    /** The class of the point {@code x}, or -1 when it has none (see {@link Metrics#predictedClass}). */
    int classify(double[] x);

    /** The class {@code model} predicts, as the training code measures accuracy ({@link Metrics#predictedClass}). */
    static Classifier of(MLP model) {
        return x -> Metrics.predictedClass(model, model.predict(x));
    }
}
