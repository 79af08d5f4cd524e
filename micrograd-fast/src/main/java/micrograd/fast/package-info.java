/**
 * The speed layer: faster ways to compute what the object graph computes, with the same numbers. The plain
 * {@code Value} graph in {@code micrograd.engine} stays the reference and the teaching path; this package sits on top
 * of it and of {@code micrograd.nn}, and nothing below depends on it.
 *
 * <ul>
 *   <li>{@link micrograd.fast.Tape}: a graph of {@link micrograd.engine.Value}s recorded once into flat arrays
 *       (operation, operand slots, values, grads) and replayed forward and backward for new leaf data with no
 *       allocation, for training where the graph's shape does not change from step to step. It keeps only the layout
 *       and the loops: every forward value and local derivative comes from {@link micrograd.engine.Op}, the engine's
 *       one definition of each operation. The idea is the "tape" of reverse-mode AD systems (Griewank &amp; Walther,
 *       Evaluating Derivatives, 2nd ed., SIAM 2008).</li>
 *   <li>{@link micrograd.fast.DataParallelGradient}: a full batch's loss and gradient computed by several threads,
 *       each on a shard of the rows with its own copy of the model and its own tape; the shards' gradients are added
 *       in a fixed order, so a given number of workers always gives the same bits.</li>
 *   <li>{@link micrograd.fast.FastPaths}: both as {@link micrograd.train.GradientPath}s for
 *       {@code Trainer.builder().gradient(...)}.</li>
 *   <li>{@link micrograd.fast.DerivedGpt}: microgpt's loss and gradient, and its samples, derived from
 *       {@code micrograd.gpt.Gpt}'s own graph, with the object graph's numbers bit for bit: the graph recorded once on placeholder leaves and compiled
 *       by {@code Program} (input slots for the embedding rows a document's tokens select, a
 *       stop-gradient max for softmax's shift, dot products and matrix rows as tight loops), then replayed on flat
 *       arrays. {@link micrograd.fast.DerivedGpt#use} is the one way in, for the command line and the page: no
 *       threads or reflection on that path.</li>
 * </ul>
 * This package is its own module, micrograd-fast, the only one with threads (DataParallelGradient's workers); the
 * engine, nn and gpt in micrograd-core use none, so they can also be compiled for the browser, and micrograd-core's
 * build fails on an import of {@code java.util.concurrent} or of this package (its maven-enforcer-plugin rule).
 * docs/performance.md has the measurements and the reasons behind the layouts.
 */
package micrograd.fast;
