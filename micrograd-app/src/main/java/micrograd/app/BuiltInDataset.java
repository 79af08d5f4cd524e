package micrograd.app;

import micrograd.data.Dataset;
import micrograd.data.Datasets;

/** The generated datasets {@code train --dataset} offers, each with its usual noise. */
enum BuiltInDataset {
    /** Two interleaving half circles (micrograd's demo). */
    MOONS(0.1) {
        Dataset make(int samples, double noise, int classes, long seed) {
            return Datasets.moons(samples, noise, seed);
        }
    },
    /** A small circle inside a large one (radius ratio 0.5). */
    CIRCLES(0.05) {
        Dataset make(int samples, double noise, int classes, long seed) {
            return Datasets.circles(samples, noise, 0.5, seed);
        }
    },
    /** Round clusters, one per class, their noise the standard deviation. */
    BLOBS(0.8) {
        Dataset make(int samples, double noise, int classes, long seed) {
            return Datasets.blobs(samples, classes, noise, seed);
        }
    },
    /** Interleaved spiral arms, one per class (CS231n). */
    SPIRALS(0.2) {
        Dataset make(int samples, double noise, int classes, long seed) {
            return Datasets.spirals(samples, classes, noise, seed);
        }
    };

    private final double defaultNoise;

    BuiltInDataset(double defaultNoise) {
        this.defaultNoise = defaultNoise;
    }

    /** The dataset's usual noise, used when {@code --noise} is not given. */
    double defaultNoise() {
        return defaultNoise;
    }

    /** {@code samples} points; {@code classes} matters for blobs and spirals only (moons and circles have 2). */
    abstract Dataset make(int samples, double noise, int classes, long seed);

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
