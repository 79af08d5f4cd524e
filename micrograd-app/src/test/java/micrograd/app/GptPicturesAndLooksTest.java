package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code micrograd gpt}'s additions to the Python original's output: samples during training (--sample-every), the
 * loss curve (--plot) and the attention heatmaps (--attention). Without them the output is the original's; with
 * them, its lines are all still there, in order, and the final samples are the same.
 */
class GptPicturesAndLooksTest {

    @TempDir
    Path dir;

    @Test
    void samplesDuringTrainingLeaveTheFinalSamplesAndEveryStepLineAsTheyWere() throws IOException {
        String original = resource("gpt-seed7-20steps.txt");

        CommandRun run = CommandRun.of("gpt", "--seed", "7", "--steps", "20", "--sample-every", "5");

        assertThat(run.status()).as("stderr: %s", run.err()).isEqualTo(Main.OK);
        List<String> looks = run.out().lines().filter(l -> l.startsWith("samples at step")).toList();
        assertThat(looks).hasSize(4).first().asString().startsWith("samples at step    5: ");
        assertThat(looks.get(0).split(": ", 2)[1].split(" ")).as("--samples names").hasSize(20);
        String withoutLooks = String.join("\n", run.out().lines().filter(l -> !l.startsWith("samples at step"))
                .toList()) + "\n";
        assertThat(withoutLooks).isEqualTo(original);
        // the look after the last step draws from a copy of the stream the final samples then draw from
        String lastLook = looks.get(3).substring("samples at step   20: ".length());
        List<String> finals = run.out().lines().filter(l -> l.startsWith("sample ")).map(l -> l.substring(11))
                .toList();
        assertThat(lastLook.split(" ", -1)).containsExactlyElementsOf(finals); // -1: a sample may be empty
    }

    @Test
    void writesTheLossCurveAsPngAndSvg() throws IOException {
        Path png = dir.resolve("loss.png");
        Path svg = dir.resolve("loss.svg");

        CommandRun run = CommandRun.of("gpt", "--seed", "7", "--steps", "20", "--plot", png.toString());
        CommandRun vector = CommandRun.of("gpt", "--seed", "7", "--steps", "20", "--plot", svg.toString());

        assertThat(run.status()).as("stderr: %s", run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).isEqualTo(resource("gpt-seed7-20steps.txt"));
        assertThat(run.err()).contains("wrote the loss curve to " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(vector.status()).isEqualTo(Main.OK);
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg", "</svg>");
    }

    @Test
    void drawsTheAttentionHeatmapsOfANameOnePerHead() throws IOException {
        Path png = dir.resolve("emma.png");

        CommandRun run = CommandRun.of("gpt", "--seed", "7", "--steps", "20", "--attention", "emma", png.toString());

        assertThat(run.status()).as("stderr: %s", run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).isEqualTo(resource("gpt-seed7-20steps.txt"));
        assertThat(run.err()).contains("wrote the attention of emma to " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).as("4 heads side by side").isEqualTo(4 * image.getHeight());
    }

    @Test
    void badPictureOptionsAreOneLineAndExitStatus2BeforeTraining() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file.txt"), "a file, not a folder");
        assertBadInput(CommandRun.of("gpt", "--sample-every", "0"), "--sample-every must be 1 or more");
        assertBadInput(CommandRun.of("gpt", "--plot", dir.resolve("loss.gif").toString()), ".png or .svg");
        assertBadInput(CommandRun.of("gpt", "--steps", "0", "--plot", dir.resolve("loss.png").toString()),
                "--plot needs training steps");
        assertBadInput(CommandRun.of("gpt", "--attention", "emma", dir.resolve("a.svg").toString()), "must end in .png");
        assertBadInput(CommandRun.of("gpt", "--attention", "Emma!", dir.resolve("a.png").toString()),
                "--attention: the character 'E' is not in the vocabulary");
        assertBadInput(CommandRun.of("gpt", "--plot", notAFolder.resolve("loss.png").toString()), "cannot write");
    }

    private static void assertBadInput(CommandRun run, String... mentions) {
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err().lines()).as("stderr is one line").hasSize(1);
        assertThat(run.err()).contains(mentions).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).as("refused before training").isEmpty();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GptPicturesAndLooksTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
