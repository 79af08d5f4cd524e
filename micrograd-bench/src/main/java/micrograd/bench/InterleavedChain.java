package micrograd.bench;

/**
 * Target 4's curve with its stand-in beside it: at one chain length, the engine's chain ({@link Chain}) and the
 * hand-written linked list ({@link HandWrittenChain}) take turns in one JVM ({@link Alternation}), so that the
 * machine's drift, which on a shared machine is larger than the difference between two neighbouring lengths, cancels
 * out of their ratio.
 *
 * <p>Both workloads keep all their nodes alive until the backward pass, so beyond about 10^5 nodes the young
 * collections of the default collector (G1) copy them, and a linked list is the worst case for its parallel copying:
 * each node is found only through the one before it, so the two collector threads cannot share the work. That cost
 * belongs to the JVM, whatever the library; the ratio to the hand-written list is what the engine adds to it. The
 * engine's time spent in collection pauses is measured too.
 */
final class InterleavedChain {

    /**
     * Medians over the measured rounds at one length: nanoseconds per node for the engine, the same without its
     * collection pauses, for the hand-written list, and the per-round ratio of the engine's time to the list's.
     */
    record Point(int nodes, double engineNanos, double engineOutsideGcNanos, double handWrittenNanos, double ratio) {
    }

    private InterleavedChain() {
    }

    /**
     * {@code warmup} rounds that are not counted, then {@code rounds} measured; each round runs the engine's chain of
     * {@code nodes} operations, then the hand-written one, each for at least {@code windowNanos} (and at least once).
     */
    static Point measure(int nodes, int warmup, int rounds, long windowNanos) {
        Alternation.Result r = Alternation.measure(() -> Chain.buildAndBackward(nodes),
                () -> HandWrittenChain.buildAndBackward(nodes), warmup, rounds, windowNanos);
        return new Point(nodes, r.firstNanos() / nodes, r.firstOutsideGcNanos() / nodes, r.secondNanos() / nodes,
                r.ratio());
    }
}
