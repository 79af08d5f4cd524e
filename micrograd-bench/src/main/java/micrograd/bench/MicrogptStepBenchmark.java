package micrograd.bench;

import java.util.concurrent.TimeUnit;
import micrograd.fast.DerivedGpt;
import micrograd.gpt.Documents;
import micrograd.gpt.Microgpt;
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
 * One training step of Karpathy's microgpt (seed 42, its 1000-step schedule, one name per step) on the object graph
 * on the path derived from its graph ({@link DerivedGpt}, the default) and on the hand-written one ({@link CompiledGpt},
 * the baseline the derived path is measured against), in steady state: the steps run on through the shuffled names,
 * the schedule starting over every 1000 steps.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class MicrogptStepBenchmark {

    /** microgpt's number of steps, the length of its learning-rate schedule. */
    static final int STEPS = 1000;

    private Microgpt graph;
    private Microgpt derived;
    private Microgpt handWritten;
    private int graphStep;
    private int derivedStep;
    private int handWrittenStep;

    @Setup
    public void setUp() {
        graph = Microgpt.start(Documents.names(), 42, 1, 16, 4, 16);
        derived = Microgpt.start(Documents.names(), 42, 1, 16, 4, 16);
        DerivedGpt.use(derived);
        handWritten = Microgpt.start(Documents.names(), 42, 1, 16, 4, 16);
        handWritten.setGradient(new CompiledGpt(handWritten.model()));
    }

    @Benchmark
    public double objectGraph() {
        return graph.trainStep(graphStep++ % STEPS, STEPS);
    }

    @Benchmark
    public double derived() {
        return derived.trainStep(derivedStep++ % STEPS, STEPS);
    }

    @Benchmark
    public double handWritten() {
        return handWritten.trainStep(handWrittenStep++ % STEPS, STEPS);
    }
}
