package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import micrograd.draw.Graphviz;
import micrograd.testsupport.GraphvizAvailability;
import micrograd.testsupport.RequiredTool;
import micrograd.lessons.Notebooks;
import org.junit.jupiter.api.Test;

/**
 * Executes a generated notebook headless in Jupyter with the Rapaio Java kernel, as a reader would run it, and
 * checks the numbers in its outputs. Needs {@code jupyter nbconvert} and the kernel, which {@code .ci/run} installs;
 * on CI (environment variable CI set) their absence fails the test, elsewhere it skips it with one line
 * ({@link RequiredTool}). It runs after the package phase: the notebook's first cell loads the app's jars
 * (micrograd-app/target), which the lessons module's own tests would run before.
 */
class NotebookExecutionIT {

    private static final String KERNEL = "rapaio-jupyter-kernel";
    private static final int ATTEMPTS = 3;
    private static final Path NOTEBOOKS = Path.of("..", "lessons", Notebooks.FOLDER);

    /** What an executed notebook shows: the text it printed and how many PNG pictures. */
    private record Shown(String printed, int pictures) {
    }

    private static void requireJupyter() throws IOException, InterruptedException {
        RequiredTool.require(run(Map.of(), "jupyter", "kernelspec", "list").contains(KERNEL),
                "Jupyter (nbconvert) with the Java kernel " + KERNEL,
                "sudo apt-get install jupyter-nbconvert, then the kernel as the README's Notebooks section says");
    }

    /** Executes the lesson-4 notebook into {@code folder} with {@code environment} added; fails on a failed cell. */
    private static Shown execute(String folder, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path executed = Files.createDirectories(Path.of("target", folder).toAbsolutePath());
        Path result = executed.resolve("04-manual-backpropagation.ipynb");
        Files.deleteIfExists(result);
        // The kernel (3.0.1) sometimes loses a start-up race on a loaded machine (a NullPointerException in its
        // shell thread, then "Kernel didn't respond"); a new kernel start does not, so a few attempts are allowed.
        StringBuilder logs = new StringBuilder();
        for (int attempt = 1; attempt <= ATTEMPTS && !Files.exists(result); attempt++) {
            logs.append("--- attempt ").append(attempt).append('\n').append(run(environment, "jupyter", "nbconvert",
                    "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=300", "--output-dir",
                    executed.toString(), NOTEBOOKS.resolve("04-manual-backpropagation.ipynb").toString()));
        }
        assertThat(result).as("nbconvert wrote the executed notebook; its logs:\n%s", logs).exists();
        StringBuilder printed = new StringBuilder();
        int pictures = 0;
        for (JsonNode cell : new ObjectMapper().readTree(result.toFile()).get("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                pictures += output.path("data").has("image/png") ? 1 : 0;
                assertThat(output.path("output_type").asText()).as("a cell failed: %s", output).isNotEqualTo("error");
                output.path("text").forEach(line -> printed.append(line.asText()));
                printed.append(output.path("text").isTextual() ? output.path("text").asText() : "");
            }
        }
        assertThat(NOTEBOOKS.resolve("out")).as("the notebook wrote outside the source tree").doesNotExist();
        assertThat(printed.toString()).contains("e = -6.0, d = 4.0, L = -8.0", "grad b = -4.0",
                "after one step of gradient ascent: L = -7.286496", "numerical dL/db = -3.9999999999995595");
        return new Shown(printed.toString(), pictures);
    }

    @Test
    void manualBackpropagationNotebookRunsInJupyterWithItsPictureInline() throws IOException, InterruptedException {
        requireJupyter();
        GraphvizAvailability.require();
        Shown shown = execute("executed-notebooks", Map.of());
        assertThat(shown.pictures()).as("L.png shown inline").isEqualTo(1);
        assertThat(shown.printed()).contains("wrote " + Path.of(System.getProperty("java.io.tmpdir"),
                "micrograd-lessons", "04-manual-backpropagation", "L.png"));
    }

    @Test
    void withoutGraphvizTheNotebookRunsToTheEndAndSaysHowToInstallIt() throws IOException, InterruptedException {
        requireJupyter();
        Shown shown = execute("executed-notebooks-without-dot", Map.of(Graphviz.DOT_ENVIRONMENT, "no-such-dot"));
        assertThat(shown.pictures()).isZero();
        assertThat(shown.printed()).contains("but not L.png: Graphviz's 'no-such-dot' program was not found; "
                + "install Graphviz");
    }

    /** Runs a command with {@code environment} added, returning its output (stdout and stderr); "" if it cannot start. */
    private static String run(Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException notInstalled) {
            return "";
        }
        byte[] output = process.getInputStream().readAllBytes();
        process.waitFor(600, TimeUnit.SECONDS);
        return new String(output);
    }
}
