/**
 * A small neural-network library on the engine, after micrograd's nn.py. A {@link micrograd.nn.Neuron} computes
 * {@code activation(b + w·x)} as a graph of {@link micrograd.engine.Value}s, a {@link micrograd.nn.Layer} is a row of
 * neurons, and an {@link micrograd.nn.MLP} chains layers; all three are {@link micrograd.nn.Module}s whose
 * {@code parameters()} come in micrograd's order (layer by layer, neuron by neuron, weights then bias) and whose
 * {@code toString()} prints the architecture as micrograd does. Training is the loop of micrograd's demo: a loss from
 * {@link micrograd.nn.Loss} (mean squared error, the SVM hinge, a stable logistic loss, a stable softmax
 * cross-entropy, L2 regularisation), {@code zeroGrad()}, {@code backward()}, and an {@link micrograd.nn.Optimizer}
 * step ({@link micrograd.nn.SGD} with optional momentum, {@link micrograd.nn.Adam}) at a rate from a
 * {@link micrograd.nn.LearningRateSchedule}; {@link micrograd.nn.Trainer} packages that loop, defaulting to the demo's
 * settings, and {@link micrograd.nn.Metrics} measures accuracy. Every random choice takes a seed, so a run repeats bit
 * for bit. Like the engine, this package depends on nothing but the JDK.
 *
 * <p>For speed, {@link micrograd.nn.DataParallelGradient} computes a full batch's loss and gradient with several
 * threads: the rows are split into shards, each with its own copy of the model, a graph of its share of the loss
 * (recorded once on a {@link micrograd.tape.Tape} where the loss's graph keeps its shape) and its own gradient buffer;
 * the worker threads take the shards one by one, and the buffers are added into the model's grads in shard order, so
 * a given number of workers always gives the same bits, and the same gradient as one thread up to the order of the
 * sums. The Trainer uses it for full-batch training ({@code workers(n)}, and a tape by default).
 */
package micrograd.nn;
