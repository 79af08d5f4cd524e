package micrograd.bench;

import java.util.concurrent.TimeUnit;
import micrograd.fast.Tape;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Targets 1 to 3: one training step of micrograd's demo ({@link DemoProblem}: its 100 points, MLP(2, [16, 16, 1]),
 * hinge + L2 and learning rates) on the object graph, on the compiled tape, and in the hand-written {@code double[]}
 * loop. Run with {@code -prof gc} for the allocated bytes per step (target 2 divides them by
 * {@link DemoProblem#nodesPerStep()}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class DemoStepBenchmark {

    private DemoProblem graph;
    private DemoProblem taped;
    private Tape tape;
    private DemoProblem plain;
    private HandWrittenMlp handWritten;

    @Setup
    public void setUp() {
        graph = new DemoProblem(DemoProblem.POINTS);
        taped = new DemoProblem(DemoProblem.POINTS);
        tape = taped.recordTape();
        plain = new DemoProblem(DemoProblem.POINTS);
        handWritten = new HandWrittenMlp(plain.model(), plain.data(), DemoProblem.ALPHA);
    }

    @Benchmark
    public double objectGraph() {
        return graph.objectGraphStep();
    }

    @Benchmark
    public double tape() {
        return taped.tapeStep(tape);
    }

    @Benchmark
    public double handWritten() {
        return plain.handWrittenStep(handWritten);
    }
}
