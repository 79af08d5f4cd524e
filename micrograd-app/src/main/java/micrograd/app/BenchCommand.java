package micrograd.app;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import micrograd.bench.Bench;
import micrograd.files.AtomicFiles;
import micrograd.files.FileErrors;
import micrograd.files.OutputFolderException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code micrograd bench}: the short benchmark run of every performance target ({@link Bench}). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs short benchmarks of every performance target (about 3 minutes) and prints each figure, "
                + "its target and the ratio.",
                "JMH for the demo step; the chain and a hand-written linked list in turn, then 1 and 2 workers in "
                        + "turn. For full-length JMH runs: java -jar micrograd-bench/target/micrograd-bench.jar"})
final class BenchCommand implements Callable<Integer> {

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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Bench.run(chart, List.of(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "gpt"));
        return Main.OK;
    }
}
