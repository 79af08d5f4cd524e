package micrograd.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The short benchmark run behind {@code ./micrograd bench}: the demo step's JMH benchmark with fewer and shorter
 * iterations (one fork); the chain, with the hand-written linked list in turn (see {@link InterleavedChain}), and
 * parallel training, with 1 and 2 workers in turn (see {@link InterleavedSpeedup}), both alternating in this JVM so
 * that their ratios do not depend on the machine's drift; then one line per figure with the measured median, the
 * target and the ratio, and the chain's time-per-node curves written as a PNG. For the full-length runs use the
 * benchmarks jar with JMH directly: {@code java -jar micrograd-bench/target/micrograd-bench.jar}.
 *
 * <p>The command line ({@code ./micrograd bench [--chart FILE.png]}) is the app's {@code BenchCommand}, which checks
 * its input and starts {@link #main} in a JVM of its own, so that JMH stays off the other commands' class path.
 */
public final class Bench {

    /** Python micrograd's demo step on a 2-core machine like ours (see the README's Performance section). */
    static final double PYTHON_STEP_SECONDS = 1.7;
    /**
     * CPython 3.11's time per step of Karpathy's microgpt.py on a 2-core machine like ours (README, Performance), for
     * a machine without python3; where it has one, the bench times the script itself.
     */
    static final double PYTHON_MICROGPT_STEP_SECONDS = 0.42;
    /** microgpt.py's steps timed: 10 intervals between step lines, about 5 seconds. */
    static final int PYTHON_MICROGPT_STEPS = 11;
    static final long PYTHON_MICROGPT_TIMEOUT_SECONDS = 300;
    static final int[] CHAIN_LENGTHS = {1_000, 10_000, 100_000, 1_000_000, 10_000_000};
    /** The chain: at each length, rounds of the engine then the hand-written list, each for a window of 0.5 s. */
    static final int CHAIN_WARMUP_ROUNDS = 2;
    static final int CHAIN_ROUNDS = 5;
    static final long CHAIN_WINDOW_NANOS = 500_000_000L;
    /** Parallel training: rounds of 1 worker then 2, each for a window of 0.2 s; 10 rounds of warm-up (4 s). */
    static final int PARALLEL_WARMUP_ROUNDS = 10;
    static final int PARALLEL_ROUNDS = 21;
    static final long PARALLEL_WINDOW_NANOS = 200_000_000L;

    private Bench() {
    }

    /**
     * {@code Bench CHART.png MICROGPT-RUN...}: {@link #run} with the chart's file and microgpt's command line, as the
     * app's {@code bench} starts it. A failure is one line on stderr and exit status 1, as the app's own.
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: micrograd.bench.Bench CHART.png MICROGPT-COMMAND...");
            System.exit(2);
        }
        try {
            run(Path.of(args[0]), List.of(args).subList(1, args.length));
        } catch (RunnerException | IOException | RuntimeException e) {
            System.err.println("micrograd bench: internal error: " + e);
            System.exit(1);
        }
    }

    /**
     * Runs every measurement (about 3 minutes), printing progress and then one line per figure on stdout, and writes
     * the chain's time-per-node curves to {@code chart} (a PNG). {@code microgptRun} is the command line of microgpt's
     * default run as a user starts it (the app's {@code gpt} in a new JVM), timed from start to exit.
     */
    public static void run(Path chart, List<String> microgptRun) throws RunnerException, IOException {
        System.out.printf(Locale.ROOT, "micrograd-java bench, %s, %d cores, Java %s (%s), default JVM settings%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"), System.getProperty("java.vm.name"));
        System.out.println("each figure is the median of the measured JMH iterations (1 fork), of " + CHAIN_ROUNDS
                + " rounds of the engine then a hand-written list for the chain, or of " + PARALLEL_ROUNDS
                + " rounds of 1 then 2 workers for parallel training; ratios within this run");
        System.out.println();
        List<String> lines = new ArrayList<>();
        demoStep(lines);
        chain(lines, chart);
        parallel(lines);
        microgpt(lines, microgptRun);
        lines.forEach(System.out::println);
    }

    private static ChainedOptionsBuilder shortRun(String benchmarkRegex, int measuredIterations, int seconds) {
        return new OptionsBuilder().include(benchmarkRegex).forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(measuredIterations).measurementTime(TimeValue.seconds(seconds))
                .verbosity(VerboseMode.SILENT);
    }

    private static void demoStep(List<String> lines) throws RunnerException {
        System.out.println("running the demo step: object graph, tape, hand-written loop (about 45 seconds)");
        Collection<RunResult> results = new Runner(
                shortRun(DemoStepBenchmark.class.getName() + "\\.", 9, 1).addProfiler(GCProfiler.class).build()).run();
        double graph = median(find(results, "objectGraph"), Bench::primaryScore);
        double tape = median(find(results, "tape"), Bench::primaryScore);
        double hand = median(find(results, "handWritten"), Bench::primaryScore);
        double bytes = median(find(results, "objectGraph"), Bench::allocatedBytesPerOp);
        int nodes = new DemoProblem(DemoProblem.POINTS).nodesPerStep();
        double graphMs = graph / 1e3;
        lines.add(String.format(Locale.ROOT,
                "1 demo step, object graph : %8.3f ms   target <= 2 ms     ratio %.2f of target; %.0fx Python micrograd"
                        + " (%.1f s); %.1fx the hand-written loop (%.3f ms)",
                graphMs, graphMs / 2, PYTHON_STEP_SECONDS * 1e3 / graphMs, PYTHON_STEP_SECONDS, graph / hand,
                hand / 1e3));
        lines.add(String.format(Locale.ROOT,
                "2 heap per graph node     : %8.1f B    target <= 64 B     ratio %.2f of target (%.0f B allocated per"
                        + " step / %d nodes)",
                bytes / nodes, bytes / nodes / 64, bytes, nodes));
        lines.add(String.format(Locale.ROOT,
                "3 demo step, tape         : %8.3f ms   target <= 3x hand  ratio %.2fx the hand-written loop (%.3f ms)",
                tape / 1e3, tape / hand, hand / 1e3));
    }

    private static void microgpt(List<String> lines, List<String> wholeRun) throws RunnerException, IOException {
        System.out.println("running microgpt's training step: CPython's microgpt.py for " + PYTHON_MICROGPT_STEPS
                + " steps (about 5 seconds), the default run in a new JVM (about 1 second), then a step on the object"
                + " graph, on the derived path and on the hand-written one (about 60 seconds)");
        String python;
        double pythonSeconds = PYTHON_MICROGPT_STEP_SECONDS;
        try {
            Optional<PythonMicrogpt.Timing> timing = PythonMicrogpt.time("python3", PYTHON_MICROGPT_STEPS,
                    PYTHON_MICROGPT_TIMEOUT_SECONDS);
            python = timing.map(t -> "CPython microgpt.py, " + t.version() + ", measured now over "
                    + (PYTHON_MICROGPT_STEPS - 1) + " steps").orElse("CPython microgpt.py not measured: python3 is"
                    + " not installed (sudo apt-get install python3); the README's figure");
            pythonSeconds = timing.map(PythonMicrogpt.Timing::secondsPerStep).orElse(PYTHON_MICROGPT_STEP_SECONDS);
        } catch (IOException e) {
            python = "CPython microgpt.py not measured: " + e.getMessage() + "; the README's figure";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while timing microgpt.py", e);
        }
        double wholeRunSeconds = secondsToRun(wholeRun);
        Collection<RunResult> results = new Runner(shortRun(MicrogptStepBenchmark.class.getName() + "\\.", 9, 1)
                .build()).run();
        double graphMs = median(find(results, "objectGraph"), Bench::primaryScore) / 1e3;
        double derivedMs = median(find(results, "derived"), Bench::primaryScore) / 1e3;
        double handMs = median(find(results, "handWritten"), Bench::primaryScore) / 1e3;
        lines.add(String.format(Locale.ROOT,
                "6 microgpt step, CPython  : %8.1f ms   (%s)", pythonSeconds * 1e3, python));
        lines.add(String.format(Locale.ROOT,
                "6 microgpt step, graph    : %8.3f ms   (no target)        %.0fx CPython",
                graphMs, pythonSeconds * 1e3 / graphMs));
        lines.add(String.format(Locale.ROOT,
                "6 microgpt step, derived  : %8.3f ms   target <= 0.1 ms   ratio %.2f of target; %.0fx CPython, %.1fx"
                        + " the object graph",
                derivedMs, derivedMs / 0.1, pythonSeconds * 1e3 / derivedMs, graphMs / derivedMs));
        lines.add(String.format(Locale.ROOT,
                "6 microgpt step, derived  : %8.3f ms   target <= 1.5x hand ratio %.2fx the hand-written CompiledGpt"
                        + " (%.3f ms)",
                derivedMs, derivedMs / handMs, handMs));
        lines.add(String.format(Locale.ROOT,
                "6 microgpt, whole run     : %8.2f s    target < 3 s       ratio %.2f of target (the default 1000"
                        + " steps and 20 samples in a new JVM, its start included)",
                wholeRunSeconds, wholeRunSeconds / 3));
        lines.add("6 microgpt, published ports, per step on their own machines (not measured here): C++ 0.22-0.33 ms,"
                + " C 0.6 ms (Python-compatible mode) and 0.09 ms (claimed), Rust 1.48 ms, Kotlin 11.7 ms");
    }

    /** The wall time of {@code command} from its start to its exit, its output discarded. */
    private static double secondsToRun(List<String> command) throws IOException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int status = process.waitFor();
            if (status != 0) {
                throw new IOException(String.join(" ", command) + " exited with status " + status);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while timing " + String.join(" ", command), e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void chain(List<String> lines, Path chart) throws IOException {
        System.out.println("running the chain: 10^3 to 10^7 nodes, the engine and a hand-written linked list in turn"
                + " (about 1 minute)");
        int count = CHAIN_LENGTHS.length;
        double[] nodes = new double[count];
        double[] engine = new double[count];
        double[] outsideGc = new double[count];
        double[] handWritten = new double[count];
        double[] ratios = new double[count];
        double millionSeconds = Double.NaN;
        for (int i = 0; i < count; i++) {
            InterleavedChain.Point point = InterleavedChain.measure(CHAIN_LENGTHS[i], CHAIN_WARMUP_ROUNDS, CHAIN_ROUNDS,
                    CHAIN_WINDOW_NANOS);
            nodes[i] = point.nodes();
            engine[i] = point.engineNanos();
            outsideGc[i] = point.engineOutsideGcNanos();
            handWritten[i] = point.handWrittenNanos();
            ratios[i] = point.ratio();
            if (point.nodes() == 1_000_000) {
                millionSeconds = point.engineNanos() * point.nodes() / 1e9;
            }
        }
        ChainChart.write(chart, nodes, engine, outsideGc, handWritten);
        lines.add(String.format(Locale.ROOT,
                "4 chain of 10^6 ops       : %8.3f s    target <= 0.5 s    ratio %.2f of target",
                millionSeconds, millionSeconds / 0.5));
        lines.add(String.format(Locale.ROOT,
                "4 time per node, spread   : %8.1fx   target flat        ns per node at 10^3..10^7: %s; the engine over"
                        + " a hand-written linked list: %s (spread %.1fx); the list alone: %s ns; the engine outside GC"
                        + " pauses: %s ns; curves in %s",
                spread(engine), joined(engine, "%.0f"), joined(ratios, "%.2f"), spread(ratios),
                joined(handWritten, "%.0f"), joined(outsideGc, "%.0f"), chart));
    }

    /** The spread of {@code values}: the largest over the smallest (1 for a flat curve). */
    private static double spread(double[] values) {
        return Arrays.stream(values).max().orElseThrow() / Arrays.stream(values).min().orElseThrow();
    }

    private static String joined(double[] values, String format) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, format, value));
        }
        return text.toString();
    }

    private static void parallel(List<String> lines) {
        System.out.println("running parallel training: 1 and 2 workers alternating, on 100 then 1000 rows"
                + " (about 25 seconds)");
        StringBuilder speedups = new StringBuilder();
        double at100 = Double.NaN;
        for (int rows : new int[] {100, 1000}) {
            InterleavedSpeedup.Result r = InterleavedSpeedup.measure(rows, PARALLEL_WARMUP_ROUNDS, PARALLEL_ROUNDS,
                    PARALLEL_WINDOW_NANOS);
            if (rows == 100) {
                at100 = r.speedup();
            }
            speedups.append(String.format(Locale.ROOT, "; %d rows: %.3f ms on 1 worker, %.3f ms on 2 (%.2fx)",
                    rows, r.oneWorkerMicros() / 1e3, r.twoWorkersMicros() / 1e3, r.speedup()));
        }
        lines.add(String.format(Locale.ROOT,
                "5 parallel, 2 workers     : %8.2fx    target >= 1.5x     ratio %.2f of target (batch of 100)%s",
                at100, at100 / 1.5, speedups));
    }

    private static Collection<IterationResult> find(Collection<RunResult> results, String method) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + method)) {
                return r.getBenchmarkResults().iterator().next().getIterationResults();
            }
        }
        throw new IllegalStateException("no result for " + method);
    }

    @SuppressWarnings("rawtypes") // JMH's results are raw Result types
    private static double primaryScore(IterationResult iteration) {
        return iteration.getPrimaryResult().getScore();
    }

    /** The GC profiler's allocation per operation in one iteration. */
    @SuppressWarnings("rawtypes") // JMH's results are raw Result types
    private static double allocatedBytesPerOp(IterationResult iteration) {
        return iteration.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(e -> e.getValue().getScore()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the GC profiler reported no allocation rate"));
    }

    private static double median(Collection<IterationResult> iterations, ToDoubleFunction<IterationResult> score) {
        return median(iterations.stream().mapToDouble(score).toArray());
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
