package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code micrograd gpt}: the Python original's output, saving and loading, and bad input. */
class GptCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsWhatThePythonOriginalPrintsForAnotherSeed() throws IOException {
        CommandRun run = CommandRun.of("gpt", "--seed", "7", "--steps", "20");

        assertThat(run.status()).as("stderr: %s", run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).isEqualTo(resource("gpt-seed7-20steps.txt"));
        assertThat(run.err()).contains("trained 20 steps in", "ms/step");
    }

    @Test
    void theObjectGraphPrintsTheSame() throws IOException {
        CommandRun run = CommandRun.of("gpt", "--seed", "7", "--steps", "20", "--gradient", "graph");

        assertThat(run.status()).as("stderr: %s", run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).isEqualTo(resource("gpt-seed7-20steps.txt"));
    }

    @Test
    void aSavedModelLoadsBackAndSamplesAsTheRunThatSavedIt() {
        Path model = dir.resolve("model.json");
        CommandRun trained = CommandRun.of("gpt", "--seed", "3", "--steps", "5", "--samples", "4", "--embd", "8",
                "--save", model.toString());
        assertThat(trained.status()).as("stderr: %s", trained.err()).isEqualTo(Main.OK);
        assertThat(trained.err()).contains("saved the model to " + model);

        CommandRun loaded = CommandRun.of("gpt", "--seed", "3", "--steps", "0", "--samples", "4",
                "--load", model.toString());

        assertThat(loaded.status()).as("stderr: %s", loaded.err()).isEqualTo(Main.OK);
        assertThat(samples(loaded.out())).isEqualTo(samples(trained.out())).contains("sample  4: ");
    }

    @Test
    void badInputIsOneLineAndExitStatus2() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n  \n\t\n");
        assertBadInput(CommandRun.of("gpt", "--dataset", empty.toString()), "no documents", "one document per line");
        assertBadInput(CommandRun.of("gpt", "--dataset", dir.resolve("missing.txt").toString()), "no such file");
        Path binary = Files.write(dir.resolve("binary.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a', '\n'});
        assertBadInput(CommandRun.of("gpt", "--dataset", binary.toString()), "not UTF-8");
        assertBadInput(CommandRun.of("gpt", "--heads", "3"), "split evenly into 3 heads", "gpt --help");
        assertBadInput(CommandRun.of("gpt", "--temperature", "0"), "--temperature");
        assertBadInput(CommandRun.of("gpt", "--seed", "-1"), "--seed");
        assertBadInput(CommandRun.of("gpt", "--steps", "-5"), "--steps");

        Path names = Files.writeString(dir.resolve("names.txt"), "ab\nba\n");
        Path model = dir.resolve("model.json");
        assertThat(CommandRun.of("gpt", "--dataset", names.toString(), "--steps", "1", "--samples", "0", "--embd",
                "8", "--save", model.toString()).status()).isEqualTo(Main.OK);
        assertBadInput(CommandRun.of("gpt", "--dataset", names.toString(), "--load", model.toString(), "--embd",
                "16"), "has --embd 8, not 16");
        Path otherNames = Files.writeString(dir.resolve("other.txt"), "abc\n");
        assertBadInput(CommandRun.of("gpt", "--dataset", otherNames.toString(), "--load", model.toString()),
                "knows the characters \"ab\"", "the dataset has \"abc\"");
        Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "{\"format\": \"micrograd-gpt\", ");
        assertBadInput(CommandRun.of("gpt", "--load", corrupt.toString()), "not a micrograd GPT file", "--save");
    }

    @Test
    void samplesAtATemperatureNearZeroAreTheMostLikelyTokens() {
        CommandRun run = CommandRun.of("gpt", "--steps", "0", "--samples", "3", "--temperature", "1e-320");

        assertThat(run.status()).as("stderr: %s", run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).contains("sample  3: ");
    }

    @Test
    void aModelWhoseWeightsOverflowIsRefusedInOneLineAfterItWasSaved() throws IOException {
        Path model = dir.resolve("model.json");
        assertThat(CommandRun.of("gpt", "--steps", "0", "--samples", "0", "--save", model.toString()).status())
                .isEqualTo(Main.OK);
        String huge = Files.readString(model).replaceAll("-?\\d+\\.\\d+(E-?\\d+)?", "1e308");
        Path overflowing = Files.writeString(dir.resolve("huge.json"), huge);
        Path saved = dir.resolve("saved.json");

        CommandRun run = CommandRun.of("gpt", "--steps", "0", "--load", overflowing.toString(), "--save",
                saved.toString());

        assertThat(run.status()).as("stderr: %s", run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("not a number", "too large", "saved the model to " + saved)
                .doesNotContain("weights must add up", "\tat ");
        assertThat(saved).exists();
    }

    private static void assertBadInput(CommandRun run, String... mentions) {
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err().lines()).as("stderr is one line").hasSize(1);
        assertThat(run.err()).contains(mentions).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    private static String samples(String out) {
        return out.substring(out.indexOf("--- inference"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GptCommandTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
