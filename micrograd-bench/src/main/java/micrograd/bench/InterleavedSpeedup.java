package micrograd.bench;

import micrograd.nn.DataParallelGradient;
import micrograd.nn.MLP;

/**
 * Target 5's speed-up, measured so that the machine's drift cancels out: the loss and gradient of one batch on 1 worker
 * and on 2 alternate in short windows inside one JVM, and the speed-up is the median over the rounds of the 1-worker
 * time per call divided by the 2-worker time per call in the same round.
 *
 * <p>Why not {@link ParallelBenchmark}'s JMH forks alone: they measure 1 and 2 workers one after the other, and on a
 * shared machine whose speed changes within seconds the 1-worker time varied from 0.14 to 0.26 ms between forks, more
 * than the effect being measured. A call does at least 0.1 ms of work, so a plain timed loop is precise enough here.
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
            double[] oneMicros = new double[rounds];
            double[] twoMicros = new double[rounds];
            double[] ratios = new double[rounds];
            for (int round = -warmup; round < rounds; round++) {
                double timeOne = microsPerCall(model, one, windowNanos);
                double timeTwo = microsPerCall(model, two, windowNanos);
                if (round >= 0) {
                    oneMicros[round] = timeOne;
                    twoMicros[round] = timeTwo;
                    ratios[round] = timeOne / timeTwo;
                }
            }
            return new Result(Bench.median(oneMicros), Bench.median(twoMicros), Bench.median(ratios));
        }
    }

    /** Calls {@code gradient} (after zeroing the grads, as a training step does) for one window; time per call. */
    private static double microsPerCall(MLP model, DataParallelGradient gradient, long windowNanos) {
        long start = System.nanoTime();
        long elapsed;
        int calls = 0;
        do {
            model.zeroGrad();
            gradient.compute();
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < windowNanos);
        return elapsed / 1e3 / calls;
    }
}
