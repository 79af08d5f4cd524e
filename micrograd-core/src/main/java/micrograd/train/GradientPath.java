package micrograd.train;

import micrograd.data.Dataset;
import micrograd.nn.MLP;

/**
 * A way to compute a batch's loss and gradient. {@link #GRAPH}, the default, is the lesson's way: build the graph of
 * the loss from {@code Value}s and call {@code backward()}. Faster paths that give the same numbers (a compiled tape,
 * several threads) live in {@code micrograd.fast} and plug in here, so that this package needs neither.
 */
public interface GradientPath {

    /** The object graph: every step builds the loss from {@code Value}s and runs {@code backward()} on it. */
    GradientPath GRAPH = new GraphGradient.Path();

    /**
     * Prepares the loss {@code loss(model(batch)) + l2 * sum(p^2)} of {@code model} on {@code batch} and its gradient.
     *
     * @throws IllegalArgumentException if the model does not fit the data or the loss, or this path cannot compute
     *                                  that loss
     */
    BatchGradient prepare(MLP model, Dataset batch, LossKind loss, double l2);

    /** Whether the path can compute a new batch every step (mini-batches); the graph can, a recorded tape not. */
    default boolean allowsMiniBatches() {
        return false;
    }

    /** The path's name as {@code Trainer}'s {@code toString()} prints it: "graph", "tape", "parallel(2 workers)". */
    @Override
    String toString();
}
