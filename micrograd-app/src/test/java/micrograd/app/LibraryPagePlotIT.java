package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import micrograd.testsupport.DocPages;
import org.junit.jupiter.api.Test;

/**
 * docs/library.md's "Plots from code and JShell" instructions, followed as written: its jshell command line, run by
 * bash in the repository root after the package phase, fed the Java block that follows it, draws the lecture's plot.
 */
class LibraryPagePlotIT {

    private static final String MARKER = "<!-- doc-jshell-plot:";

    @Test
    void thePagesJShellPlotDrawsTheLecturesFunction() throws IOException, InterruptedException {
        String command = DocPages.block(MARKER, 0).strip();
        String snippet = DocPages.block(MARKER, 1) + "/exit\n";
        assertThat(command).isEqualTo("./micrograd jshell");
        assertThat(snippet).contains("FunctionPlot.save(Path.of(\"out/f.png\")");

        Path picture = DocPages.ROOT.resolve("out/f.png");
        Files.deleteIfExists(picture);
        Path input = Files.createTempFile("doc-plot", ".jsh");
        try {
            Files.writeString(input, snippet);
            Process jshell = new ProcessBuilder("bash", "-c", command).directory(DocPages.ROOT.toFile())
                    .redirectInput(input.toFile()).redirectErrorStream(true).start();
            String transcript = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(jshell.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(transcript).doesNotContain("Error", "Exception");
            BufferedImage image = ImageIO.read(picture.toFile());
            assertThat(image).as("f.png decodes; jshell said:%n%s", transcript).isNotNull();
            assertThat(image.getWidth()).isEqualTo(800);
        } finally {
            Files.deleteIfExists(picture);
            Files.deleteIfExists(input);
        }
    }
}
