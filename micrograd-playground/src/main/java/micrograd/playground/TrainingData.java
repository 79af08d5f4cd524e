package micrograd.playground;

import java.util.random.RandomGenerator;
import micrograd.data.Dataset;
import micrograd.data.Datasets;

/**
 * The datasets of the training view, each with the usual noise {@code micrograd train} gives it. The page draws them
 * from NumPy's stream ({@link micrograd.data.MersenneTwister#numpyLegacy}), as {@code #demo} draws its moons: its
 * Gaussian is code of ours, so the page computes the JVM's points, where a seed's {@code SplittableRandom} Gaussian
 * is the JDK's own and TeaVM's differs.
 */
enum TrainingData {
    MOONS(0.1) {
        @Override
        Dataset draw(int points, double noise, int classes, RandomGenerator rng) {
            return Datasets.moons(points, noise, rng);
        }
    },
    CIRCLES(0.05) {
        @Override
        Dataset draw(int points, double noise, int classes, RandomGenerator rng) {
            return Datasets.circles(points, noise, 0.5, rng);
        }
    },
    BLOBS(0.8) {
        @Override
        Dataset draw(int points, double noise, int classes, RandomGenerator rng) {
            return Datasets.blobs(points, classes, noise, rng);
        }
    },
    SPIRALS(0.2) {
        @Override
        Dataset draw(int points, double noise, int classes, RandomGenerator rng) {
            return Datasets.spirals(points, classes, noise, rng);
        }
    };

    private final double usualNoise;

    TrainingData(double usualNoise) {
        this.usualNoise = usualNoise;
    }

    /** {@code points} points of {@code classes} classes (moons and circles always have 2). */
    abstract Dataset draw(int points, double noise, int classes, RandomGenerator rng);

    double usualNoise() {
        return usualNoise;
    }

    /** Whether the number of classes is the user's to choose. */
    boolean hasClassCount() {
        return this == BLOBS || this == SPIRALS;
    }

    /** The name in links and in the form: moons, circles, blobs, spirals. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static TrainingData parse(String name) {
        for (TrainingData data : values()) {
            if (data.key().equals(name)) {
                return data;
            }
        }
        throw new IllegalArgumentException("unknown dataset \"" + name + "\"; use moons, circles, blobs or spirals");
    }
}
