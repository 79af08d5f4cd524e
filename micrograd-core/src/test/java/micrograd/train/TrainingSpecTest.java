package micrograd.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.nn.Activation;
import micrograd.nn.Init;
import micrograd.nn.MLP;
import org.junit.jupiter.api.Test;

/** A {@link TrainingSpec} makes the network and the trainer it describes; its defaults are micrograd's demo's settings. */
class TrainingSpecTest {

    @Test
    void theDefaultsAreTheDemosSettings() {
        TrainingSpec defaults = TrainingSpec.DEFAULTS;
        MLP model = defaults.model(2, 2);
        assertThat(model.toString()).isEqualTo(new MLP(2, 16, 16, 1).toString());
        assertThat(model.parameterData()).containsExactly(new MLP(2, 16, 16, 1).parameterData());
        assertThat(defaults.trainer(2).build().toString()).isEqualTo(Trainer.builder().seed(1337).build().toString());
    }

    @Test
    void theOutputWidthFollowsTheLossAndTheClasses() {
        TrainingSpec usual = TrainingSpec.DEFAULTS;
        assertThat(usual.lossFor(2)).isEqualTo(LossKind.HINGE);
        assertThat(usual.outputWidth(2)).isEqualTo(1);
        assertThat(usual.lossFor(3)).isEqualTo(LossKind.SOFTMAX_CROSS_ENTROPY);
        assertThat(usual.outputWidth(3)).isEqualTo(3);
        assertThat(usual.model(2, 5).nout()).isEqualTo(5);

        TrainingSpec softmaxOnTwo = new TrainingSpec(List.of(4), Activation.TANH, Init.XAVIER_UNIFORM,
                LossKind.SOFTMAX_CROSS_ENTROPY, OptimizerKind.ADAM, 0.9, 0.01, ScheduleKind.CONSTANT, 10, 0, 0, 7);
        assertThat(softmaxOnTwo.outputWidth(2)).isEqualTo(2);
        assertThat(softmaxOnTwo.model(3, 2).toString()).isEqualTo(MLP.builder(3).layers(4, 2)
                .hidden(Activation.TANH).output(Activation.LINEAR).init(Init.XAVIER_UNIFORM).seed(7).build().toString());
    }

    @Test
    void theTrainerTakesEverySetting() {
        TrainingSpec spec = TrainingSpec.DEFAULTS.withHidden(List.of(8)).withLearningRate(0.1, ScheduleKind.COSINE)
                .withSteps(40);
        Trainer trainer = spec.trainer(2).build();
        assertThat(trainer.steps()).isEqualTo(40);
        assertThat(trainer.schedule().at(0)).isEqualTo(0.1);
        assertThat(trainer.schedule().toString()).isEqualTo(ScheduleKind.COSINE.of(0.1, 40).toString());
        assertThat(spec.model(2, 2).layers()).hasSize(2);

        TrainingSpec momentum = new TrainingSpec(List.of(), Activation.RELU, Init.UNIFORM, LossKind.MSE,
                OptimizerKind.MOMENTUM, 0.5, 0.2, ScheduleKind.STEP, 8, 4, 1e-3, 3);
        Trainer.Builder expected = Trainer.builder().loss(LossKind.MSE).l2(1e-3).steps(8).batchSize(4).seed(3)
                .schedule(ScheduleKind.STEP.of(0.2, 8)).sgd(0.5);
        assertThat(momentum.trainer(2).build().toString()).isEqualTo(expected.build().toString());
        Dataset moons = Datasets.moons(20, 0.1, 3L);
        assertThat(momentum.trainer(2).build().fit(momentum.model(2, 2), moons)).hasSize(8);
    }
}
