/**
 * A small neural-network library on the engine, after micrograd's nn.py. A {@link micrograd.nn.Neuron} computes
 * {@code activation(b + w·x)} as a graph of {@link micrograd.engine.Value}s, a {@link micrograd.nn.Layer} is a row of
 * neurons, and an {@link micrograd.nn.MLP} chains layers; all three are {@link micrograd.nn.Module}s whose
 * {@code parameters()} come in micrograd's order (layer by layer, neuron by neuron, weights then bias) and whose
 * {@code toString()} prints the architecture as micrograd does. Training is the loop of micrograd's demo: a loss from
 * {@link micrograd.nn.Loss} (mean squared error, the SVM hinge, a stable logistic loss, a stable softmax
 * cross-entropy, L2 regularisation), {@code zeroGrad()}, {@code backward()}, and an {@link micrograd.nn.Optimizer}
 * step ({@link micrograd.nn.SGD} with optional momentum, {@link micrograd.nn.Adam}) at a rate from a
 * {@link micrograd.nn.LearningRateSchedule}; {@link micrograd.nn.Trainer} packages that loop ({@code start} gives it
 * one step at a time as a {@link micrograd.nn.Training}), with losses and optimizers also chosen by name
 * ({@link micrograd.nn.LossKind}, {@link micrograd.nn.OptimizerKind}), defaulting to the demo's settings and stopping with a {@link micrograd.nn.TrainingDivergedException} at the first loss that is not finite,
 * and {@link micrograd.nn.Metrics} measures accuracy. Every random choice takes a seed, so a run repeats bit for bit.
 * A network or a step too large for the heap is refused before it is built.
 *
 * <p>How a step's loss and gradient are computed is a {@link micrograd.nn.GradientPath}: by default the object graph
 * and {@code backward()}, as the lessons teach; the faster paths (a compiled tape, several threads) live in
 * {@code micrograd.fast} (module micrograd-fast), above this package. Like the engine, this package depends on nothing but the JDK and uses no
 * threads.
 */
package micrograd.nn;
