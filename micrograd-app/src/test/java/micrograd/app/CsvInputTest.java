package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.io.ModelFile;
import micrograd.plot.Classifier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** train and predict read the same CSV files, in-process: what one accepts the other does; a bad file, one message. */
class CsvInputTest {

    private static final Dataset POINTS = Datasets.moons(30, 0.1, 21);

    @TempDir
    Path dir;

    /** The points as CSV text with a header x,y,label (labels 0 and 1, or quoted text); {@code how} shapes the file. */
    private static String csv(String how) {
        String end = how.equals("CRLF line ends") ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder(how.equals("a byte order mark") ? "\uFEFF" : "");
        text.append(how.equals("quoted fields with commas") ? "\"x, across\",\"y\",label" : "x,y,label").append(end);
        for (int i = 0; i < POINTS.size(); i++) {
            double[] x = POINTS.row(i);
            String label = !how.equals("quoted fields with commas") ? String.valueOf(POINTS.label(i))
                    : POINTS.label(i) == 0 ? "\"moon, upper\"" : "\"moon, lower\"";
            text.append(x[0]).append(',').append(x[1]).append(',').append(label).append(end);
        }
        return text.append(how.equals("blank trailing lines") ? end + "  " + end + end : "").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"quoted fields with commas", "a byte order mark", "CRLF line ends", "blank trailing lines"})
    void trainAndPredictBothReadAFileWith(String how) throws IOException {
        Path file = Files.writeString(dir.resolve("points.csv"), csv(how), StandardCharsets.UTF_8);

        CommandRun train = CommandRun.of("train", file.toString(), "--layers", "4", "--steps", "5",
                "--test-fraction", "0", "--out", dir.resolve("out").toString());
        assertThat(train.status()).as(train.err()).isZero();
        assertThat(train.out()).contains("on " + POINTS.size() + " points",
                "wrote " + dir.resolve("out/points-model.json"));

        Path model = TrainedModel.moonsModel(dir);
        CommandRun predict = CommandRun.of("predict", "--model", model.toString(), file.toString());
        assertThat(predict.status()).as(predict.err()).isZero();
        Classifier classifier = Classifier.of(ModelFile.load(model));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < POINTS.size(); i++) {
            expected.add(String.valueOf(classifier.classify(POINTS.row(i))));
        }
        assertThat(predict.out().lines().toList()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x,y,label\n1,2,0\n3,\"4,5\",1\n",
        "\uFEFFx,y,label\r\n1,2,0\r\n3,NaN,1\r\n",
        "x,y,label\n1,2,0\n3,4\n",
        "x,y,label\n1,\"2,0\n3,4,1\n",
        "x,x,label\n1,2,0\n",
        "x,y,label\n\n\n"})
    void aBadFileGetsTheSameMessageFromTrainAndPredict(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), content, StandardCharsets.UTF_8);
        Path model = TrainedModel.moonsModel(dir);
        CommandRun train = CommandRun.of("train", file.toString(), "--out", dir.resolve("out").toString());
        CommandRun predict = CommandRun.of("predict", "--model", model.toString(), file.toString());

        assertThat(train.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(predict.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(train.err()).startsWith("micrograd train: " + file);
        assertThat(predict.err()).startsWith("micrograd predict: " + file);
        assertThat(train.err().substring("micrograd train: ".length()))
                .isEqualTo(predict.err().substring("micrograd predict: ".length()));
    }
}
