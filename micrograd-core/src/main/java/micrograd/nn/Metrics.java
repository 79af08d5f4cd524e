package micrograd.nn;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.engine.Value;

/** Classification accuracy, the fraction of samples predicted right (0 to 1). */
public final class Metrics {

    private Metrics() {
    }

    /**
     * For a score per sample and labels -1 or +1: a sample is right when {@code score > 0} and {@code y > 0} agree,
     * as micrograd's demo counts (a score of exactly 0 predicts -1).
     */
    public static double accuracy(List<Value> scores, double[] labelsPlusMinus1) {
        return accuracy(scores.stream().mapToDouble(Value::data).toArray(), labelsPlusMinus1);
    }

    /** For K logits per sample and class indices: a sample is right when its largest logit is its class's. */
    public static double accuracy(List<List<Value>> logits, int[] classes) {
        double[][] data = new double[logits.size()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = logits.get(i).stream().mapToDouble(Value::data).toArray();
        }
        return accuracy(data, classes);
    }

    /**
     * The accuracy of a model's outputs on {@code batch}, one list of outputs per row: by the sign of the score for
     * one output, by the largest logit for one output per class.
     */
    public static double batchAccuracy(List<List<Value>> outputs, Dataset batch) {
        if (outputs.get(0).size() == 1) {
            List<Value> scores = new ArrayList<>(outputs.size());
            for (List<Value> o : outputs) {
                scores.add(o.get(0));
            }
            return accuracy(scores, batch.signedLabels());
        }
        return accuracy(outputs, batch.labels());
    }

    /** {@link #accuracy(List, double[])} on plain scores. */
    public static double accuracy(double[] scores, double[] labelsPlusMinus1) {
        checkSizes(scores.length, labelsPlusMinus1.length);
        int right = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] > 0) == (labelsPlusMinus1[i] > 0)) {
                right++;
            }
        }
        return (double) right / scores.length;
    }

    /** {@link #accuracy(List, int[])} on plain logits. */
    public static double accuracy(double[][] logits, int[] classes) {
        checkSizes(logits.length, classes.length);
        int right = 0;
        for (int i = 0; i < logits.length; i++) {
            if (argmax(logits[i]) == classes[i]) {
                right++;
            }
        }
        return (double) right / logits.length;
    }

    /**
     * The accuracy of {@code model} on {@code data}, evaluated on plain doubles (no graph): by the sign of the score
     * for a model with one output and two classes, by the largest logit for a model with one output per class.
     */
    public static double accuracy(MLP model, Dataset data) {
        double[][] features = data.features();
        double[][] outputs = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            outputs[i] = model.predict(features[i]);
        }
        if (model.nout() == 1 && data.classes() == 2) {
            double[] scores = new double[outputs.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = outputs[i][0];
            }
            return accuracy(scores, data.signedLabels());
        }
        if (model.nout() != data.classes()) {
            throw new IllegalArgumentException("the model has " + model.nout() + " outputs but the data has "
                    + data.classes() + " classes; use 1 output for 2 classes or one output per class");
        }
        return accuracy(outputs, data.labels());
    }

    /** The index of the largest value (the first of equal ones). */
    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void checkSizes(int outputs, int labels) {
        if (outputs != labels) {
            throw new IllegalArgumentException("got " + outputs + " predictions but " + labels + " labels");
        }
        if (outputs == 0) {
            throw new IllegalArgumentException("accuracy needs at least one sample, got none");
        }
    }
}
