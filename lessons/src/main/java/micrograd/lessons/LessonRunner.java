package micrograd.lessons;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs a lesson file in a real JShell, as {@code jshell lesson.jsh} would, in this JVM: what the lesson prints goes
 * to this JVM's {@code System.out} as it prints it. Unlike the jshell tool, it stops at the first snippet that does
 * not compile or throws, and says so, so that {@code ./micrograd lesson N} and the tests see a failed lesson fail.
 */
public final class LessonRunner {

    private LessonRunner() {
    }

    /** A JShell command such as {@code /exit}: a slash, not a comment's. */
    private static boolean isCommand(String source) {
        return source.startsWith("/") && !source.startsWith("//") && !source.startsWith("/*");
    }

    /**
     * Runs every snippet of {@code lesson} on this JVM's class path.
     *
     * @throws LessonFailedException at the first snippet that is rejected or throws, with the lesson's own message
     */
    public static void run(Path lesson) throws IOException, LessonFailedException {
        String remaining = Files.readString(lesson);
        // The snippets run in this JVM ("local"); the lessons draw plots, which need no display.
        System.setProperty("java.awt.headless", "true");
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
                String source = info.source() != null ? info.source() : remaining;
                remaining = info.source() != null ? info.remaining() : "";
                if (isCommand(source.strip())) {
                    continue;
                }
                for (SnippetEvent event : shell.eval(source)) {
                    if (event.status() == Snippet.Status.REJECTED) {
                        throw failure(lesson, source, "does not compile: " + String.join("; ",
                                shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList()));
                    }
                    if (event.exception() != null) {
                        throw failure(lesson, source, describe(event.exception()));
                    }
                }
            }
        }
    }

    /** The exception as the lesson threw it: its class and message (JShell wraps it in an EvalException). */
    private static String describe(Exception thrown) {
        String type = thrown instanceof EvalException eval ? eval.getExceptionClassName() : thrown.getClass().getName();
        return type + (thrown.getMessage() != null ? ": " + thrown.getMessage() : "");
    }

    private static LessonFailedException failure(Path lesson, String source, String what) {
        String firstLine = source.strip().lines().findFirst().orElse("");
        return new LessonFailedException(lesson.getFileName() + " stopped at \"" + firstLine + "\": " + what);
    }
}
