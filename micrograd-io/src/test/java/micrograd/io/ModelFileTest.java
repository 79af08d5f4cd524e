package micrograd.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import micrograd.data.Datasets;
import micrograd.nn.Activation;
import micrograd.nn.Init;
import micrograd.nn.MLP;
import micrograd.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("model.json");
    }

    private Path writeText(String text) throws IOException {
        Path f = file();
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private String savedText(MLP model) throws IOException {
        ModelFile.save(model, file());
        return Files.readString(file());
    }

    @Test
    void aTrainedModelRoundTripsBitForBit() throws IOException {
        MLP model = MLP.builder(2).layers(16, 16, 1).seed(7).build();
        Trainer.builder().steps(5).build().fit(model, Datasets.moons(50, 0.1, 7));
        ModelFile.save(model, file());
        MLP loaded = ModelFile.load(file());
        assertThat(loaded.toString()).isEqualTo(model.toString());
        assertThat(loaded.nin()).isEqualTo(2);
        assertThat(loaded.sizes()).containsExactly(16, 16, 1);
        assertThat(loaded.parameterData()).isEqualTo(model.parameterData());
        assertThat(loaded.predict(0.3, -0.2)).isEqualTo(model.predict(0.3, -0.2));
    }

    @Test
    void keepsTheActivations() throws IOException {
        MLP model = MLP.builder(3).layers(4, 2).hidden(Activation.TANH).output(Activation.SIGMOID)
                .init(Init.XAVIER_UNIFORM).seed(1).build();
        String text = savedText(model);
        assertThat(text).contains("\"format\" : \"micrograd-mlp\"", "\"version\" : 1", "\"nin\" : 3",
                "\"hiddenActivation\" : \"tanh\"", "\"outputActivation\" : \"sigmoid\"");
        MLP loaded = ModelFile.load(file());
        assertThat(loaded.hiddenActivation()).isEqualTo(Activation.TANH);
        assertThat(loaded.outputActivation()).isEqualTo(Activation.SIGMOID);
        assertThat(loaded.parameterData()).isEqualTo(model.parameterData());
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        ModelFile.save(new MLP(2, 3, 1), file());
        MLP second = MLP.builder(2).layers(5, 1).seed(2).build();
        ModelFile.save(second, file());
        assertThat(ModelFile.load(file()).parameterData()).isEqualTo(second.parameterData());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model.json");
        }
    }

    @Test
    void savingIntoAMissingFolderCreatesIt() throws IOException {
        Path nested = dir.resolve("runs/first/model.json");
        MLP model = new MLP(2, 3, 1);
        ModelFile.save(model, nested);
        assertThat(ModelFile.load(nested).parameterData()).isEqualTo(model.parameterData());
    }

    @Test
    void aSavedFileHasTheUsualPermissionsOfANewFile() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        ModelFile.save(new MLP(2, 3, 1), file());
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file())).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void refusesToSaveADivergedModelAndKeepsTheOldFile() throws IOException {
        MLP good = new MLP(2, 3, 1);
        ModelFile.save(good, file());
        String before = Files.readString(file());
        MLP diverged = new MLP(2, 3, 1);
        diverged.parameters().get(4).setData(Double.NaN);
        assertThatThrownBy(() -> ModelFile.save(diverged, file())).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("parameter 4 is NaN");
        assertThat(Files.readString(file())).isEqualTo(before);
    }

    @Test
    void aTruncatedFileSaysSo() throws IOException {
        String text = savedText(new MLP(2, 4, 1));
        writeText(text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> ModelFile.load(file())).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file() + " ends too early (truncated?)").hasMessageNotContaining("Source");
        writeText("");
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessage(file() + " is empty; expected a micrograd model file (JSON)");
    }

    @Test
    void aCorruptFileSaysSo() throws IOException {
        String text = savedText(new MLP(2, 4, 1));
        writeText(text.replace("\"nin\" : 2,", "\"nin\" : 2,,"));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageStartingWith(file() + " is not valid JSON (corrupt?)")
                .hasMessageContaining("line 4");
        writeText(text + "}");
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("is not valid JSON");
        writeText("[1, 2]");
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("it holds a JSON array, not an object");
    }

    @Test
    void aMismatchedFileSaysWhatDoesNotFit() throws IOException {
        String text = savedText(new MLP(2, 4, 1));
        writeText(text.replace("\"layers\" : [ 4, 1 ]", "\"layers\" : [ 5, 1 ]"));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessage(file() + " does not fit together: an MLP with 2 "
                + "inputs and layers [5, 1] has 21 parameters, but the file lists 17");
        writeText(text.replace("micrograd-mlp", "something-else"));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("is not a micrograd model file: its "
                + "\"format\" is \"something-else\"");
        writeText(text.replace("\"version\" : 1", "\"version\" : 2"));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("format version 2, newer than this program reads (1)");
        writeText(text.replace("\"relu\"", "\"swish\""));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("\"hiddenActivation\": unknown activation \"swish\"");
        writeText(text.replace("\"nin\" : 2", "\"nin\" : 2.5"));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("\"nin\" must be a whole number >= 1, found 2.5");
        writeText(text.replace("\"layers\" : [ 4, 1 ]", "\"layers\" : [ 4, 0 ]"));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("layer 2 has width 0");
        writeText(text.replace("\"nin\" : 2,", "\"nin\" : 2, \"nout\" : 1,"));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("unknown field \"nout\"");
        writeText(text.replace("\"nin\" : 2,", "\"nin\" : 2, \"nin\" : 3,"));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("Duplicate field 'nin'");
        writeText(text.replace("\"parameters\" : [", "\"parameters\" : [ \"NaN\","));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("parameter 0 is \"NaN\", not a finite number");
        writeText(text.replace("\"parameters\" : [", "\"parameters\" : [ 1e400,"));
        assertThatThrownBy(() -> ModelFile.load(file())).hasMessageContaining("parameter 0 is")
                .hasMessageContaining("not a finite number");
    }

    @Test
    void aParameterCountThatOverflowsAnIntIsNotTakenForAMatch() throws IOException {
        // (2^31 - 1 + 1) * 2 wraps to 0 in int arithmetic, which would match an empty parameter list
        Path f = writeText("{\"format\":\"micrograd-mlp\",\"version\":1,\"nin\":2147483647,\"layers\":[2],"
                + "\"hiddenActivation\":\"relu\",\"outputActivation\":\"linear\",\"parameters\":[]}");
        assertThatThrownBy(() -> ModelFile.load(f)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("has 4294967296 parameters, but the file lists 0");
    }

    @Test
    void aFileLargerThanAnyModelIsRefusedWithoutReadingItAll() throws IOException {
        Path big = dir.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i <= ModelFile.MAX_BYTES >> 20; i++) {
                out.write(spaces);
            }
        }
        assertThatThrownBy(() -> ModelFile.load(big)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("is larger than 32 MB");
        Path devZero = Path.of("/dev/zero");
        if (Files.isReadable(devZero)) {
            assertThatThrownBy(() -> ModelFile.load(devZero)).isInstanceOf(ModelFileException.class)
                    .hasMessageContaining("is larger than 32 MB");
        }
    }

    @Test
    void featureNamesAreSavedAndReadBackAndCheckedWhenPresent() throws IOException {
        MLP model = new MLP(2, 3, 1);
        ModelFile.save(new SavedModel(model, java.util.List.of("width", "height"), java.util.List.of()), file());
        SavedModel read = ModelFile.read(file());
        assertThat(read.featureNames()).containsExactly("width", "height");
        assertThat(read.model().parameterData()).containsExactly(model.parameterData());
        ModelFile.save(model, file());
        assertThat(ModelFile.read(file()).featureNames()).isEmpty();
        String twice = Files.readString(file()).replace("\"parameters\"", "\"features\" : [ \"a\", \"a\" ],\n  \"parameters\"");
        Path bad = writeText(twice);
        assertThatThrownBy(() -> ModelFile.read(bad)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("\"features\" must list 2 distinct names");
    }

    @Test
    void classNamesAreSavedAndReadBackAndCheckedWhenPresent() throws IOException {
        MLP oneOutput = new MLP(2, 3, 1);
        ModelFile.save(new SavedModel(oneOutput, java.util.List.of(), java.util.List.of("1", "2")), file());
        SavedModel read = ModelFile.read(file());
        assertThat(read.classNames()).as("a one-output model tells 2 classes").containsExactly("1", "2");
        assertThat(read.className(1)).isEqualTo("2");
        MLP threeOutputs = new MLP(2, 3, 3);
        ModelFile.save(new SavedModel(threeOutputs, java.util.List.of(), java.util.List.of("cat", "dog", "owl")),
                file());
        assertThat(ModelFile.read(file()).className(2)).isEqualTo("owl");
        ModelFile.save(threeOutputs, file());
        SavedModel unnamed = ModelFile.read(file());
        assertThat(unnamed.classNames()).as("a file without names, as files were before them").isEmpty();
        assertThat(unnamed.className(2)).isEqualTo("2");
        String tooFew = Files.readString(file()).replace("\"parameters\"", "\"classes\" : [ \"a\", \"b\" ],\n  \"parameters\"");
        Path bad = writeText(tooFew);
        assertThatThrownBy(() -> ModelFile.read(bad)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("\"classes\" must list 3 distinct names, one per class");
    }

    @Test
    void aRunsIdIsSavedAndReadBack() throws IOException {
        MLP model = new MLP(2, 3, 1);
        ModelFile.save(new SavedModel(model, java.util.List.of(), java.util.List.of(), "run-7"), file());
        assertThat(ModelFile.read(file()).run()).isEqualTo("run-7");
        ModelFile.save(model, file());
        assertThat(ModelFile.read(file()).run()).as("a file without one, as files were before").isEmpty();
        Path bad = writeText(Files.readString(file()).replace("\"parameters\"", "\"run\" : 7,\n  \"parameters\""));
        assertThatThrownBy(() -> ModelFile.read(bad)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("\"run\" must be a run's id");
    }
}
