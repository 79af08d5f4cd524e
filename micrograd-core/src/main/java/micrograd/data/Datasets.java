package micrograd.data;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Seeded generators of small two-dimensional classification problems, the toy data of micrograd's demo and of
 * CS231n. Each builds the points class by class, shuffles them (Fisher-Yates, from {@code seed}) and then adds the
 * Gaussian noise (from the same generator), so the same arguments always give bit-identical datasets. A seed means a
 * {@link SplitMix64} with that seed (the numbers of {@code new SplittableRandom(seed)}; its Gaussian is the JDK's, so
 * in the browser a seed gives other noise, and the page draws from a {@link MersenneTwister} instead). Each generator
 * also takes any {@link RandomGenerator}, drawing {@code nextInt(i + 1)} for the shuffle (i from n - 1 down to 1) and
 * then {@code nextGaussian()} for the noise, point by point, x before y: the order in which scikit-learn's
 * {@code make_moons} draws from NumPy.
 */
public final class Datasets {

    private static final List<String> XY = List.of("x", "y");

    private Datasets() {
    }

    /**
     * Two interleaving half circles, as scikit-learn's {@code make_moons}: {@code n / 2} points (class 0) on the upper
     * moon {@code (cos t, sin t)} and the rest (class 1) on the lower moon {@code (1 - cos t, 0.5 - sin t)}, t evenly
     * spaced over [0, pi] endpoints included; then Gaussian noise of standard deviation {@code noise} on each
     * coordinate. micrograd's demo uses {@code moons(100, 0.1, seed)}. Given NumPy's legacy generator as {@code rng},
     * this computes scikit-learn's points bit for bit (a test replays micrograd's notebook that way).
     */
    public static Dataset moons(int n, double noise, long seed) {
        return moons(n, noise, new SplitMix64(seed));
    }

