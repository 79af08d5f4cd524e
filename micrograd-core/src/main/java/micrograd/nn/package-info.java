/**
 * A small neural-network library on the engine, the mirror of micrograd's nn.py. A {@link micrograd.nn.Neuron}
 * computes {@code activation(b + w·x)} as a graph of {@link micrograd.engine.Value}s, a {@link micrograd.nn.Layer} is a
 * row of neurons, and an {@link micrograd.nn.MLP} chains layers; all three are {@link micrograd.nn.Module}s whose
 * {@code parameters()} come in micrograd's order (layer by layer, neuron by neuron, weights then bias) and whose
 * {@code toString()} prints the architecture as micrograd does. {@link micrograd.nn.Activation} and
 * {@link micrograd.nn.Init} choose a neuron's non-linearity and its first weights. Every random choice takes a seed, so
 * a network repeats bit for bit. A network is built as large as asked: bounding a user's request to the memory at hand
 * is the front end's work ({@code micrograd-app}'s {@code HeapBudget}). Training them is {@code micrograd.train}, above
 * this package. Like the engine, this package depends on nothing but the JDK and uses no threads.
 */
package micrograd.nn;
