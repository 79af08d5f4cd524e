package micrograd.data;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The generated datasets of {@link Datasets} by name, each with the noise it usually gets: what
 * {@code micrograd train --dataset} and the playground's training view offer.
 */
public enum DatasetKind {
    /** Two interleaving half circles (micrograd's demo). */
    MOONS(0.1) {
        @Override
        public Dataset draw(int points, double noise, int classes, RandomGenerator rng) {
            return Datasets.moons(points, noise, rng);
        }
    },
    /** A small circle inside a large one (radius ratio 0.5). */
    CIRCLES(0.05) {
        @Override
        public Dataset draw(int points, double noise, int classes, RandomGenerator rng) {
            return Datasets.circles(points, noise, 0.5, rng);
        }
    },
    /** Round clusters, one per class, their noise the standard deviation. */
    BLOBS(0.8) {
        @Override
        public Dataset draw(int points, double noise, int classes, RandomGenerator rng) {
            return Datasets.blobs(points, classes, noise, rng);
        }
    },
    /** Interleaved spiral arms, one per class (CS231n). */
    SPIRALS(0.2) {
        @Override
        public Dataset draw(int points, double noise, int classes, RandomGenerator rng) {
            return Datasets.spirals(points, classes, noise, rng);
        }
    };

    private final double usualNoise;

    DatasetKind(double usualNoise) {
        this.usualNoise = usualNoise;
    }

    /** The noise this dataset gets unless told otherwise. */
    public double usualNoise() {
        return usualNoise;
    }

    /** Whether the number of classes is the caller's to choose (blobs, spirals); moons and circles have 2. */
    public boolean takesClassCount() {
        return this == BLOBS || this == SPIRALS;
    }

    /** {@code points} points drawn from {@code rng}; {@code classes} matters for blobs and spirals only. */
    public abstract Dataset draw(int points, double noise, int classes, RandomGenerator rng);

    /** {@link #draw(int, double, int, RandomGenerator)} from a {@link SplitMix64} seeded with {@code seed}. */
    public Dataset draw(int points, double noise, int classes, long seed) {
        return draw(points, noise, classes, new SplitMix64(seed));
    }

    /** moons, circles, blobs, spirals: the name on the command line and in links. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The dataset with this name (as {@link #toString()} writes it).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static DatasetKind parse(String name) {
        for (DatasetKind kind : values()) {
            if (kind.toString().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown dataset \"" + name + "\"; use moons, circles, blobs or spirals");
    }
}
