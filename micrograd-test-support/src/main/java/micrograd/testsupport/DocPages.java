package micrograd.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The project's documentation pages, the README and every {@code docs/*.md}, as the tests that check what they show
 * read them: a block is found by the HTML comment that marks it ({@code <!-- doc-nn: ...}), wherever it lives.
 */
public final class DocPages {

    /** The repository's root, from a module's folder (where Maven runs the tests). */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private DocPages() {
    }

    /** README.md, then the pages of docs/ in name order. */
    public static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** The text of the one page that holds {@code marker}; fails when no page or more than one does. */
    public static String pageWith(String marker) throws IOException {
        List<String> holding = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            if (text.contains(marker)) {
                holding.add(text);
            }
        }
        assertThat(holding).as("the pages holding the block marked %s", marker).hasSize(1);
        return holding.get(0);
    }

    /** The n-th fenced block (0 = the first) after the line starting with {@code marker}, in whichever page has it. */
    public static String block(String marker, int n) throws IOException {
        String page = pageWith(marker);
        int start = page.indexOf(marker);
        for (int i = 0; i <= n; i++) {
            start = page.indexOf("```", start);
            start = page.indexOf('\n', start) + 1;
            if (i < n) {
                start = page.indexOf("```", start) + 3;
            }
        }
        return page.substring(start, page.indexOf("```", start));
    }

    /**
     * Evaluates {@code block} snippet by snippet in a real JShell on this module's compiled classes, as a reader
     * would paste it, and returns what it printed; fails on a rejected snippet or one that throws.
     */
    public static String runInJShell(String block) {
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
