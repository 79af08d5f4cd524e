package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The README's "Plots from code and JShell" instructions, followed as written: its jshell command line, run by bash
 * in the repository root after the package phase, fed the Java block that follows it, draws the lecture's plot.
 */
class ReadmePlotIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The {@code n}-th fenced block (0 = first) after the README line containing the marker. */
    private static String block(String readme, int n) {
        int start = readme.indexOf("<!-- readme-jshell-plot:");
        assertThat(start).as("the README marks the plot instructions").isNotNegative();
        for (int i = 0; i <= n; i++) {
            start = readme.indexOf('\n', readme.indexOf("```", start)) + 1;
            if (i < n) {
                start = readme.indexOf("```", start) + 3;
            }
        }
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void readmeJShellPlotDrawsTheLecturesFunction() throws IOException, InterruptedException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String command = block(readme, 0).strip();
        String snippet = block(readme, 1) + "/exit\n";
        assertThat(command).isEqualTo("./micrograd jshell");
        assertThat(snippet).contains("FunctionPlot.save(Path.of(\"out/f.png\")");

        Path picture = ROOT.resolve("out/f.png");
        Files.deleteIfExists(picture);
        Path input = Files.createTempFile("readme-plot", ".jsh");
        try {
            Files.writeString(input, snippet);
            Process jshell = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile())
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
