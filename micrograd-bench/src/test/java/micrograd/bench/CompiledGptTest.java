package micrograd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import micrograd.fast.DerivedGpt;
import micrograd.gpt.Documents;
import micrograd.gpt.Gpt;
import micrograd.gpt.LossGradient;
import micrograd.gpt.Microgpt;
import org.junit.jupiter.api.Test;

/**
 * The hand-written baseline computes what the derived path computes (which DerivedGptTest holds to the object graph),
 * bit for bit: otherwise the bench would compare two different steps.
 */
class CompiledGptTest {

    /** Both paths on one model, step after step on the run's documents, the weights moved on by the losses. */
    private static void assertSameSteps(List<String> documents, long seed, int layers, int embd, int heads,
                                        int blockSize) {
        Microgpt run = Microgpt.start(documents, seed, layers, embd, heads, blockSize);
        Gpt model = run.model();
        LossGradient handWritten = new CompiledGpt(model);
        LossGradient derived = DerivedGpt.of(model);
        double[] weights = model.parameterData();
        for (int step = 0; step < 40; step++) {
            int[] tokens = run.tokenizer().encode(run.documents().get(step % run.documents().size()));
            double[] expected = new double[weights.length];
            double[] actual = new double[weights.length];
            double loss = derived.lossAndGradient(tokens, weights, expected);
            assertThat(handWritten.lossAndGradient(tokens, weights, actual)).as("loss at step %d", step).isEqualTo(loss);
            assertThat(actual).as("gradient at step %d", step).containsExactly(expected);
            for (int i = 0; i < weights.length; i++) {
                weights[i] -= 0.01 * expected[i];
            }
        }
    }

    @Test
    void microgptsConfiguration() {
        assertSameSteps(Documents.names(), 42, 1, 16, 4, 16);
    }

    @Test
    void twoLayersAndDocumentsCutToTheBlockSize() {
        assertSameSteps(List.of("anna", "bob", "abracadabra", "x", "mississippi"), 5, 2, 8, 2, 6);
    }
}
