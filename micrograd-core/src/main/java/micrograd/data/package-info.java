/**
 * Classification data for training the networks of {@code micrograd.nn}. A {@link micrograd.data.Dataset} is an
 * immutable table of feature rows and class indices with seeded shuffling, sampling and train/test splitting.
 * {@link micrograd.data.Datasets} generates the usual two-dimensional toy problems from a seed: two moons (as
 * scikit-learn's {@code make_moons}, the data of micrograd's demo), concentric circles, Gaussian blobs and CS231n's
 * spirals, each with as many classes as asked where that makes sense (a dataset from a CSV file is read by
 * micrograd-io's {@code micrograd.csv.CsvDataset}); {@link micrograd.data.DatasetKind} names those four with the
 * noise each usually gets. {@link micrograd.data.SplitMix64} gives {@code java.util.SplittableRandom}'s numbers for a
 * seed, in code the browser build can compile: a seed that names no generator (in {@code Datasets}, {@code Dataset},
 * {@code MLP.builder().seed}, mini-batches) draws from it.
 * {@link micrograd.data.MersenneTwister} replays Python's {@code random} and NumPy's legacy generator, so that code
 * seeded like micrograd's notebook draws the notebook's very data and weights. {@link micrograd.data.Numbers} reads
 * numbers from text as people write them (no {@code 1d}, {@code 0x1p3} or {@code NaN}), for every reader of user
 * input. The package depends on nothing but the JDK.
 */
package micrograd.data;
