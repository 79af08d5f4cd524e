package micrograd.fast;

import micrograd.data.Dataset;
import micrograd.nn.MLP;
import micrograd.train.BatchGradient;
import micrograd.train.GradientPath;
import micrograd.train.LossKind;

/**
 * The fast {@link GradientPath}s for {@code Trainer.builder().gradient(...)}: a compiled tape, and several threads.
 * Both compute the full batch and give the object graph's numbers (the tape bit for bit, the threads up to the order
 * of the sums).
 */
public final class FastPaths {

    private FastPaths() {
    }

    /**
     * The full batch's graph recorded once on a {@link Tape} and replayed every step, on the caller's thread alone (no
     * thread is started, so the page runs it too); only for losses whose graph keeps its shape
     * ({@link DataParallelGradient#canRecord}: hinge and mse).
     */
    public static GradientPath tape() {
        return new TapePath();
    }

    /** {@code workers} threads share each full-batch step, each replaying a tape of its shard where the loss allows. */
    public static GradientPath parallel(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("need at least 1 worker thread, got " + workers);
        }
        return new ParallelPath(workers);
    }

    /**
     * The fastest path for full-batch training with {@code loss} on {@code workers} threads: parallel for more than
     * one, else the tape where the loss allows it, else the graph.
     */
    public static GradientPath fastest(LossKind loss, int workers) {
        if (workers > 1) {
            return parallel(workers);
        }
        return DataParallelGradient.canRecord(loss) ? tape() : GradientPath.GRAPH;
    }

    private record TapePath() implements GradientPath {
        @Override
        public BatchGradient prepare(MLP model, Dataset batch, LossKind loss, double l2) {
            return new TapeGradient(model, batch, loss, l2);
        }

        @Override
        public String toString() {
            return "tape";
        }
    }

    private record ParallelPath(int workers) implements GradientPath {
        @Override
        public BatchGradient prepare(MLP model, Dataset batch, LossKind loss, double l2) {
            return new DataParallelGradient(model, batch, loss, l2, workers, true);
        }

        @Override
        public String toString() {
            return "parallel(" + workers + (workers == 1 ? " worker)" : " workers)");
        }
    }
}
