package micrograd.train;

import java.util.List;
import micrograd.engine.Value;

/**
 * Adam: Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1. Each parameter keeps
 * running means of its gradient ({@code m = beta1 * m + (1 - beta1) * g}) and squared gradient
 * ({@code v = beta2 * v + (1 - beta2) * g^2}); step t moves it by {@code -lr * mHat / (sqrt(vHat) + eps)} with the
 * bias-corrected {@code mHat = m / (1 - beta1^t)} and {@code vHat = v / (1 - beta2^t)}. Defaults are the paper's:
 * beta1 0.9, beta2 0.999, eps 1e-8. Evaluated in the order written here, which is also microgpt's, so that microgpt's
 * Adam is this one with betas 0.85 and 0.99 and {@link LearningRateSchedule#linearToZero}.
 */
public final class Adam extends AbstractOptimizer {

    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] m;
    private final double[] v;
    private int t;
    private double correction1;
    private double correction2;

    /** Adam with the paper's defaults. */
    public Adam(List<Value> params, double learningRate) {
        this(params, learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    public Adam(List<Value> params, double learningRate, double beta1, double beta2, double epsilon) {
        super(params, learningRate);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta1 and beta2 must be in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new double[this.params.length];
        this.v = new double[this.params.length];
    }

    @Override
    public void step() {
        startStep();
        for (int i = 0; i < params.length; i++) {
            Value p = params[i];
            p.setData(updated(i, p.data(), p.grad()));
        }
    }

    /**
     * The same step on the parameters' data and grads held in arrays, in the order of the parameters given: a
     * gradient path that computes on flat arrays (microgpt's compiled one) updates them without touching a
     * {@code Value}, which keep their data.
     */
    public void step(double[] data, double[] grads) {
        if (data.length != params.length || grads.length != params.length) {
            throw new IllegalArgumentException("Adam has " + params.length + " parameters, got " + data.length
                    + " data and " + grads.length + " grads");
        }
        startStep();
        for (int i = 0; i < params.length; i++) {
            data[i] = updated(i, data[i], grads[i]);
        }
    }

    private void startStep() {
        t++;
        correction1 = 1 - Math.pow(beta1, t);
        correction2 = 1 - Math.pow(beta2, t);
    }

    /** Parameter {@code i}'s moments moved by its grad {@code g}, and its data after this step. */
    private double updated(int i, double data, double g) {
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * (g * g);
        double mHat = m[i] / correction1;
        double vHat = v[i] / correction2;
        return data - learningRate() * mHat / (Math.sqrt(vHat) + epsilon);
    }

    /** How many steps have been taken (the t of the bias correction). */
    public int steps() {
        return t;
    }

    /** "Adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1.0E-8)". */
    @Override
    public String toString() {
        return "Adam(lr=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon + ")";
    }
}
