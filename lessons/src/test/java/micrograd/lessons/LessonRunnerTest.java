package micrograd.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson that throws or does not compile stops with its own message; the snippets after it do not run. */
class LessonRunnerTest {

    @TempDir
    Path folder;

    private Path lesson(String source) throws IOException {
        return Files.writeString(folder.resolve("99-broken.jsh"), source);
    }

    @Test
    void aLessonThatThrowsStopsWithItsOwnMessage() throws IOException {
        Path lesson = lesson("""
                System.out.println("before");
                if (true) throw new IllegalStateException("the lesson's own words");
                System.out.println("after");
                /exit
                """);
        assertThatThrownBy(() -> LessonsTest.run(lesson))
                .hasMessageStartingWith("99-broken.jsh stopped at \"if (true) throw new IllegalStateException(")
                .hasMessageContaining("java.lang.IllegalStateException: the lesson's own words")
                .hasMessageContaining("printed so far:\nbefore\n")
                .hasMessageNotContaining("after");
    }

    @Test
    void aLessonThatDoesNotCompileStopsSayingWhy() throws IOException {
        Path lesson = lesson("int x = \"text\";\n");
        assertThatThrownBy(() -> LessonRunner.run(lesson)).isInstanceOf(LessonFailedException.class)
                .hasMessage("99-broken.jsh stopped at \"int x = \"text\";\": does not compile: incompatible types: "
                        + "java.lang.String cannot be converted to int");
    }

    @Test
    void aLessonThatRunsThroughPrintsEverything() throws IOException {
        assertThat(LessonsTest.run(lesson("int x = 6;\nSystem.out.println(x * 7);\n/exit\n"))).isEqualTo("42\n");
    }
}
