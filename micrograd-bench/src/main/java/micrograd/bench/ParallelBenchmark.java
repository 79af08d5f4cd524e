package micrograd.bench;

import java.util.concurrent.TimeUnit;
import micrograd.fast.DataParallelGradient;
import micrograd.nn.MLP;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target 5: the loss and gradient of the demo's model on a full batch of moons points, by 1 worker (the tape alone,
 * on the calling thread) or by 2 (each its own tape and gradient buffer, summed after). Throughput is rows per
 * second, so the speed-up is the 1-worker time over the 2-worker time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ParallelBenchmark {

    @Param({"100", "1000"})
    public int rows;

    @Param({"1", "2"})
    public int workers;

    private MLP model;
    private DataParallelGradient gradient;

    @Setup
    public void setUp() {
        model = new MLP(2, 16, 16, 1);
        gradient = DemoProblem.parallelGradient(model, rows, workers);
    }

    @TearDown
    public void tearDown() {
        gradient.close();
    }

    @Benchmark
    public double lossAndGradient() {
        model.zeroGrad();
        return gradient.compute();
    }
}
