package micrograd.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Iterator;
import java.util.List;
import micrograd.gpt.Documents;
import micrograd.gpt.LossGradient;
import micrograd.gpt.Microgpt;
import org.junit.jupiter.api.Test;

/** The derived path against the object graph: the same losses, gradients, weights and samples, bit for bit. */
class DerivedGptTest {

    /** Two runs from one seed, the second on the derived path; compares every loss and every weight after. */
    private static void assertSameRuns(List<String> documents, long seed, int layers, int embd, int heads,
                                       int blockSize, int steps) {
        Microgpt graph = Microgpt.start(documents, seed, layers, embd, heads, blockSize);
        Microgpt compiled = Microgpt.start(documents, seed, layers, embd, heads, blockSize);
        DerivedGpt.use(compiled);
        for (int step = 0; step < steps; step++) {
            double expected = graph.trainStep(step, steps);
            assertThat(compiled.trainStep(step, steps)).as("loss at step %d", step + 1).isEqualTo(expected);
        }
        assertThat(compiled.model().parameterData()).containsExactly(graph.model().parameterData());
        for (int i = 0; i < 5; i++) {
            assertThat(compiled.sample(0.7)).isEqualTo(graph.sample(0.7));
        }
    }

    @Test
    void microgptsConfiguration() {
        assertSameRuns(Documents.names(), 42, 1, 16, 4, 16, 60);
    }

    @Test
    void twoLayersRepeatedLettersAndDocumentsCutToTheBlockSize() {
        assertSameRuns(List.of("anna", "bob", "abracadabra", "x", "mississippi"), 5, 2, 8, 2, 6, 25);
    }

    @Test
    void oneHeadAndGradientsAddedToWhatTheGradsHeld() {
        assertSameRuns(List.of("hello", "world", "ll"), 9, 1, 6, 1, 8, 10);
        Microgpt run = Microgpt.start(List.of("abc"), 1, 1, 4, 2, 4);
        int[] tokens = run.tokenizer().encode("abc");
        double[] weights = run.model().parameterData();
        double[] graph = new double[weights.length];
        double[] derived = new double[weights.length];
        LossGradient derivedGradient = DerivedGpt.of(run.model());
        double graphLoss = LossGradient.objectGraph(run.model()).lossAndGradient(tokens, weights, graph);
        assertThat(derivedGradient.lossAndGradient(tokens, weights, derived)).isEqualTo(graphLoss);
        assertThat(derived).containsExactly(graph);
        // a second step into the same grads adds each contribution to what they held (so within rounding of twice)
        derivedGradient.lossAndGradient(tokens, weights, derived);
        for (int i = 0; i < graph.length; i++) {
            assertThat(derived[i]).isCloseTo(2 * graph[i], within(1e-12));
        }
    }

    @Test
    void samplesDrawnBeforeAnyStepAtSeveralTemperaturesAndAsideAreTheObjectGraphs() {
        Microgpt graph = Microgpt.start(Documents.names(), 7, 1, 16, 4, 16);
        Microgpt derived = Microgpt.start(Documents.names(), 7, 1, 16, 4, 16);
        DerivedGpt.use(derived);
        // the first sample records the body; each temperature its draw head, used again; 1e-320 overflows the scaling
        for (double temperature : new double[] {0.5, 1.0, 0.5, 1e-320, 0.9}) {
            for (int i = 0; i < 3; i++) {
                assertThat(derived.sample(temperature)).as("at temperature %s", temperature)
                        .isEqualTo(graph.sample(temperature));
            }
        }
        for (int step = 0; step < 20; step++) {
            graph.trainStep(step, 20);
            derived.trainStep(step, 20);
            if (step % 5 == 0) {
                // a look between steps: the same names, and the runs' own streams left where they were
                Iterator<String> graphLook = graph.samplesAside(0.6);
                Iterator<String> derivedLook = derived.samplesAside(0.6);
                for (int i = 0; i < 4; i++) {
                    assertThat(derivedLook.next()).isEqualTo(graphLook.next());
                }
            }
        }
        for (int i = 0; i < 10; i++) {
            assertThat(derived.sample(0.5)).isEqualTo(graph.sample(0.5));
        }
    }
}
