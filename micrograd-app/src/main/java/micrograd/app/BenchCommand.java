package micrograd.app;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import micrograd.files.AtomicFiles;
import micrograd.files.FileErrors;
import micrograd.files.OutputFolderException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code micrograd bench}: the short benchmark run of every performance target ({@code micrograd.bench.Bench}). The
 * run is a JVM of its own on the app's class path plus the benchmarks' jars, which the build copies to
 * {@code target/bench} beside the app's jar: JMH and its dependencies are loaded only by this command, never onto the
 * other commands' class path.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs short benchmarks of every performance target (about 3 minutes) and prints each figure, "
                + "its target and the ratio.",
                "JMH for the demo step; the chain and a hand-written linked list in turn, then 1 and 2 workers in "
                        + "turn. For full-length JMH runs: java -jar micrograd-bench/target/micrograd-bench.jar"})
final class BenchCommand implements Callable<Integer> {

    /** The short run's entry point, named rather than linked: the app is compiled without the benchmarks. */
    private static final String BENCH_MAIN = "micrograd.bench.Bench";

    @Option(names = "--chart", paramLabel = "FILE.png", defaultValue = "out/bench-chain.png",
            description = "where to draw the chain's time per node (default: ${DEFAULT-VALUE})")
    Path chart;

    @Override
    public Integer call() throws Exception {
        // refused before the two minutes of measuring, not after
        if (!chart.getFileName().toString().endsWith(".png")) {
            throw new UsageException("cannot draw " + chart + ": the chart's file name must end in .png");
        }
        try {
            AtomicFiles.checkWritableFile(chart);
        } catch (OutputFolderException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (FileSystemException e) {
            throw new UsageException("cannot draw " + chart + ": " + FileErrors.reason(e), e);
        }
        Path benchJars = benchJars();
        if (!Files.isDirectory(benchJars)) {
            throw new IllegalStateException("the benchmarks are not built (" + benchJars + " is missing); build the "
                    + "project with mvn package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String appClassPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-cp",
                benchJars.resolve("*") + File.pathSeparator + appClassPath, BENCH_MAIN, chart.toString()));
        // the microgpt run it times: the app's gpt as a user starts it, in a JVM without the benchmarks
        command.addAll(List.of(java, "-Djava.awt.headless=true", "-cp", appClassPath, Main.class.getName(), "gpt"));
        Process bench = new ProcessBuilder(command).inheritIO().start();
        try {
            return bench.waitFor();
        } finally {
            bench.destroy(); // only when this thread was interrupted: the run has ended otherwise
        }
    }

    /** {@code target/bench}, beside the app's jar (or its classes, in the build's own tests). */
    private static Path benchJars() throws URISyntaxException {
        Path app = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return app.getParent().resolve("bench");
    }
}
