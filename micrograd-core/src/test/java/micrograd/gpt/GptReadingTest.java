package micrograd.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import micrograd.data.PythonRandom;
import org.junit.jupiter.api.Test;

/** What the model makes of a name (Gpt.read), and looks at the samples that leave the run's random stream alone. */
class GptReadingTest {

    private static final List<String> NAMES = List.of("emma", "olivia", "ava", "isabella", "sophia", "mia", "amelia");

    @Test
    void aReadingIsTheLossesForwardPassPositionByPosition() {
        Microgpt run = Microgpt.start(NAMES, 5, 1, 8, 2, 16);
        for (int step = 0; step < 5; step++) {
            run.trainStep(step, 5);
        }
        int[] tokens = run.tokenizer().encode("emma");

        GptReading reading = run.read("emma");

        assertThat(reading.positions()).isEqualTo(5);
        assertThat(reading.tokens()).containsExactly(tokens);
        double total = 0;
        for (int pos = 0; pos < reading.positions(); pos++) {
            double[] probabilities = reading.probabilities()[pos];
            assertThat(reading.losses()[pos]).isEqualTo(-Math.log(probabilities[tokens[pos + 1]]));
            assertThat(sum(probabilities)).isCloseTo(1.0, within(1e-12));
            total += reading.losses()[pos];
            for (int head = 0; head < 2; head++) {
                double[] weights = reading.attention()[0][pos][head];
                assertThat(weights).as("causal: position %d sees positions 0 to %d", pos, pos).hasSize(pos + 1);
                assertThat(sum(weights)).isCloseTo(1.0, within(1e-12));
            }
        }
        assertThat(total / 5).isCloseTo(run.model().loss(tokens).data(), within(1e-12));
    }

    @Test
    void aLongNameIsReadUpToTheBlockSize() {
        Microgpt run = Microgpt.start(NAMES, 5, 2, 8, 4, 4);

        GptReading reading = run.read("isabella");

        assertThat(reading.positions()).isEqualTo(4);
        assertThat(reading.tokens()).hasSize(5);
        assertThat(reading.attention()).hasNumberOfRows(2);
        assertThat(reading.attention()[1][3]).hasNumberOfRows(4);
    }

    @Test
    void samplesAsideAreTheSamplesTheRunWouldDrawAndLeaveItsStreamAlone() {
        Microgpt looked = Microgpt.start(NAMES, 9, 1, 8, 2, 16);
        Microgpt plain = Microgpt.start(NAMES, 9, 1, 8, 2, 16);
        List<String> aside = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            looked.trainStep(step, 10);
            plain.trainStep(step, 10);
            Iterator<String> names = looked.samplesAside(0.5);
            aside.clear();
            for (int i = 0; i < 3; i++) {
                aside.add(names.next());
            }
        }

        List<String> finals = List.of(looked.sample(0.5), looked.sample(0.5), looked.sample(0.5));

        assertThat(finals).containsExactly(plain.sample(0.5), plain.sample(0.5), plain.sample(0.5));
        assertThat(aside).as("the last look, after the last step, drew what the run then drew")
                .containsExactlyElementsOf(finals);
    }

    @Test
    void aCopyOfPythonsStreamDrawsWhatTheStreamDrawsNext() {
        PythonRandom random = new PythonRandom(42);
        random.gauss(0, 1); // a Gaussian kept for the next call is copied too
        PythonRandom copy = random.copy();

        assertThat(copy.gauss(0, 1)).isEqualTo(random.gauss(0, 1));
        for (int i = 0; i < 700; i++) { // past one refill of the twister's state
            assertThat(copy.random()).isEqualTo(random.random());
        }
    }

    @Test
    void everyWeightHasItsMatrixAndPlace() {
        Gpt model = Gpt.initialized(new GptShape(3, 1, 2, 1, 2), new PythonRandom(1));

        List<String> names = model.parameterNames();

        assertThat(names).hasSize(model.parameters().size()).startsWith("wte[0][0]", "wte[0][1]", "wte[1][0]")
                .contains("wpe[1][1]", "lm_head[2][1]", "layer0.attn_wq[0][0]", "layer0.mlp_fc1[7][1]")
                .endsWith("layer0.mlp_fc2[1][7]").doesNotHaveDuplicates();
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
