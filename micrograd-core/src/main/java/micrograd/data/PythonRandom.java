package micrograd.data;

import java.util.Collections;
import java.util.List;

/**
 * CPython's {@code random} module (3.11) for the draws that Karpathy's microgpt makes, on the
 * {@link MersenneTwister}, each following CPython's algorithm step by step so that a seed gives Python's numbers:
 * {@link #random()}, {@link #getrandbits(int)}, {@link #shuffle(List)} (through {@code _randbelow}), {@link #gauss}
 * (which keeps the second value of each pair for the next call) and {@link #choices(double[])}. Not thread-safe.
 */
public final class PythonRandom {

    private static final double TWO_PI = 2.0 * Math.PI;

    private final MersenneTwister twister;
    private double gaussNext;
    private boolean hasGaussNext;

    /** {@code random.seed(seed)} for a seed in [0, 2^32). */
    public PythonRandom(long seed) {
        this.twister = MersenneTwister.python(seed);
    }

    private PythonRandom(MersenneTwister twister, double gaussNext, boolean hasGaussNext) {
        this.twister = twister;
        this.gaussNext = gaussNext;
        this.hasGaussNext = hasGaussNext;
    }

    /**
     * A stream in this one's state ({@code random.getstate()} given to a new {@code Random}): it draws what this one
     * would draw next, and drawing from it leaves this one where it is.
     */
    public PythonRandom copy() {
        return new PythonRandom(twister.copy(), gaussNext, hasGaussNext);
    }

    /** {@code random.random()}: a double in [0, 1) from 53 random bits. */
    public double random() {
        return twister.nextDouble();
    }

    /** {@code random.getrandbits(k)} for 1 &lt;= k &lt;= 31: the top k bits of one 32-bit draw. */
    public int getrandbits(int k) {
        if (k < 1 || k > 31) {
            throw new IllegalArgumentException("getrandbits here takes 1 to 31 bits, got " + k);
        }
        return (int) (twister.nextUint32() >>> (32 - k));
    }

    /** {@code random._randbelow(n)}: draws of n's bit length until one is below n. */
    public int randbelow(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("randbelow needs n >= 1, got " + n);
        }
        int k = 32 - Integer.numberOfLeadingZeros(n);
        int r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return r;
    }

    /** {@code random.shuffle(x)}: Fisher-Yates from the end, swapping {@code x[i]} with {@code x[randbelow(i + 1)]}. */
    public void shuffle(List<?> x) {
        for (int i = x.size() - 1; i > 0; i--) {
            Collections.swap(x, i, randbelow(i + 1));
        }
    }

    /**
     * {@code random.gauss(mu, sigma)}: Box-Muller from two {@link #random()} draws; the pair's second value (the sine
     * one) is kept and returned by the next call.
     */
    public double gauss(double mu, double sigma) {
        double z;
        if (hasGaussNext) {
            z = gaussNext;
            hasGaussNext = false;
        } else {
            double x2pi = random() * TWO_PI;
            double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - random()));
            z = Math.cos(x2pi) * g2rad;
            gaussNext = Math.sin(x2pi) * g2rad;
            hasGaussNext = true;
        }
        return mu + z * sigma;
    }

    /**
     * {@code random.choices(range(len(weights)), weights=weights)[0]}: the running sums of the weights, then a
     * bisection (to the right) of {@code random() * total} among them, over all but the last index.
     *
     * @throws IllegalArgumentException if there are no weights, or their total is not a positive finite number
     */
    public int choices(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("choices needs at least one weight");
        }
        double[] cumulative = new double[weights.length];
        double running = weights[0];
        cumulative[0] = running;
        for (int i = 1; i < weights.length; i++) {
            running = running + weights[i];
            cumulative[i] = running;
        }
        double total = cumulative[weights.length - 1] + 0.0;
        if (!(total > 0.0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException("the weights must add up to a positive finite number, got " + total);
        }
        return bisectRight(cumulative, random() * total, weights.length - 1);
    }

    /** Python's {@code bisect.bisect_right(a, x, 0, hi)}. */
    private static int bisectRight(double[] a, double x, int hi) {
        int lo = 0;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x < a[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
