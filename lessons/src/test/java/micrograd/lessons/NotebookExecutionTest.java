package micrograd.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import micrograd.draw.GraphvizAvailability;
import micrograd.draw.RequiredTool;
import org.junit.jupiter.api.Test;

/**
 * Executes a generated notebook headless in Jupyter with the Rapaio Java kernel, as a reader would run it, and
 * checks the numbers in its outputs. Needs {@code jupyter nbconvert} and the kernel, which {@code .ci/run} installs;
 * on CI (environment variable CI set) their absence fails the test, elsewhere it skips it with one line
 * ({@link RequiredTool}).
 */
class NotebookExecutionTest {

    private static final String KERNEL = "rapaio-jupyter-kernel";
    private static final int ATTEMPTS = 3;

    @Test
    void manualBackpropagationNotebookRunsInJupyter() throws IOException, InterruptedException {
        RequiredTool.require(run("jupyter", "kernelspec", "list").contains(KERNEL),
                "Jupyter (nbconvert) with the Java kernel " + KERNEL,
                "sudo apt-get install jupyter-nbconvert, then the kernel as the README's Notebooks section says");

        Path executed = Path.of("target", "executed-notebooks").toAbsolutePath();
        Files.createDirectories(executed);
        Path result = executed.resolve("04-manual-backpropagation.ipynb");
        Files.deleteIfExists(result);
        // The kernel (3.0.1) sometimes loses a start-up race on a loaded machine (a NullPointerException in its
        // shell thread, then "Kernel didn't respond"); a new kernel start does not, so a few attempts are allowed.
        StringBuilder logs = new StringBuilder();
        for (int attempt = 1; attempt <= ATTEMPTS && !Files.exists(result); attempt++) {
            logs.append("--- attempt ").append(attempt).append('\n').append(run("jupyter", "nbconvert", "--to",
                    "notebook", "--execute", "--ExecutePreprocessor.timeout=300", "--output-dir", executed.toString(),
                    Path.of(Notebooks.FOLDER, "04-manual-backpropagation.ipynb").toString()));
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
        assertThat(Path.of(Notebooks.FOLDER, "out")).as("the notebook wrote outside the source tree").doesNotExist();
        if (GraphvizAvailability.available()) {
            assertThat(pictures).as("L.png shown inline").isEqualTo(1);
        }
        assertThat(printed.toString()).contains("e = -6.0, d = 4.0, L = -8.0", "grad b = -4.0",
                "after one step of gradient ascent: L = -7.286496", "numerical dL/db = -3.9999999999995595");
    }

    /** Runs a command, returning its output (stdout and stderr); "" when it cannot be started. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return "";
        }
        byte[] output = process.getInputStream().readAllBytes();
        process.waitFor(600, TimeUnit.SECONDS);
        return new String(output);
    }
}
