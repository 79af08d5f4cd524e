package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import micrograd.testsupport.DocPages;
import micrograd.testsupport.GraphvizAvailability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command the README and the docs pages show with its output (a fenced block whose lines start with {@code $ })
 * is run, page by page in the page's order, by bash in an empty folder of the page's own where {@code ./micrograd} is
 * the launcher; what it prints (stdout and stderr together) must be what the page shows, where a line {@code ...}
 * stands for any number of lines and {@code ...} within a line for any text. A command that keeps running (a server)
 * is stopped once it has printed what the page shows. A command
 * that draws with Graphviz ({@code --svg}, {@code --png}) is compared only where Graphviz is installed; elsewhere the
 * test checks the rest and then reports the skip ({@link GraphvizAvailability}).
 */
class DocCommandsIT {

    private static final Pattern SHELL_BLOCK = Pattern.compile("```\\n(\\$ .*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    /** One command line of a page and the lines it shows after it. */
    record Shown(String command, List<String> output) {
    }

    static List<Shown> shownCommands(String page) {
        List<Shown> shown = new ArrayList<>();
        Matcher block = SHELL_BLOCK.matcher(page);
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                if (line.startsWith("$ ")) {
                    shown.add(new Shown(line.substring(2), new ArrayList<>()));
                } else {
                    shown.get(shown.size() - 1).output().add(line);
                }
            }
        }
        return shown;
    }

    /** The shown lines as a pattern: each line literally; a line {@code ...} any lines, {@code ...} in a line any text. */
    private static Pattern asPattern(List<String> lines) {
        StringBuilder regex = new StringBuilder();
        for (String line : lines) {
            if (line.equals("...")) {
                regex.append("(?:.*\\n)*?");
            } else {
                List<String> parts = new ArrayList<>();
                for (String part : line.split("\\.\\.\\.", -1)) {
                    parts.add(Pattern.quote(part));
                }
                regex.append(String.join(".*?", parts)).append("\\n");
            }
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * What {@code command} prints, read line by line until it ends or has printed all of {@code expected} (then it
     * is stopped, with what it started); after 5 minutes it is stopped whatever it printed.
     */
    private String run(String command, Pattern expected) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
                .redirectErrorStream(true).start();
        CompletableFuture.delayedExecutor(5, TimeUnit.MINUTES).execute(() -> stop(process));
        StringBuilder printed = new StringBuilder();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                printed.append(line).append('\n');
                if (process.isAlive() && expected.matcher(printed).matches()) {
                    stop(process);
                    break;
                }
            }
        }
        process.waitFor();
        return printed.toString();
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** The pages that show commands with their output. */
    static Stream<Path> pagesShowingCommands() throws IOException {
        List<Path> showing = new ArrayList<>();
        for (Path page : DocPages.pages()) {
            if (!shownCommands(Files.readString(page)).isEmpty()) {
                showing.add(page);
            }
        }
        return showing.stream();
    }

    @Test
    void theCommandsShownIncludeTheMainOnes() throws IOException {
        assertThat(pagesShowingCommands().flatMap(page -> {
            try {
                return shownCommands(Files.readString(page)).stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })).extracting(Shown::command).anyMatch(c -> c.startsWith("./micrograd predict"))
                .anyMatch(c -> c.startsWith("./micrograd grad")).anyMatch(c -> c.startsWith("./micrograd demo"))
                .anyMatch(c -> c.startsWith("./micrograd playground"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagesShowingCommands")
    void everyCommandShownPrintsWhatThePageShows(Path page) throws IOException, InterruptedException {
        Files.createSymbolicLink(dir.resolve("micrograd"), DocPages.ROOT.resolve("micrograd"));
        boolean leftOut = false;
        for (Shown command : shownCommands(Files.readString(page))) {
            String printed = run(command.command(), asPattern(command.output()));
            if (command.command().matches(".* --(svg|png) .*") && !GraphvizAvailability.available()) {
                leftOut = true;
                continue;
            }
            assertThat(printed).as("what $ %s prints (%s)", command.command(), page.getFileName())
                    .matches(asPattern(command.output()));
        }
        if (leftOut) {
            GraphvizAvailability.require();
        }
    }
}
