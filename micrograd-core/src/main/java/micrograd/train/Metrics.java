package micrograd.train;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import micrograd.nn.Activation;
import micrograd.nn.MLP;

/** Classification accuracy, the fraction of samples predicted right (0 to 1). */
public final class Metrics {

    private Metrics() {
    }

    /**
     * For a score per sample and labels -1 or +1: a sample is right when {@code score > 0} and {@code y > 0} agree,
     * as micrograd's demo counts (a score of exactly 0 predicts -1; a NaN score is always wrong).
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
            if (!Double.isNaN(scores[i]) && (scores[i] > 0) == (labelsPlusMinus1[i] > 0)) {
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
     * The accuracy of {@code model} on {@code data}, evaluated on plain doubles (no graph), each row's class being
     * {@link #predictedClass}'s.
     */
    public static double accuracy(MLP model, Dataset data) {
        if (!(model.nout() == 1 && data.classes() == 2) && model.nout() != data.classes()) {
            throw new IllegalArgumentException("the model has " + model.nout() + " outputs but the data has "
                    + data.classes() + " classes; use 1 output for 2 classes or one output per class");
        }
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            if (predictedClass(model, model.predict(data.row(i))) == data.label(i)) {
                right++;
            }
        }
        return (double) right / data.size();
    }

    /**
     * The class {@code model} predicts from its {@code outputs} for one row, as training measures it: for one output,
     * class 1 when the output is above its activation's {@link Activation#decisionThreshold()} (0 for a score, 0.5
     * for a sigmoid) and class 0 otherwise; for one output per class, the {@link #argmax}. -1, no class, when an
     * output is NaN.
     */
    public static int predictedClass(MLP model, double[] outputs) {
        if (outputs.length == 1) {
            return Double.isNaN(outputs[0]) ? -1 : outputs[0] > model.outputActivation().decisionThreshold() ? 1 : 0;
        }
        return argmax(outputs);
    }

    /** The index of the largest value (the first of equal ones); -1 when a value is NaN, since none is then largest. */
    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                return -1;
            }
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
