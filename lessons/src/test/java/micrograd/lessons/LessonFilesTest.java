package micrograd.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import micrograd.draw.Graphviz;
import micrograd.testsupport.GraphvizAvailability;
import micrograd.engine.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where lessons write, and their graph pictures with and without Graphviz. */
class LessonFilesTest {

    @TempDir
    Path folder;

    @AfterEach
    void forgetProperties() {
        System.clearProperty(LessonFiles.OUT_PROPERTY);
        System.clearProperty(Graphviz.DOT_PROPERTY);
    }

    private static Value lectureL() {
        Value a = Value.of(2.0, "a");
        Value L = a.mul(Value.of(-3.0, "b")).add(Value.of(10.0, "c")).mul(Value.of(-2.0, "f")).label("L");
        L.backward();
        return L;
    }

    /** What {@code action} printed on System.out. */
    private static String printed(IoAction action) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    @Test
    void theFolderIsUnderOutLessonsOrWhereThePropertySays() {
        assertThat(LessonFiles.folder("01-derivative-by-nudging"))
                .isEqualTo(Path.of("out", "lessons", "01-derivative-by-nudging")).isDirectory();
        System.setProperty(LessonFiles.OUT_PROPERTY, folder.toString());
        assertThat(LessonFiles.folder("04-x")).isEqualTo(folder.resolve("04-x")).isDirectory();
    }

    @Test
    void withoutGraphvizTheDotFileIsWrittenAndOneLineSaysHowToInstallIt() throws IOException {
        System.setProperty(Graphviz.DOT_PROPERTY, folder.resolve("no-such-dot").toString());
        Path picture = folder.resolve("L.png");
        String out = printed(() -> assertThat(LessonFiles.drawGraph(lectureL(), picture))
                .isEqualTo(folder.resolve("L.dot")));
        assertThat(out.lines()).containsExactly("wrote " + folder.resolve("L.dot") + " but not L.png: Graphviz's '"
                + folder.resolve("no-such-dot") + "' program was not found; install Graphviz (Debian/Ubuntu: "
                + "sudo apt-get install graphviz; macOS: brew install graphviz) or point MICROGRAD_DOT at dot");
        assertThat(folder.resolve("L.dot")).content().startsWith("digraph").contains("L | data -8.0000 | grad 1.0000");
        assertThat(picture).doesNotExist();
    }

    @Test
    void withGraphvizThePictureAndTheDotFileAreWritten() throws IOException {
        GraphvizAvailability.require();
        Path picture = folder.resolve("L.png");
        String out = printed(() -> assertThat(LessonFiles.drawGraph(lectureL(), picture)).isEqualTo(picture));
        assertThat(out).isEqualTo("wrote " + picture + " and " + folder.resolve("L.dot") + "\n");
        assertThat(Files.size(picture)).isGreaterThan(1000);
    }
}
