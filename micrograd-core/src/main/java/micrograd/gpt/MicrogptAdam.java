package micrograd.gpt;

/**
 * microgpt's Adam: lr 0.01 falling linearly to 0 over the run, betas 0.85 and 0.99, eps 1e-8, bias-corrected. It is
 * {@code micrograd.nn.Adam}'s algorithm written in the original's order of operations ({@code (1 - beta2) * g**2},
 * {@code v_hat**0.5}, the rate {@code lr * (1 - step / steps)}), which rounds differently from
 * {@code nn.Adam} with a linear schedule; replaying Python to the last digit needs this order.
 *
 * <p>{@code v_hat**0.5} is taken as {@code Math.sqrt(vHat)}: the same number (the correctly rounded square root, which
 * fdlibm's pow returns for the exponent 0.5 and so does HotSpot's; MicrogptAdamTest checks it against
 * {@code Math.pow}) in well under half the time, since the JIT does not turn {@code Math.pow(x, 0.5)} into a square
 * root itself.
 */
public final class MicrogptAdam {

    public static final double LEARNING_RATE = 0.01;
    public static final double BETA1 = 0.85;
    public static final double BETA2 = 0.99;
    public static final double EPS = 1e-8;

    private final double[] m;
    private final double[] v;

    /** Adam's moments for {@code count} parameters, all 0. */
    public MicrogptAdam(int count) {
        this.m = new double[count];
        this.v = new double[count];
    }

    /**
     * Moves every weight by its grad for step {@code step} (0-based) of {@code steps}, then sets the grads to 0. The
     * arrays hold the parameters in one fixed order (flat arrays, not {@code Value}s, so the update streams through
     * memory).
     */
    public void step(double[] weights, double[] grads, int step, int steps) {
        double lrT = LEARNING_RATE * (1 - (double) step / steps);
        double correction1 = 1 - Math.pow(BETA1, step + 1);
        double correction2 = 1 - Math.pow(BETA2, step + 1);
        for (int i = 0; i < m.length; i++) {
            double g = grads[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * Math.pow(g, 2);
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            weights[i] = weights[i] - lrT * mHat / (Math.sqrt(vHat) + EPS);
            grads[i] = 0;
        }
    }
}
