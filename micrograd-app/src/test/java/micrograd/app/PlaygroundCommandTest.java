package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import micrograd.playground.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code micrograd playground}: serving on the network with {@code --host} (the addresses printed, each with a QR
 * code that reads back as it, and the note on who can see it), and {@code --export} writing the whole site or
 * nothing.
 */
class PlaygroundCommandTest {

    @TempDir
    Path dir;

    /** What a test checks of the printed lines while the server still runs. */
    @FunctionalInterface
    private interface WhileServing {
        void check(String printed) throws Exception;
    }

    /** Runs the command in a thread until {@code done} (a pattern) shows on stdout, lets {@code check} see it, then stops it. */
    private static void serveUntil(String done, WhileServing check, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread serving = new Thread(() -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args));
        serving.setDaemon(true);
        serving.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Pattern.compile(done).matcher(out.toString()).find() && serving.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        try {
            assertThat(out.toString()).as("stdout; stderr: %s", err).containsPattern(done);
            check.check(out.toString());
        } finally {
            serving.interrupt();
            serving.join(5000);
        }
    }

    @Test
    void byDefaultItServesThisMachineOnlyWithNoCodeAndNoNote() throws Exception {
        serveUntil("Ctrl-C stops\\)", printed -> assertThat(printed)
                .matches("serving the playground at http://127\\.0\\.0\\.1:\\d+/ \\(Ctrl-C stops\\)\\R"),
                "playground");
    }

    @Test
    void onTheNetworkItPrintsEachAddressWithItsQrCodeAndANote() throws Exception {
        serveUntil("note:|besides loopback", PlaygroundCommandTest::everyAddressAnswersAndItsCodeReadsBack, "playground", "--host",
                "0.0.0.0");
    }

    private static void everyAddressAnswersAndItsCodeReadsBack(String printed) throws Exception {
        List<String> lines = printed.lines().toList();
        assertThat(lines.get(0)).matches("serving the playground on 0\\.0\\.0\\.0 port \\d+ \\(Ctrl-C stops\\).*");
        List<String> links = lines.stream().filter(line -> line.startsWith("  http://")).map(String::strip).toList();
        if (lines.get(0).contains("no network address besides loopback")) {
            return; // a machine on no network: the line says so, and there is nothing for a phone to scan
        }
        assertThat(links).isNotEmpty();
        for (String link : links) {
            int at = lines.indexOf("  " + link);
            List<String> code = lines.subList(at + 1, lines.size()).stream()
                    .takeWhile(line -> !line.isEmpty()).toList();
            assertThat(TerminalQrCodeTest.decode(code)).isEqualTo(link);
            HttpURLConnection page = (HttpURLConnection) URI.create(link).toURL().openConnection();
            page.setConnectTimeout(5000);
            page.setReadTimeout(5000);
            assertThat(page.getResponseCode()).as("%s answers", link).isEqualTo(200);
            page.disconnect();
        }
        assertThat(lines.get(lines.size() - 1)).startsWith("note: the playground is visible to every device on th")
                .contains("read-only");
    }

    @Test
    void anExportWritesEveryFileOfTheSite() throws IOException {
        Path site = dir.resolve("site");
        CommandRun run = CommandRun.of("playground", "--export", site.toString());
        assertThat(run.status()).as(run.err()).isZero();
        for (String file : SiteServer.FILES) {
            assertThat(site.resolve(file)).isRegularFile();
        }
        try (Stream<Path> left = Files.list(site)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void anExportThroughALinkedSubfolderWritesNothingAndSaysWhy() throws IOException {
        Path site = Files.createDirectory(dir.resolve("site"));
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.createSymbolicLink(site.resolve("viz"), elsewhere);
        Files.writeString(site.resolve("index.html"), "the user's own page");
        CommandRun run = CommandRun.of("playground", "--export", site.toString());
        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("viz", "symbolic link", "nothing was replaced").hasLineCount(1);
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("the user's own page");
        try (Stream<Path> files = Files.list(elsewhere); Stream<Path> siteFiles = Files.list(site)) {
            assertThat(files).isEmpty();
            assertThat(siteFiles).hasSize(2);
        }
    }

    @Test
    void anExportOntoAFolderInAFilesPlaceWritesNothingAndSaysWhy() throws IOException {
        Path site = Files.createDirectory(dir.resolve("site"));
        Files.createDirectories(site.resolve("training.js"));
        CommandRun run = CommandRun.of("playground", "--export", site.toString());
        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("training.js", "a folder", "nothing was replaced").hasLineCount(1);
        try (Stream<Path> siteFiles = Files.list(site)) {
            assertThat(siteFiles).hasSize(1);
        }
    }
}
