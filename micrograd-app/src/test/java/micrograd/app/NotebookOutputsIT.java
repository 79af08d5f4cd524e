package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import micrograd.testsupport.GraphvizAvailability;
import micrograd.testsupport.RequiredTool;
import micrograd.lessons.NotebookExecution;
import micrograd.lessons.Notebooks;
import org.junit.jupiter.api.Test;

/**
 * The committed notebooks show what their lessons print and draw today: each is generated and executed again, as
 * {@code ./micrograd notebooks} does, and what it shows (its cells, the text of every output and the kind of every
 * picture) must be what the committed one shows; execution counts, timestamps and the pictures' bytes, which vary
 * from machine to machine, are left out. Needs Jupyter with the Rapaio kernel and Graphviz (required on CI, skipped
 * with one line elsewhere); runs after the package phase, since a notebook loads the app's jars.
 */
class NotebookOutputsIT {

    private static final Path LESSONS = Path.of("..", "lessons");

    @Test
    void everyCommittedNotebookShowsWhatItsLessonShowsWhenExecutedAgain() throws IOException {
        RequiredTool.require(NotebookExecution.available(), "Jupyter (nbconvert) with the Java kernel "
                + NotebookExecution.KERNEL, NotebookExecution.INSTALL);
        GraphvizAvailability.require();
        Path fresh = Files.createDirectories(Path.of("target", "notebooks-executed-again").toAbsolutePath());
        for (Path lesson : Notebooks.lessonFiles(LESSONS)) {
            String name = Notebooks.notebookName(lesson);
            Path executed = Notebooks.executed(LESSONS, lesson, fresh.resolve(name));
            assertThat(NotebookExecution.shown(Files.readString(executed)))
                    .as("%s is stale; run ./micrograd notebooks", name)
                    .isEqualTo(NotebookExecution.shown(Files.readString(LESSONS.resolve(Notebooks.FOLDER).resolve(name))));
        }
    }
}
