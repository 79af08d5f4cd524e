package micrograd.data;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A labelled table for classification: one row of features per sample and its class, 0 to {@code classes - 1}.
 *
 * <p>Immutable: the constructor copies the arrays and the accessors return copies, so a dataset can be shared freely.
 * Every random operation ({@link #shuffled}, {@link #split}) takes a seed; the same seed gives the same rows.
 *
 * @param features     one row per sample, every row of the same length (at least 1), every feature finite
 * @param labels       the class of each sample, in 0..classes-1
 * @param classes      the number of classes (at least 2)
 * @param featureNames one name per feature column
 */
public record Dataset(double[][] features, int[] labels, int classes, List<String> featureNames) {

    public Dataset {
        if (features.length == 0) {
            throw new IllegalArgumentException("a dataset needs at least one row");
        }
        if (labels.length != features.length) {
            throw new IllegalArgumentException(features.length + " rows of features but " + labels.length + " labels");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classification dataset needs at least 2 classes, got " + classes);
        }
        featureNames = List.copyOf(featureNames);
        int dimension = featureNames.size();
        if (dimension < 1) {
            throw new IllegalArgumentException("a dataset needs at least one feature");
        }
        features = features.clone();
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != dimension) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length + " features but there are "
                        + dimension + " feature names " + featureNames);
            }
            features[i] = features[i].clone();
            for (int j = 0; j < dimension; j++) {
                if (!Double.isFinite(features[i][j])) {
                    throw new IllegalArgumentException("row " + i + ", feature \"" + featureNames.get(j) + "\" (column "
                            + (j + 1) + ") is " + features[i][j] + "; every feature must be a finite number");
                }
            }
        }
        labels = labels.clone();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + "; with " + classes
                        + " classes labels run from 0 to " + (classes - 1));
            }
        }
    }

    /** A dataset with features named x1, x2, ... */
    public Dataset(double[][] features, int[] labels, int classes) {
        this(features, labels, classes, defaultNames(features.length == 0 ? 0 : features[0].length));
    }

    /** A copy of the feature rows. */
    @Override
    public double[][] features() {
        double[][] copy = features.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copy[i].clone();
        }
        return copy;
    }

    /** A copy of the labels. */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of row {@code i}'s features. */
    public double[] row(int i) {
        return features[i].clone();
    }

    /** The class of row {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** The number of rows. */
    public int size() {
        return features.length;
    }

    /** The number of features per row. */
    public int dimension() {
        return featureNames.size();
    }

    /**
     * The labels as -1 (class 0) and +1 (class 1), for the hinge loss and the sign accuracy of a one-output model.
     *
     * @throws IllegalStateException if there are more than 2 classes
     */
    public double[] signedLabels() {
        if (classes != 2) {
            throw new IllegalStateException("-1/+1 labels need 2 classes, this dataset has " + classes);
        }
        double[] signed = new double[labels.length];
        for (int i = 0; i < signed.length; i++) {
            signed[i] = labels[i] == 1 ? 1.0 : -1.0;
        }
        return signed;
    }

    /** The rows in a random order drawn from {@code seed} (a Fisher-Yates shuffle). */
    public Dataset shuffled(long seed) {
        return subset(permutation(size(), new SplitMix64(seed)));
    }

    /**
     * Shuffles with {@code seed}, then puts the first {@code round(testFraction * size())} rows in the test set and
     * the rest in the training set.
     *
     * @throws IllegalArgumentException unless both parts get at least one row
     */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be between 0 and 1 (exclusive), got " + testFraction);
        }
        int testSize = (int) Math.round(testFraction * size());
        if (testSize == 0 || testSize == size()) {
            throw new IllegalArgumentException("a test fraction of " + testFraction + " of " + size()
                    + " rows leaves one part empty; use more rows or another fraction");
        }
        int[] order = permutation(size(), new SplitMix64(seed));
        return new Split(subset(Arrays.copyOfRange(order, testSize, order.length)),
                subset(Arrays.copyOfRange(order, 0, testSize)));
    }

    /** {@code count} distinct rows drawn at random with {@code seed} (the first {@code count} of a shuffle). */
    public Dataset sample(int count, long seed) {
        if (count < 1 || count > size()) {
            throw new IllegalArgumentException("can draw 1 to " + size() + " rows, not " + count);
        }
        return subset(Arrays.copyOf(permutation(size(), new SplitMix64(seed)), count));
    }

    /** The given rows, in the given order (repeats allowed). */
    public Dataset subset(int[] rows) {
        double[][] f = new double[rows.length][];
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            f[i] = features[rows[i]];
            l[i] = labels[rows[i]];
        }
        return new Dataset(f, l, classes, featureNames);
    }

    /** Equal when the rows, labels, class count and feature names are equal (the arrays compared by content). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Dataset d && classes == d.classes && featureNames.equals(d.featureNames)
                && Arrays.equals(labels, d.labels) && Arrays.deepEquals(features, d.features);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(features) + Arrays.hashCode(labels)) + 31 * classes + featureNames.hashCode();
    }

    /** "Dataset(100 rows, features [x1, x2], 2 classes)". */
    @Override
    public String toString() {
        return "Dataset(" + size() + " rows, features " + featureNames + ", " + classes + " classes)";
    }

    /** A training set and a test set. */
    public record Split(Dataset train, Dataset test) {
    }

    /** 0..n-1 in a random order: a Fisher-Yates shuffle drawing from {@code rng}. */
    static int[] permutation(int n, RandomGenerator rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static List<String> defaultNames(int dimension) {
        String[] names = new String[dimension];
        for (int i = 0; i < dimension; i++) {
            names[i] = "x" + (i + 1);
        }
        return List.of(names);
    }
}
