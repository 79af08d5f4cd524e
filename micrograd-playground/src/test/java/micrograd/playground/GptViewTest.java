package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import micrograd.gpt.Documents;
import micrograd.gpt.Microgpt;
import org.junit.jupiter.api.Test;

/** The gpt view's run on the JVM: its link keys, its lines, its looks, the small graph and the model's graph size. */
class GptViewTest {

    @Test
    void theDefaultsAreMicrogptsAndEveryKeyIsWrittenBack() {
        GptSettings settings = GptSettings.parse("gpt&paused");

        assertThat(settings.toString()).isEqualTo("seed=42&steps=1000&temperature=0.5&samples=20&every=200&embd=16"
                + "&heads=4&layers=1&block=16");
        assertThat(GptSettings.parse(settings.toString())).isEqualTo(settings);
    }

    @Test
    void eachKeyIsBoundedAndARefusalIsOneLineNamingIt() {
        for (String keys : List.of("seed=4294967296", "steps=0", "steps=10001", "temperature=2.5", "samples=0",
                "every=-1", "embd=0", "embd=65", "heads=17", "layers=0", "layers=5", "block=33", "heads=3")) {
            String key = keys.substring(0, keys.indexOf('='));
            assertThatThrownBy(() -> GptSettings.parse(keys)).as(keys).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(key + ": ").message().doesNotContain("\n");
        }
        assertThatThrownBy(() -> GptSettings.parse("lr=0.1")).hasMessageContaining("unknown key \"lr\"");
        assertThatThrownBy(() -> GptSettings.parse("steps")).hasMessageContaining("needs a value");
    }

    @Test
    void itsStepLinesAndFinalSamplesAreMicrogpts() {
        GptView view = new GptView(GptSettings.parse("seed=7&steps=20&samples=3"), Documents.names());
        Microgpt run = Microgpt.start(Documents.names(), 7, 1, 16, 4, 16);

        for (int step = 0; step < 20; step++) {
            assertThat(view.step()).isEqualTo(Microgpt.stepLine(step, 20, run.trainStep(step, 20)));
            if (step == 9) {
                view.startLook();
                view.lookNext(); // a look leaves the stream alone
            }
        }

        assertThatThrownBy(view::step).isInstanceOf(IllegalStateException.class);
        assertThat(view.header()).isEqualTo("num docs: 32033\nvocab size: 27\nnum params: 4192");
        for (int i = 1; i <= 3; i++) {
            assertThat(view.finalSample()).isEqualTo(String.format("sample %2d: %s", i, run.sample(0.5)));
        }
        assertThatThrownBy(view::finalSample).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSmallGraphIsOnePositionOfATinyModelWithItsWeightsNamed() {
        GptView view = new GptView(GptSettings.parse(""), Documents.names());

        Calculation graph = view.smallGraph("emma");

        assertThat(graph.result().label()).isEqualTo("loss");
        assertThat(graph.steps().nodes()).hasSize(graph.result().topologicalOrder().size()).hasSize(376);
        assertThat(graph.json()).contains("\"label\":\"wte[26][0]\"", "\"label\":\"lm_head[4][1]\"");
        assertThat(view.graphSize("emma")).startsWith("24481\nmultiplication\t");
        assertThatThrownBy(() -> view.smallGraph("")).hasMessageContaining("type a name");
        assertThatThrownBy(() -> view.read("Emma")).hasMessageContaining("the character 'E' is not in the vocabulary");
    }
}
