package micrograd.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.IntToDoubleFunction;

/**
 * Target 4's curve with its stand-in beside it: at one chain length, the engine's chain ({@link Chain}) and the
 * hand-written linked list ({@link HandWrittenChain}) alternate in windows inside one JVM, and each round gives both
 * times per node and their ratio. The figures are medians over the measured rounds, so that the machine's drift,
 * which on a shared machine is larger than the difference between two neighbouring lengths, cancels out of the ratio.
 *
 * <p>Both workloads keep all their nodes alive until the backward pass, so beyond about 10^5 nodes the young
 * collections of the default collector (G1) copy them, and a linked list is the worst case for its parallel copying:
 * each node is found only through the one before it, so the two collector threads cannot share the work. That cost
 * belongs to the JVM, whatever the library; the ratio to the hand-written list is what the engine adds to it. The
 * engine's time spent in collection pauses is measured too (the collectors' own accounting, in milliseconds).
 */
final class InterleavedChain {

    /**
     * Medians over the measured rounds at one length: nanoseconds per node for the engine, the same without its
     * collection pauses, for the hand-written list, and the per-round ratio of the engine's time to the list's.
     */
    record Point(int nodes, double engineNanos, double engineOutsideGcNanos, double handWrittenNanos, double ratio) {
    }

    private record Window(double nanosPerNode, double gcNanosPerNode) {
    }

    private InterleavedChain() {
    }

    /**
     * {@code warmup} rounds that are not counted, then {@code rounds} measured; each round runs the engine's chain of
     * {@code nodes} operations, then the hand-written one, each for at least {@code windowNanos} (and at least once).
     */
    static Point measure(int nodes, int warmup, int rounds, long windowNanos) {
        double[] engine = new double[rounds];
        double[] engineOutsideGc = new double[rounds];
        double[] handWritten = new double[rounds];
        double[] ratios = new double[rounds];
        for (int round = -warmup; round < rounds; round++) {
            Window ours = run(Chain::buildAndBackward, nodes, windowNanos);
            Window hand = run(HandWrittenChain::buildAndBackward, nodes, windowNanos);
            if (round >= 0) {
                engine[round] = ours.nanosPerNode();
                engineOutsideGc[round] = Math.max(0, ours.nanosPerNode() - ours.gcNanosPerNode());
                handWritten[round] = hand.nanosPerNode();
                ratios[round] = ours.nanosPerNode() / hand.nanosPerNode();
            }
        }
        return new Point(nodes, Bench.median(engine), Bench.median(engineOutsideGc), Bench.median(handWritten),
                Bench.median(ratios));
    }

    private static Window run(IntToDoubleFunction chain, int nodes, long windowNanos) {
        long gcMillisBefore = collectionMillis();
        long start = System.nanoTime();
        long elapsed;
        long calls = 0;
        double sink = 0;
        do {
            sink += chain.applyAsDouble(nodes);
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < windowNanos);
        long gcMillis = collectionMillis() - gcMillisBefore;
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("the chain's gradient is NaN"); // also keeps the calls from being elided
        }
        double perNode = (double) calls * nodes;
        return new Window(elapsed / perNode, gcMillis * 1e6 / perNode);
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
