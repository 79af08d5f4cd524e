package micrograd.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebooks are generated from the lessons and must not drift from them. */
class NotebooksTest {

    @Test
    void everyCommittedNotebookIsWhatTheGeneratorMakesFromItsLesson() throws IOException {
        List<Path> lessons = Notebooks.lessonFiles(Path.of("."));
        assertThat(lessons).hasSize(12);
        for (Path lesson : lessons) {
            Path notebook = Path.of(Notebooks.FOLDER, Notebooks.notebookName(lesson));
            assertThat(notebook).as("%s exists; run ./micrograd notebooks", notebook).exists();
            assertThat(Files.readString(notebook)).as("%s is stale; run ./micrograd notebooks", notebook)
                    .isEqualTo(Notebooks.notebook(Files.readString(lesson)));
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
        assertThat(cells.get(0).get("source").get(0).asText()).isEqualTo("%%jars\n");
        assertThat(cells.get(1).get("source").toString()).contains("System.setProperty(\\\"micrograd.lessons.out\\\"");
        assertThat(cells.get(2).get("cell_type").asText()).isEqualTo("markdown");
        assertThat(cells.get(3).get("cell_type").asText()).isEqualTo("code");
        assertThat(cells.get(3).get("outputs").isArray()).isTrue();
    }

    @Test
    void writeMakesANotebookForEveryLessonInTheFolder(@TempDir Path folder) throws IOException {
        String source = Files.readString(Path.of("04-manual-backpropagation.jsh"));
        Files.writeString(folder.resolve("04-manual-backpropagation.jsh"), source);
        Files.writeString(folder.resolve("scratch.jsh"), "// not a lesson: no number\n");
        List<Path> written = Notebooks.write(folder);
        assertThat(written).containsExactly(folder.resolve("notebooks/04-manual-backpropagation.ipynb"));
        assertThat(written.get(0)).hasContent(Notebooks.notebook(source));
    }
}