    /** {@link #moons(int, double, long)} drawing from {@code rng}. */
    public static Dataset moons(int n, double noise, RandomGenerator rng) {
        checkCount(n, 2);
        checkNoise(noise);
        int outer = n / 2;
        int inner = n - outer;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < outer; i++) {
            double t = linspace(0, Math.PI, outer, i);
            x[i] = new double[] {Math.cos(t), Math.sin(t)};
        }
        for (int i = 0; i < inner; i++) {
            double t = linspace(0, Math.PI, inner, i);
            x[outer + i] = new double[] {1 - Math.cos(t), 1 - Math.sin(t) - 0.5};
            y[outer + i] = 1;
        }
        return shuffleAndNoise(x, y, 2, noise, rng);
    }

    /**
     * A small circle inside a large one, as scikit-learn's {@code make_circles}: {@code n / 2} points (class 0) on
     * the unit circle, the rest (class 1) on a circle of radius {@code factor}, angles evenly spaced over [0, 2 pi)
     * endpoint excluded; then Gaussian noise of standard deviation {@code noise}.
     */
    public static Dataset circles(int n, double noise, double factor, long seed) {
        return circles(n, noise, factor, new SplitMix64(seed));
    }

    /** {@link #circles(int, double, double, long)} drawing from {@code rng}. */
    public static Dataset circles(int n, double noise, double factor, RandomGenerator rng) {
        checkCount(n, 2);
        checkNoise(noise);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("the inner circle's factor must be between 0 and 1 (exclusive), got " + factor);
        }
        int outer = n / 2;
        int inner = n - outer;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < outer; i++) {
            double t = i * (2 * Math.PI / outer);
            x[i] = new double[] {Math.cos(t), Math.sin(t)};
        }
        for (int i = 0; i < inner; i++) {
            double t = i * (2 * Math.PI / inner);
            x[outer + i] = new double[] {factor * Math.cos(t), factor * Math.sin(t)};
            y[outer + i] = 1;
        }
        return shuffleAndNoise(x, y, 2, noise, rng);
    }

    /**
     * {@code classes} round Gaussian clusters of standard deviation {@code std}. Unlike scikit-learn's
     * {@code make_blobs}, whose centres are random, the centres sit evenly on a circle of radius 3 (centre k at angle
     * {@code 2 pi k / classes}), so that the difficulty depends on {@code std} alone. The points are dealt to the
     * classes in turn ({@code n / classes} each, the first ones getting one more when it does not divide).
     */
    public static Dataset blobs(int n, int classes, double std, long seed) {
        return blobs(n, classes, std, new SplitMix64(seed));
    }

    /** {@link #blobs(int, int, double, long)} drawing from {@code rng}. */
    public static Dataset blobs(int n, int classes, double std, RandomGenerator rng) {
        checkClasses(classes);
        checkCount(n, classes);
        checkNoise(std);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % classes;
            double angle = 2 * Math.PI * k / classes;
            x[i] = new double[] {3 * Math.cos(angle), 3 * Math.sin(angle)};
            y[i] = k;
        }
        return shuffleAndNoise(x, y, classes, std, rng);
    }

    /**
     * {@code classes} interleaved spiral arms, as in CS231n's "Putting it together" example: arm k holds
     * {@code n / classes} points (the first arms one more when it does not divide) at radius r evenly spaced over
     * [0, 1] and angle {@code 4k + 4r} radians, with Gaussian noise of standard deviation {@code noise} added to the
     * angle (CS231n uses 0.2): {@code (r sin t, r cos t)}.
     */
    public static Dataset spirals(int n, int classes, double noise, long seed) {
        return spirals(n, classes, noise, new SplitMix64(seed));
    }

    /** {@link #spirals(int, int, double, long)} drawing from {@code rng} (the angle noise first, then the shuffle). */
    public static Dataset spirals(int n, int classes, double noise, RandomGenerator rng) {
        checkClasses(classes);
        checkCount(n, classes);
        checkNoise(noise);
        double[][] x = new double[n][];
        int[] y = new int[n];
        int row = 0;
        for (int k = 0; k < classes; k++) {
            int count = n / classes + (k < n % classes ? 1 : 0);
            for (int i = 0; i < count; i++) {
                double r = linspace(0, 1, count, i);
                double t = linspace(4.0 * k, 4.0 * (k + 1), count, i) + noise * rng.nextGaussian();
                x[row] = new double[] {r * Math.sin(t), r * Math.cos(t)};
                y[row] = k;
                row++;
            }
        }
        return new Dataset(x, y, classes, XY).subset(Dataset.permutation(n, rng));
    }

    /** Shuffles the rows with {@code rng}, then adds noise from the same generator. */
    private static Dataset shuffleAndNoise(double[][] x, int[] y, int classes, double noise, RandomGenerator rng) {
        Dataset shuffled = new Dataset(x, y, classes, XY).subset(Dataset.permutation(x.length, rng));
        double[][] points = shuffled.features();
        for (double[] point : points) {
            for (int d = 0; d < point.length; d++) {
                point[d] += noise * rng.nextGaussian();
            }
        }
        return new Dataset(points, shuffled.labels(), classes, XY);
    }

    /**
     * The i-th of {@code count} evenly spaced points from {@code start} to {@code end}, both included, rounded as
     * NumPy's {@code linspace} rounds them: {@code i * step + start}, the last point exactly {@code end}.
     */
    private static double linspace(double start, double end, int count, int i) {
        if (count == 1) {
            return start;
        }
        return i == count - 1 ? end : i * ((end - start) / (count - 1)) + start;
    }

    private static void checkCount(int n, int minimum) {
        if (n < minimum) {
            throw new IllegalArgumentException("need at least " + minimum + " points (one per class), got " + n);
        }
    }

    private static void checkClasses(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
    }

    private static void checkNoise(double noise) {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("the noise must be a finite number >= 0, got " + noise);
        }
    }
}
