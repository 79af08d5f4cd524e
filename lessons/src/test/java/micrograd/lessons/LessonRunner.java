package micrograd.lessons;

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

/** Runs a lesson file in a real JShell, as {@code jshell lesson.jsh} would, and returns what it printed. */
final class LessonRunner {

    private LessonRunner() {
    }

    /** A JShell command such as {@code /exit}: a slash, not a comment's. */
    private static boolean isCommand(String source) {
        return source.startsWith("/") && !source.startsWith("//") && !source.startsWith("/*");
    }

    /** What a lesson printed; any rejected snippet or exception fails with the snippet and the reason. */
    static String run(Path lesson) throws IOException {
        String remaining = Files.readString(lesson);
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> problems = new ArrayList<>();
        // "local" runs the snippets in this JVM, so what they print reaches System.out, captured here.
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
                String source = info.source() != null ? info.source() : remaining;
                remaining = info.source() != null ? info.remaining() : "";
                if (isCommand(source.strip())) {
                    continue;
                }
                for (SnippetEvent event : shell.eval(source)) {
                    if (event.status() == Snippet.Status.REJECTED) {
                        problems.add("rejected: " + source.strip() + "\n  "
                                + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                    } else if (event.exception() != null) {
                        problems.add("threw: " + source.strip() + "\n  " + event.exception());
                    }
                }
            }
        } finally {
            System.setOut(original);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(lesson.getFileName() + " failed:\n" + String.join("\n", problems)
                    + "\nprinted so far:\n" + printed.toString(StandardCharsets.UTF_8));
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
