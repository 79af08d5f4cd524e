package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import micrograd.engine.Value;
import micrograd.nn.MLP;
import micrograd.testsupport.DocPages;
import org.junit.jupiter.api.Test;

/**
 * Each entry of the page's lecture menu gives the lecture's numbers (../shared/reference/micrograd-reference.md),
 * compared with a relative tolerance of 1e-9 unless exact.
 */
class LectureExampleTest {

    /** Every node's grad by label (the last node with a label wins; the examples' labels are unique). */
    private static Map<String, Double> grads(LectureExample example) {
        Calculation calculation = new Calculation(example.program, "");
        Map<String, Double> grads = new HashMap<>();
        calculation.result().topologicalOrder().forEach(node -> grads.put(node.label(), node.grad()));
        return grads;
    }

    private static Map<String, Double> data(LectureExample example) {
        Calculation calculation = new Calculation(example.program, "");
        Map<String, Double> data = new HashMap<>();
        calculation.result().topologicalOrder().forEach(node -> data.put(node.label(), node.data()));
        return data;
    }

    @Test
    void theDerivativeByNudging() {
        Calculation f = new Calculation(LectureExample.DERIVATIVE.program, "");
        assertThat(f.result().data()).isEqualTo(20.0);
        assertThat(grads(LectureExample.DERIVATIVE).get("x")).isEqualTo(14.0);
        Nudge nudge = f.nudge(LectureExample.DERIVATIVE.nudged, LectureExample.DERIVATIVE.h);
        assertThat(nudge.slope()).isCloseTo(14.000003, within(5e-7));
    }

    @Test
    void theLGraph() {
        assertThat(data(LectureExample.L_GRAPH)).containsEntry("e", -6.0).containsEntry("d", 4.0)
                .containsEntry("L", -8.0);
        assertThat(grads(LectureExample.L_GRAPH)).containsEntry("L", 1.0).containsEntry("d", -2.0)
                .containsEntry("f", 4.0).containsEntry("e", -2.0).containsEntry("c", -2.0).containsEntry("a", 6.0)
                .containsEntry("b", -4.0);
    }

    @Test
    void theNeuronAndTheNeuronWrittenWithExpHaveTheSameLeafGrads() {
        Map<String, Double> tanh = grads(LectureExample.NEURON);
        Map<String, Double> exp = grads(LectureExample.NEURON_EXP);
        Map<String, Double> expected = Map.of("x1", -1.5, "w1", 1.0, "x2", 0.5, "w2", 0.0, "b", 0.5, "n", 0.5,
                "x1*w1", 0.5, "x2*w2", 0.5, "x1*w1 + x2*w2", 0.5, "o", 1.0);
        expected.forEach((name, grad) -> {
            assertThat(tanh.get(name)).as("tanh: %s", name).isCloseTo(grad, within(1e-9));
            assertThat(exp.get(name)).as("exp: %s", name).isCloseTo(grad, within(1e-9));
        });
        assertThat(data(LectureExample.NEURON).get("o")).isCloseTo(0.7071067811865476, within(1e-15));
        assertThat(data(LectureExample.NEURON).get("n")).isCloseTo(0.8813735870195432, within(1e-15));
        // the exp neuron's nodes, to the reference's 4 places
        Map<String, Double> expData = data(LectureExample.NEURON_EXP);
        assertThat(expData.get("2*n")).isCloseTo(1.7627, within(5e-5));
        // the reference lists 0.2203 for 2n's grad, but it is e × e.grad = 5.8284 × 0.0429 = 0.25, half n's 0.5
        assertThat(exp.get("2*n")).isCloseTo(0.25, within(1e-12));
        assertThat(expData.get("e")).isCloseTo(5.8284, within(5e-5));
        assertThat(exp.get("e")).isCloseTo(0.0429, within(5e-5));
        assertThat(expData.get("e - 1")).isCloseTo(4.8284, within(5e-5));
        assertThat(exp.get("e - 1")).isCloseTo(0.1464, within(5e-5));
        assertThat(expData.get("e + 1")).isCloseTo(6.8284, within(5e-5));
        assertThat(exp.get("e + 1")).isCloseTo(-0.1036, within(5e-5));
    }

    @Test
    void aNodeUsedTwice() {
        assertThat(grads(LectureExample.A_PLUS_A)).containsEntry("a", 2.0).containsEntry("b", 1.0);
    }

    /** The MLP program is the nn library's MLP, the same weights and input: its output and every weight's grad. */
    @Test
    void theMlpForwardPassIsTheLibrarysBitForBit() {
        Calculation program = new Calculation(LectureExample.MLP_FORWARD.program, "");
        MLP mlp = LectureExample.lectureMlp();
        Value o = mlp.forwardOne(LectureExample.mlpInput());
        o.backward();
        assertThat(program.result().data()).isEqualTo(o.data());
        assertThat(Math.abs(o.data())).isLessThan(1);
        Map<String, Double> grads = grads(LectureExample.MLP_FORWARD);
        List<Value> parameters = mlp.parameters(); // layer by layer, neuron by neuron, weights then the bias
        int k = 0;
        int[] widths = {3, 4, 4};
        int[] sizes = {4, 4, 1};
        for (int l = 0; l < 3; l++) {
            for (int j = 1; j <= sizes[l]; j++) {
                String suffix = (l + 1) + "_" + j;
                for (int i = 1; i <= widths[l]; i++) {
                    assertThat(grads.get("w" + suffix + "_" + i)).isEqualTo(parameters.get(k++).grad());
                }
                assertThat(grads.get("b" + suffix)).isEqualTo(parameters.get(k++).grad());
            }
        }
        assertThat(k).isEqualTo(41);
    }

    /** Every lecture link in the README or a docs page names an example the menu has. */
    @Test
    void everyLectureLinkOfTheDocsNamesAnExample() throws IOException {
        List<String> ids = Arrays.stream(LectureExample.values()).map(example -> example.id).toList();
        int links = 0;
        for (Path page : DocPages.pages()) {
            Matcher link = Pattern.compile("#(?:quiz&)?lecture=([^`&)\\s]+)").matcher(Files.readString(page));
            while (link.find()) {
                if (link.group(1).equals("ID")) {
                    continue; // the pages' placeholder, as in "#lecture=ID loads an example"
                }
                assertThat(ids).as("%s in %s", link.group(), page.getFileName()).contains(link.group(1));
                links++;
            }
        }
        assertThat(links).isGreaterThanOrEqualTo(ids.size());
    }
}
