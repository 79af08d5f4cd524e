package micrograd.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;

/**
 * Two workloads measured so that the machine's drift cancels out of their ratio: they take turns in windows of a fixed
 * length inside one JVM, round after round, and each figure is the median over the measured rounds, the ratio being
 * the median of the rounds' own ratios. The bench compares this way the engine's chain with the hand-written list
 * ({@link InterleavedChain}) and 1 worker with 2 ({@link InterleavedSpeedup}).
 *
 * <p>Why not JMH forks: they measure one workload after the other, and on a shared machine whose speed changes within
 * seconds two forks can differ by more than the effect being measured. A call here takes tens of microseconds or
 * more, so a plain timed loop is precise enough.
 */
final class Alternation {

    /**
     * Medians over the measured rounds: nanoseconds per call of the first workload, the same without the collection
     * pauses during its windows (the collectors' own accounting, in milliseconds), nanoseconds per call of the second,
     * and the first's time over the second's.
     */
    record Result(double firstNanos, double firstOutsideGcNanos, double secondNanos, double ratio) {
    }

    private record Window(double nanosPerCall, double gcNanosPerCall) {
    }

    private Alternation() {
    }

    /**
     * {@code warmup} rounds that are not counted, then {@code rounds} measured; each round calls {@code first}, then
     * {@code second}, each for at least {@code windowNanos} (and at least once).
     *
     * @throws IllegalStateException when a call returns NaN (the results are summed, which also keeps the calls from
     *         being optimised away)
     */
    static Result measure(DoubleSupplier first, DoubleSupplier second, int warmup, int rounds, long windowNanos) {
        double[] firstNanos = new double[rounds];
        double[] firstOutsideGc = new double[rounds];
        double[] secondNanos = new double[rounds];
        double[] ratios = new double[rounds];
        for (int round = -warmup; round < rounds; round++) {
            Window one = run(first, windowNanos);
            Window other = run(second, windowNanos);
            if (round >= 0) {
                firstNanos[round] = one.nanosPerCall();
                firstOutsideGc[round] = Math.max(0, one.nanosPerCall() - one.gcNanosPerCall());
                secondNanos[round] = other.nanosPerCall();
                ratios[round] = one.nanosPerCall() / other.nanosPerCall();
            }
        }
        return new Result(Bench.median(firstNanos), Bench.median(firstOutsideGc), Bench.median(secondNanos),
                Bench.median(ratios));
    }

    private static Window run(DoubleSupplier call, long windowNanos) {
        long gcMillisBefore = collectionMillis();
        long start = System.nanoTime();
        long elapsed;
        long calls = 0;
        double sum = 0;
        do {
            sum += call.getAsDouble();
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < windowNanos);
        long gcMillis = collectionMillis() - gcMillisBefore;
        if (Double.isNaN(sum)) {
            throw new IllegalStateException("a measured call returned NaN");
        }
        return new Window((double) elapsed / calls, gcMillis * 1e6 / calls);
    }

    /** Milliseconds all collectors have spent in collections since the JVM started. */
    private static long collectionMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }
}
