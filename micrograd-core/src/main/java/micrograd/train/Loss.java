package micrograd.train;

import java.util.ArrayList;
import java.util.List;
import micrograd.engine.Value;

/**
 * Loss functions, each built from engine operations so that {@code backward()} differentiates it. Every loss is a
 * mean over the samples (except {@link #sumSquaredError}, the lecture's sum) and computes the mean as micrograd's demo
 * does: one n-ary sum times {@code 1.0 / n}.
 *
 * <p>Sources: the hinge loss is the soft-margin SVM's (Cortes and Vapnik, "Support-vector networks", Machine Learning
 * 20, 1995); the logistic and softmax cross-entropy losses are the negative log-likelihoods of Bishop, "Pattern
 * Recognition and Machine Learning" (2006), sections 4.3.2 and 4.3.4; L2 regularisation is weight decay (Krogh and
 * Hertz, "A Simple Weight Decay Can Improve Generalization", NIPS 1991).
 */
public final class Loss {

    private Loss() {
    }

    /** Mean squared error {@code (1/n) sum (p_i - y_i)^2}. */
    public static Value mse(List<Value> predictions, double[] targets) {
        return mean(squaredErrors(predictions, targets));
    }

    /** The lecture's loss: {@code sum (p_i - y_i)^2}, not divided by n. */
    public static Value sumSquaredError(List<Value> predictions, double[] targets) {
        return Value.sum(squaredErrors(predictions, targets));
    }

    private static List<Value> squaredErrors(List<Value> predictions, double[] targets) {
        checkSizes(predictions.size(), targets.length, "targets");
        List<Value> terms = new ArrayList<>(targets.length);
        for (int i = 0; i < targets.length; i++) {
            terms.add(predictions.get(i).sub(targets[i]).pow(2));
        }
        return terms;
    }

    /**
     * The SVM max-margin (hinge) loss of micrograd's demo: {@code (1/n) sum relu(1 - y_i * s_i)} for labels -1 or +1.
     * Built as micrograd builds it ({@code (1 + -y_i * s_i).relu()}), so its value is bit-identical.
     */
    public static Value hinge(List<Value> scores, double[] labelsPlusMinus1) {
        checkSizes(scores.size(), labelsPlusMinus1.length, "labels");
        List<Value> terms = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            double y = labelsPlusMinus1[i];
            if (y != 1 && y != -1) {
                throw new IllegalArgumentException("hinge loss needs labels -1 or +1; label " + i + " is " + y);
            }
            terms.add(scores.get(i).mul(-y).add(1).relu());
        }
        return mean(terms);
    }

    /**
     * Binary logistic loss (cross-entropy of a sigmoid) on logits, for labels 0 or 1:
     * {@code (1/n) sum [max(z,0) - z*y + log(1 + exp(-|z|))]}, which never overflows, whatever |z|. The sign of z is
     * read from the data and used as a constant, so each sample's graph is a smooth branch
     * ({@code z - z*y + log(1 + exp(-z))} for z >= 0, {@code -z*y + log(1 + exp(z))} below) and the gradient is
     * {@code sigmoid(z) - y} everywhere, z = 0 included.
     */
    public static Value logistic(List<Value> logits, double[] labels01) {
        checkSizes(logits.size(), labels01.length, "labels");
        List<Value> terms = new ArrayList<>(logits.size());
        for (int i = 0; i < logits.size(); i++) {
            double y = labels01[i];
            if (y != 0 && y != 1) {
                throw new IllegalArgumentException("logistic loss needs labels 0 or 1; label " + i + " is " + y);
            }
            Value z = logits.get(i);
            Value softplus = z.data() >= 0
                    ? z.add(z.neg().exp().add(1).log())
                    : z.exp().add(1).log();
            terms.add(softplus.sub(z.mul(y)));
        }
        return mean(terms);
    }

    /**
     * Softmax cross-entropy over K classes: {@code (1/n) sum [log sum_j exp(z_ij - m_i) - (z_i,c_i - m_i)]}, where the
     * maximum logit {@code m_i} of each sample is subtracted as a constant (it cancels mathematically, and keeps every
     * {@code exp} at most 1, so large logits cannot overflow).
     */
    public static Value softmaxCrossEntropy(List<List<Value>> logits, int[] classes) {
        checkSizes(logits.size(), classes.length, "classes");
        List<Value> terms = new ArrayList<>(logits.size());
        for (int i = 0; i < logits.size(); i++) {
            List<Value> z = logits.get(i);
            int c = classes[i];
            if (c < 0 || c >= z.size()) {
                throw new IllegalArgumentException("class " + i + " is " + c + " but there are " + z.size()
                        + " logits; classes run from 0 to " + (z.size() - 1));
            }
            double max = Double.NEGATIVE_INFINITY;
            for (Value zj : z) {
                max = Math.max(max, zj.data());
            }
            List<Value> shifted = new ArrayList<>(z.size());
            List<Value> exps = new ArrayList<>(z.size());
            for (Value zj : z) {
                Value s = zj.sub(max);
                shifted.add(s);
                exps.add(s.exp());
            }
            terms.add(Value.sum(exps).log().sub(shifted.get(c)));
        }
        return mean(terms);
    }

    /** L2 regularisation {@code alpha * sum p^2} (micrograd's demo: alpha 1e-4, p*p summed over the parameters). */
    public static Value l2(List<Value> parameters, double alpha) {
        List<Value> squares = new ArrayList<>(parameters.size());
        for (Value p : parameters) {
            squares.add(p.mul(p));
        }
        return Value.sum(squares).mul(alpha);
    }

    private static Value mean(List<Value> terms) {
        return Value.sum(terms).mul(1.0 / terms.size());
    }

    private static void checkSizes(int outputs, int labels, String what) {
        if (outputs != labels) {
            throw new IllegalArgumentException("got " + outputs + " model outputs but " + labels + " " + what
                    + "; give one per sample");
        }
        if (outputs == 0) {
            throw new IllegalArgumentException("a loss needs at least one sample, got none");
        }
    }
}
