package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** The README's JShell block, pasted as written into a real JShell, prints the reference numbers. */
class ReadmeJShellTest {

    private static final String MARKER = "<!-- readme-jshell:";

    static String readmeBlock() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int marker = readme.indexOf(MARKER);
        assertThat(marker).as("README has the marked JShell block").isNotNegative();
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }

    @Test
    void readmeSnippetPrintsTheReferenceNumbers() throws IOException {
        String block = readmeBlock();
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> problems = new ArrayList<>();
        // "local" runs the snippets in this JVM, so what they print goes to System.out, captured here.
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(Path.of("target", "classes").toAbsolutePath().toString());
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            String remaining = block;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
                for (SnippetEvent event : shell.eval(info.source())) {
                    if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                        problems.add(info.source().strip() + " -> " + event.status() + " " + event.exception());
                    }
                }
                remaining = info.remaining();
            }
        } finally {
            System.setOut(original);
        }
        assertThat(problems).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("g = 24.7041, a.grad = 138.8338, b.grad = 645.5773");
    }
}
