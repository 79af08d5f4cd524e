/**
 * Classification data for training the networks of {@code micrograd.nn}. A {@link micrograd.data.Dataset} is an
 * immutable table of feature rows and class indices with seeded shuffling, sampling and train/test splitting.
 * {@link micrograd.data.Datasets} generates the usual two-dimensional toy problems from a seed: two moons (as
 * scikit-learn's {@code make_moons}, the data of micrograd's demo), concentric circles, Gaussian blobs and CS231n's
 * spirals, each with as many classes as asked where that makes sense. {@link micrograd.data.CsvDataset} reads a
 * dataset from a CSV file with a header line and rejects a malformed row with a message naming the file, the line and
 * the column. The package depends on nothing but the JDK.
 */
package micrograd.data;
