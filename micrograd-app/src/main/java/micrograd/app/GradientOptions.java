package micrograd.app;

import java.util.Locale;
import micrograd.fast.DataParallelGradient;
import micrograd.fast.FastPaths;
import micrograd.train.GradientPath;
import micrograd.train.LossKind;
import picocli.CommandLine.Option;

/** The options {@code demo} and {@code train} share to choose how each step's gradient is computed. */
final class GradientOptions {

    /** The gradient paths a user can name. */
    enum Choice {
        /** The fastest path that gives the graph's numbers: the tape where the loss allows, threads with --workers. */
        AUTO,
        /** The object graph and {@code Value.backward()}, as the lessons teach. */
        GRAPH,
        /** The full batch's graph recorded once and replayed. */
        TAPE,
        /** The full batch split over --workers threads. */
        PARALLEL;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Most threads a step may be split over, even with --force-workers; a step is far too short to share among more. */
    static final int MAX_WORKERS = 64;

    @Option(names = "--gradient", paramLabel = "PATH",
            description = "how each step's gradient is computed: ${COMPLETION-CANDIDATES} (graph: Value.backward() "
                    + "on the object graph; tape and parallel give the same numbers faster; auto: the fastest of "
                    + "them; default: graph for demo, auto for train)")
    Choice choice;

    @Option(names = "--workers", paramLabel = "N",
            description = "threads that share each full-batch step with --gradient parallel or auto (same result up "
                    + "to summation order; default: 1, or 2 with --gradient parallel)")
    Integer workers;

    @Option(names = "--force-workers",
            description = "allow --workers above the machine's cores (up to " + MAX_WORKERS + "); the extra threads "
                    + "only wait for a core")
    boolean forceWorkers;

    /**
     * The path for a run of {@code loss} with batches of {@code batchSize} rows (0 for the full batch), where the
     * command's own default is {@code byDefault}.
     *
     * @throws UsageException where the choices do not go together
     */
    GradientPath path(Choice byDefault, LossKind loss, int batchSize) {
        Choice chosen = choice != null ? choice : byDefault;
        int threads = workers != null ? workers : chosen == Choice.PARALLEL ? 2 : 1;
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > MAX_WORKERS) {
            throw new UsageException("--workers must be from 1 to " + Math.min(cores, MAX_WORKERS) + " (the cores of "
                    + "this machine; at most " + MAX_WORKERS + " with --force-workers), got " + threads);
        }
        if (threads > cores && !forceWorkers) {
            throw new UsageException("--workers " + threads + " is more than the " + cores + " cores of this machine, "
                    + "where the extra threads only wait for a core; use at most " + cores + ", or add "
                    + "--force-workers");
        }
        if (threads > 1 && (chosen == Choice.GRAPH || chosen == Choice.TAPE)) {
            throw new UsageException("--workers goes with --gradient parallel or auto, not with --gradient " + chosen);
        }
        if (batchSize > 0 && chosen != Choice.GRAPH && (chosen != Choice.AUTO || threads > 1)) {
            throw new UsageException("--gradient " + chosen + (threads > 1 ? " with --workers" : "")
                    + " computes the full batch; use it with --batch-size 0 (the default), or --gradient graph");
        }
        if (chosen == Choice.TAPE && !DataParallelGradient.canRecord(loss)) {
            throw new UsageException("--gradient tape replays a graph of fixed shape, but the " + loss + " loss picks "
                    + "its formula from the data; use --gradient graph or auto");
        }
        return switch (chosen) {
            case GRAPH -> GradientPath.GRAPH;
            case TAPE -> FastPaths.tape();
            case PARALLEL -> FastPaths.parallel(threads);
            case AUTO -> batchSize > 0 ? GradientPath.GRAPH : FastPaths.fastest(loss, threads);
        };
    }
}
