package micrograd.gpt;

import java.util.List;
import micrograd.engine.Value;

/**
 * microgpt's Adam: lr 0.01 falling linearly to 0 over the run, betas 0.85 and 0.99, eps 1e-8, bias-corrected. It is
 * {@code micrograd.nn.Adam}'s algorithm written in the original's order of operations ({@code (1 - beta2) * g**2},
 * {@code v_hat**0.5}, the rate {@code lr * (1 - step / steps)}), which rounds differently from
 * {@code nn.Adam} with a linear schedule; replaying Python to the last digit needs this order.
 */
public final class MicrogptAdam {

    public static final double LEARNING_RATE = 0.01;
    public static final double BETA1 = 0.85;
    public static final double BETA2 = 0.99;
    public static final double EPS = 1e-8;

    private final Value[] params;
    private final double[] m;
    private final double[] v;

    public MicrogptAdam(List<Value> params) {
        this.params = params.toArray(new Value[0]);
        this.m = new double[this.params.length];
        this.v = new double[this.params.length];
    }

    /**
     * Moves every parameter by its grad for step {@code step} (0-based) of {@code steps}, then sets the grads to 0.
     */
    public void step(int step, int steps) {
        double lrT = LEARNING_RATE * (1 - (double) step / steps);
        double correction1 = 1 - Math.pow(BETA1, step + 1);
        double correction2 = 1 - Math.pow(BETA2, step + 1);
        for (int i = 0; i < params.length; i++) {
            Value p = params[i];
            double g = p.grad();
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * Math.pow(g, 2);
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            p.setData(p.data() - lrT * mHat / (Math.pow(vHat, 0.5) + EPS));
            p.setGrad(0);
        }
    }
}
