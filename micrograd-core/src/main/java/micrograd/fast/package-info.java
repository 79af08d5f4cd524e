/**
 * The compiled tape: a graph of {@link micrograd.engine.Value}s recorded once into flat arrays (operation, operand
 * slots, values, grads) and replayed forward and backward for new leaf data with no allocation, for training where
 * the graph's shape does not change from step to step. {@link micrograd.tape.Tape#record(micrograd.engine.Value)}
 * compiles; {@link micrograd.tape.Tape#forward()} reads the leaves' data and recomputes every node with the engine's
 * own formulas; {@link micrograd.tape.Tape#backward()} runs reverse-mode differentiation over the arrays and adds
 * the gradients into the leaves, so an optimizer written against {@code Value}s works unchanged. The object graph
 * stays the reference: the tape computes the same numbers (its tests compare the two on random expressions), it only
 * stores them in a way that suits the processor's caches, the idea behind the "tape" of reverse-mode AD systems
 * (Griewank &amp; Walther, Evaluating Derivatives, 2nd ed., SIAM 2008). No dependencies.
 */
package micrograd.tape;
