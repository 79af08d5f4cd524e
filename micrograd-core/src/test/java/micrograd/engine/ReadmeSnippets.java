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

/** Runs a marked block of the root README in a real JShell on the compiled classes, as a reader would paste it. */
public final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    /** The n-th fenced block (0 = the first) after the README line starting with {@code marker}. */
    public static String block(String marker, int n) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf(marker);
        assertThat(at).as("README has the block marked %s", marker).isNotNegative();
        int start = at;
        for (int i = 0; i <= n; i++) {
            start = readme.indexOf("```", start);
            start = readme.indexOf('\n', start) + 1;
            if (i < n) {
                start = readme.indexOf("```", start) + 3;
            }
        }
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** Evaluates {@code block} snippet by snippet and returns what it printed; fails on a rejected snippet. */
    public static String run(String block) {
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
        return printed.toString(StandardCharsets.UTF_8);
    }
}
