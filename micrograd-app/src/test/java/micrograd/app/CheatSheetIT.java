package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import micrograd.testsupport.DocPages;
import micrograd.testsupport.GraphvizAvailability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Python-to-Java cheat sheet, its Java column typed row by row into {@code ./micrograd jshell} as the
 * README says, in an empty folder: every snippet compiles and runs, and {@code draw_dot}'s line draws the graph. The
 * drawing needs Graphviz; without it that row is left out and the skip reported.
 */
class CheatSheetIT {

    private static final String MARKER = "<!-- doc-cheatsheet:";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @TempDir
    Path dir;

    /** The Java column of each row of the table after the marker, its code spans one after another. */
    static List<String> javaColumn(String page) {
        List<String> rows = new ArrayList<>();
        String table = page.substring(page.indexOf(MARKER));
        table = table.substring(table.indexOf('\n') + 1);
        for (String row : table.substring(0, table.indexOf("\n\n")).split("\n")) {
            String[] cells = row.split("\\|");
            if (cells.length < 3 || cells[2].isBlank() || cells[2].startsWith("---")) {
                continue;
            }
            List<String> snippets = new ArrayList<>();
            Matcher code = CODE.matcher(cells[2]);
            while (code.find()) {
                snippets.add(code.group(1));
            }
            if (!snippets.isEmpty()) {
                rows.add(String.join("\n", snippets));
            }
        }
        return rows;
    }

    @Test
    void everyJavaLineOfTheCheatSheetRunsInTheProjectsJShell() throws IOException, InterruptedException {
        List<String> rows = javaColumn(DocPages.pageWith(MARKER));
        assertThat(rows).hasSizeGreaterThan(15).anyMatch(r -> r.contains("backward()"))
                .anyMatch(r -> r.contains("zeroGrad()")).anyMatch(r -> r.contains("GraphDot.of"));
        boolean drawing = GraphvizAvailability.available();
        StringBuilder script = new StringBuilder();
        for (String row : rows) {
            if (drawing || !row.contains("new Graphviz()")) {
                script.append(row).append('\n');
            }
        }
        Path input = Files.writeString(dir.resolve("cheat-sheet.jsh"), script + "/exit\n");
        Process jshell = new ProcessBuilder(DocPages.ROOT.resolve("micrograd").toString(), "jshell")
                .directory(dir.toFile()).redirectInput(input.toFile()).redirectErrorStream(true).start();
        String transcript = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jshell.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(transcript).doesNotContain("Error", "Exception");
        if (drawing) {
            assertThat(Files.readString(dir.resolve("L.svg"))).contains("<svg");
        } else {
            GraphvizAvailability.require();
        }
    }
}
