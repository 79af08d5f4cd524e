package micrograd.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * microgpt against the Python original: the published seed-42 numbers and runs of microgpt.py recorded into this
 * test's resources (README.md there says how), which print every loss in full ({@code repr}).
 */
class MicrogptTest {

    @Test
    void publishedSeed42Configuration() {
        Microgpt run = Microgpt.start(Documents.names(), 42, 1, 16, 4, 16);

        assertThat(run.documents()).hasSize(32033);
        assertThat(run.tokenizer().vocabSize()).isEqualTo(27);
        assertThat(run.model().parameters()).hasSize(4192);
        // step    1 / 1000 | loss 3.3660, step    2 / 1000 | loss 3.4243, step    3 / 1000 | loss 3.1778
        assertThat(printed(run.trainStep(0, 1000))).isEqualTo("3.3660");
        assertThat(printed(run.trainStep(1, 1000))).isEqualTo("3.4243");
        assertThat(printed(run.trainStep(2, 1000))).isEqualTo("3.1778");
    }

    @Test
    void anotherSeedGivesThePythonOriginalsLossesAndSamples() throws IOException {
        Recorded python = Recorded.read("seed7-20steps-python.txt");
        Microgpt run = Microgpt.start(Documents.names(), 7, 1, 16, 4, 16);

        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < python.losses.size(); step++) {
            losses.add(run.trainStep(step, python.losses.size()));
        }
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < python.samples.size(); i++) {
            samples.add(run.sample(0.5));
        }

        assertSameLosses(losses, python.losses);
        assertThat(samples).containsExactlyElementsOf(python.samples);
    }

    /**
     * Python's losses to the last bit but for one: Java's {@code Math.log} and C's {@code log} may round a result
     * differently in its last bit (seen once in the seed-7 run, at step 12), which changes that step's loss by an
     * ulp but no gradient (log's derivative is 1/p), so later steps are exact again. The printed losses are equal.
     */
    private static void assertSameLosses(List<Double> java, List<Double> python) {
        assertThat(java).hasSameSizeAs(python);
        int inexact = 0;
        for (int i = 0; i < python.size(); i++) {
            double expected = python.get(i);
            assertThat(java.get(i)).as("loss at step %d", i + 1).isCloseTo(expected, within(2 * Math.ulp(expected)));
            assertThat(printed(java.get(i))).isEqualTo(printed(expected));
            inexact += java.get(i) == expected ? 0 : 1;
        }
        assertThat(inexact).as("steps whose loss is not Python's to the last bit").isLessThanOrEqualTo(python.size() / 10);
    }

    private static String printed(double loss) {
        return new java.math.BigDecimal(loss).setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The losses ({@code step    1 /   20 | loss 3.30...}) and samples ({@code sample  1: kamon}) of a recorded run. */
    record Recorded(List<Double> losses, List<String> samples) {
        static Recorded read(String name) throws IOException {
            String text;
            try (InputStream in = MicrogptTest.class.getResourceAsStream(name)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<Double> losses = new ArrayList<>();
            List<String> samples = new ArrayList<>();
            for (String line : text.split("[\r\n]+")) {
                if (line.startsWith("step ")) {
                    losses.add(Double.valueOf(line.substring(line.indexOf("| loss ") + 7)));
                } else if (line.startsWith("sample ")) {
                    samples.add(line.substring(line.indexOf(": ") + 2));
                }
            }
            return new Recorded(losses, samples);
        }
    }
}
