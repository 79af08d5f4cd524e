package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import micrograd.draw.Graphviz;
import micrograd.lessons.NotebookExecution;
import micrograd.lessons.Notebooks;
import micrograd.testsupport.GraphvizAvailability;
import micrograd.testsupport.RequiredTool;
import org.junit.jupiter.api.Test;

/**
 * Executes a generated notebook headless in Jupyter with the Rapaio Java kernel, as a reader would run it, and
 * checks the numbers in its outputs ({@link NotebookExecution}, as {@code ./micrograd notebooks} executes them). Needs
 * {@code jupyter nbconvert} and the kernel, which {@code .ci/run} installs;
 * on CI (environment variable CI set) their absence fails the test, elsewhere it skips it with one line
 * ({@link RequiredTool}). It runs after the package phase: the notebook's first cell loads the app's jars
 * (micrograd-app/target), which the lessons module's own tests would run before.
 */
class NotebookExecutionIT {

    private static final Path NOTEBOOKS = Path.of("..", "lessons", Notebooks.FOLDER);

    /** What an executed notebook shows: the text it printed and how many PNG pictures. */
    private record Shown(String printed, int pictures) {
    }

    private static void requireJupyter() {
        RequiredTool.require(NotebookExecution.available(), "Jupyter (nbconvert) with the Java kernel "
                + NotebookExecution.KERNEL, NotebookExecution.INSTALL);
    }

    /** Executes the lesson-4 notebook into {@code folder} with {@code environment} added; fails on a failed cell. */
    private static Shown execute(String folder, Map<String, String> environment) throws IOException {
        Path executed = Files.createDirectories(Path.of("target", folder).toAbsolutePath());
        Path result = NotebookExecution.execute(NOTEBOOKS.resolve("04-manual-backpropagation.ipynb"),
                executed.resolve("04-manual-backpropagation.ipynb"), environment);
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
    void manualBackpropagationNotebookRunsInJupyterWithItsPictureInline() throws IOException {
        requireJupyter();
        GraphvizAvailability.require();
        Shown shown = execute("executed-notebooks", Map.of());
        assertThat(shown.pictures()).as("L.png shown inline").isEqualTo(1);
        assertThat(shown.printed()).contains("wrote " + Path.of(System.getProperty("java.io.tmpdir"),
                "micrograd-lessons", "04-manual-backpropagation", "L.png"));
    }

    @Test
    void withoutGraphvizTheNotebookRunsToTheEndAndSaysHowToInstallIt() throws IOException {
        requireJupyter();
        Shown shown = execute("executed-notebooks-without-dot", Map.of(Graphviz.DOT_ENVIRONMENT, "no-such-dot"));
        assertThat(shown.pictures()).isZero();
        assertThat(shown.printed()).contains("but not L.png: Graphviz's 'no-such-dot' program was not found; "
                + "install Graphviz");
    }
}
