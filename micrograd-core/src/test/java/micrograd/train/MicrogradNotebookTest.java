package micrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.data.MersenneTwister;
import micrograd.nn.MLP;
import org.junit.jupiter.api.Test;

/**
 * micrograd's demo notebook, replayed: the same random streams as its {@code random.seed(1337)} and
 * {@code np.random.seed(1337)} (see {@link MersenneTwister}) give the same moons and the same initial weights, and
 * the default {@link Trainer} then logs the notebook's own numbers. {@link MicrogradDemo} is that definition.
 */
class MicrogradNotebookTest {

    @Test
    void theWeightsAreMicrogradsUnderPythonsSeed1337() {
        MLP model = MLP.builder(2).layers(16, 16, 1).random(MersenneTwister.python(1337)).build();
        // the first two are the trace_graph notebook's neuron, also drawn after random.seed(1337)
        assertThat(model.parameterData()).startsWith(0.23550571390294128, 0.06653114721000164, 0.0,
                -0.26830328150124894);
    }

    @Test
    void theDemoLogsTheNotebooksNumbers() {
        MicrogradDemo demo = new MicrogradDemo();
        Dataset moons = demo.moons();
        MLP model = demo.model();
        assertThat(model.parameterCount()).isEqualTo(337);
        assertThat(moons.size()).isEqualTo(100);
        List<TrainingStep> log = demo.trainer().build().fit(model, moons);

        assertThat(log.get(0).toString()).isEqualTo("step 0 loss 0.8958441028683222, accuracy 50.0%");
        assertThat(log.get(10).accuracy()).isEqualTo(0.91);
        assertThat(log.stream().filter(s -> s.accuracy() == 1.0).findFirst().orElseThrow().step()).isEqualTo(40);
        assertThat(log.subList(70, 100)).allSatisfy(s -> assertThat(s.accuracy()).isEqualTo(1.0));
        assertThat(log.get(99).loss()).isCloseTo(0.010978, within(5e-7));
    }

    @Test
    void theDemoIsItsSeedsNotebook() {
        MicrogradDemo demo = new MicrogradDemo(7);
        assertThat(demo.moons().row(0)).containsExactly(
                Datasets.moons(100, 0.1, MersenneTwister.numpyLegacy(7)).row(0));
        assertThat(demo.model().parameterData()).containsExactly(
                MLP.builder(2).layers(16, 16, 1).random(MersenneTwister.python(7)).build().parameterData());
        assertThat(new MicrogradDemo().seed()).isEqualTo(1337);
        assertThatThrownBy(() -> new MicrogradDemo(-1)).hasMessageContaining("from 0 to 4294967295");
        assertThatThrownBy(() -> new MicrogradDemo(1L << 32)).hasMessageContaining("from 0 to 4294967295");
    }
}
