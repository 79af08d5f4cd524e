package micrograd.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import micrograd.gpt.Microgpt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GptFileTest {

    @TempDir
    Path dir;

    /** A small trained model: 2 steps on a few names, 8 wide, 2 heads, block size 6. */
    private static Microgpt trained() {
        Microgpt run = Microgpt.start(List.of("anna", "bob", "émile", "zoë"), 3, 1, 8, 2, 6);
        run.trainStep(0, 2);
        run.trainStep(1, 2);
        return run;
    }

    @Test
    void aTrainedModelRoundTripsBitForBit() throws IOException {
        Microgpt run = trained();
        Path file = dir.resolve("sub/gpt.json");
        GptFile.save(file, run.model(), run.tokenizer());

        GptFile.Contents loaded = GptFile.load(file);

        assertThat(loaded.shape()).isEqualTo(run.model().shape());
        assertThat(loaded.tokenizer().characters()).isEqualTo(run.tokenizer().characters()).contains("é", "ë");
        assertThat(loaded.weights()).containsExactly(run.model().parameterData());
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left behind
    }

    @Test
    void aFileOfTheWrongSizeOrKindIsRefusedWithAReason() throws IOException {
        Microgpt run = trained();
        Path file = dir.resolve("gpt.json");
        GptFile.save(file, run.model(), run.tokenizer());
        String good = Files.readString(file);

        assertThatThrownBy(() -> GptFile.load(write(good.replace("\"embd\" : 8", "\"embd\" : 4"))))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("parameters, but the file lists");
        assertThatThrownBy(() -> GptFile.load(write(good.replace("\"heads\" : 2", "\"heads\" : 3"))))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("split evenly");
        assertThatThrownBy(() -> GptFile.load(write(good.replace("micrograd-gpt", "micrograd-mlp"))))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("\"format\"");
        assertThatThrownBy(() -> GptFile.load(write(good.replace("\"version\" : 1", "\"version\" : 2"))))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> GptFile.load(write(good.replace("\"layers\"", "\"extra\" : 0, \"layers\""))))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("extra");
        assertThatThrownBy(() -> GptFile.load(write(good.replace("\"layers\" : 1,", ""))))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("layers");
        assertThatThrownBy(() -> GptFile.load(write(good.substring(0, good.length() / 2))))
                .isInstanceOf(ModelFileException.class);
        assertThatThrownBy(() -> GptFile.load(write("")))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> GptFile.load(write(good.replace("\"layers\" : 1", "\"layers\" : 2000000000"))))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("2^31");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
