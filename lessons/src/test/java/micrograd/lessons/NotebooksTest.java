package micrograd.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The notebooks are generated from the lessons and must not drift from them: their cells here, their outputs in
 * NotebookOutputsIT (where Jupyter is installed).
 */
class NotebooksTest {

    @Test
    void everyCommittedNotebookIsWhatTheGeneratorMakesFromItsLesson() throws IOException {
        List<Path> lessons = Notebooks.lessonFiles(Path.of("."));
        assertThat(lessons).hasSize(12);
        for (Path lesson : lessons) {
            Path notebook = Path.of(Notebooks.FOLDER, Notebooks.notebookName(lesson));
            assertThat(notebook).as("%s exists; run ./micrograd notebooks", notebook).exists();
            assertThat(Notebooks.cellSources(Files.readString(notebook)))
                    .as("%s is stale; run ./micrograd notebooks", notebook)
                    .isEqualTo(Notebooks.cellSources(Notebooks.notebook(Files.readString(lesson))));
        }
    }

    @Test
    void commentBlocksBecomeMarkdownAndCodeIsSplitOutsideBraces() {
        String lesson = """
                // # Title
                //
                // Some words.

                import java.util.List;
                int x = 1;

                for (int i = 0; i < 2; i++) {
                    x += i;

                    x *= 2;
                }
                // A note between code.
                System.out.println("{" + x);
                /exit
                """;
        List<Notebooks.Cell> cells = Notebooks.cells(lesson);
        assertThat(cells).containsExactly(
                new Notebooks.Cell(true, "# Title\n\nSome words."),
                new Notebooks.Cell(false, "import java.util.List;\nint x = 1;"),
                new Notebooks.Cell(false, "for (int i = 0; i < 2; i++) {\n    x += i;\n\n    x *= 2;\n}"),
                new Notebooks.Cell(true, "A note between code."),
                new Notebooks.Cell(false, "System.out.println(\"{\" + x);"));
    }

    @Test
    void theNotebookIsValidNbformat4ForTheRapaioKernel() throws IOException {
        JsonNode notebook = new ObjectMapper().readTree(Notebooks.notebook("// # T\nint x = 1;\n"));
        assertThat(notebook.get("nbformat").asInt()).isEqualTo(4);
        assertThat(notebook.at("/metadata/kernelspec/name").asText()).isEqualTo("rapaio-jupyter-kernel");
        JsonNode cells = notebook.get("cells");
        assertThat(cells.get(0).get("cell_type").asText()).as("the title first").isEqualTo("markdown");
        assertThat(cells.get(1).get("source").get(0).asText()).isEqualTo("%%jars\n");
        assertThat(cells.get(2).get("source").toString()).contains("System.setProperty(\\\"micrograd.lessons.out\\\"");
        assertThat(cells.get(3).get("cell_type").asText()).isEqualTo("code");
        assertThat(cells.get(3).get("outputs").isArray()).isTrue();
    }

    @Test
    void anExecutedNotebookKeepsNoTimestampsJdkVersionOrMachinePaths() throws IOException {
        String executed = """
                {"cells": [
                  {"cell_type": "code", "execution_count": 1, "metadata": {"execution": {"iopub.status.busy": "t"}},
                   "outputs": [{"output_type": "stream", "name": "stdout", "text": ["Add /home/x/micrograd-app.jar"]}],
                   "source": ["%%jars\\n", "../../micrograd-app/target/micrograd-app.jar"]},
                  {"cell_type": "code", "execution_count": 2, "metadata": {"execution": {"iopub.status.busy": "t"}},
                   "outputs": [{"output_type": "stream", "name": "stdout", "text": ["L = -8.0\\n"]}],
                   "source": ["System.out.println(L);"]}],
                 "metadata": {"language_info": {"name": "java", "version": "17.0.15"}},
                 "nbformat": 4, "nbformat_minor": 4}""";
        JsonNode kept = new ObjectMapper().readTree(NotebookExecution.withoutVolatileMetadata(executed));
        assertThat(kept.at("/cells/0/outputs")).isEmpty();
        assertThat(kept.at("/cells/0/metadata").has("execution")).isFalse();
        assertThat(kept.at("/cells/1/outputs/0/text/0").asText()).isEqualTo("L = -8.0\n");
        assertThat(kept.at("/cells/1/execution_count").asInt()).isEqualTo(2);
        assertThat(kept.at("/metadata/language_info").has("version")).isFalse();
        assertThat(NotebookExecution.shown(executed)).contains("code: System.out.println(L);", "stream text: L = -8.0\n");
    }

}
