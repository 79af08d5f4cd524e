package micrograd.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target 4: build a chain of n operations and backpropagate through it, with the default JVM settings (no heap
 * flags), on the engine and as a hand-written linked list (the stand-in for what the JVM itself costs). Time per node
 * is the score divided by n. {@code ./micrograd bench} alternates the two in one JVM instead ({@code
 * InterleavedChain}), for a ratio that does not depend on the machine's drift between forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChainBenchmark {

    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    public int nodes;

    @Benchmark
    public double objectGraph() {
        return Chain.buildAndBackward(nodes);
    }

    @Benchmark
    public double handWritten() {
        return HandWrittenChain.buildAndBackward(nodes);
    }
}
