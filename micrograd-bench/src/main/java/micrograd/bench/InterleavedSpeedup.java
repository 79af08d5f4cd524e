package micrograd.bench;

import java.util.function.DoubleSupplier;
import micrograd.fast.DataParallelGradient;
import micrograd.nn.MLP;

/**
 * Target 5's speed-up, measured so that the machine's drift cancels out: the loss and gradient of one batch on 1 worker
 * and on 2 take turns in one JVM ({@link Alternation}), and the speed-up is the median over the rounds of the 1-worker
 * time per call divided by the 2-worker time per call in the same round.
 *
 * <p>Why not {@link ParallelBenchmark}'s JMH forks alone: they measure 1 and 2 workers one after the other, and on a
 * shared machine whose speed changes within seconds the 1-worker time varied from 0.14 to 0.26 ms between forks, more
 * than the effect being measured.
 */
final class InterleavedSpeedup {

    /** Median microseconds per call on 1 worker and on 2 over the measured rounds, and the median of their ratios. */
    record Result(double oneWorkerMicros, double twoWorkersMicros, double speedup) {
    }

    private InterleavedSpeedup() {
    }

    /**
     * {@link DemoProblem#parallelGradient} on {@code rows} rows, as {@link ParallelBenchmark}: {@code warmup} rounds
     * that are not counted, then {@code rounds} measured, each running 1 worker then 2 for {@code windowNanos} each.
     */
    static Result measure(int rows, int warmup, int rounds, long windowNanos) {
        MLP model = new MLP(2, 16, 16, 1);
        try (DataParallelGradient one = DemoProblem.parallelGradient(model, rows, 1);
                DataParallelGradient two = DemoProblem.parallelGradient(model, rows, 2)) {
            Alternation.Result r = Alternation.measure(step(model, one), step(model, two), warmup, rounds,
                    windowNanos);
            return new Result(r.firstNanos() / 1e3, r.secondNanos() / 1e3, r.ratio());
        }
    }

    /** One call as a training step makes it: zero the grads, then compute the loss and gradient. */
    private static DoubleSupplier step(MLP model, DataParallelGradient gradient) {
        return () -> {
            model.zeroGrad();
            return gradient.compute();
        };
    }
}
