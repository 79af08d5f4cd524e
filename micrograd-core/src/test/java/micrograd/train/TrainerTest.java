package micrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.engine.Value;
import micrograd.nn.MLP;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** micrograd's demo loop written out as in the notebook, on the engine directly. */
    private static List<TrainingStep> microgradDemoLoop(MLP model, Dataset data, int steps) {
        double[] y = data.signedLabels();
        List<TrainingStep> log = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            List<Value> scores = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                scores.add(model.forward(data.row(i)).get(0));
            }
            List<Value> losses = new ArrayList<>();
            for (int i = 0; i < scores.size(); i++) {
                losses.add(Value.of(1).add(scores.get(i).mul(-y[i])).relu());
            }
            Value dataLoss = Value.sum(losses).mul(1.0 / losses.size());
            List<Value> squares = new ArrayList<>();
            for (Value p : model.parameters()) {
                squares.add(p.mul(p));
            }
            Value regLoss = Value.sum(squares).mul(1e-4);
            Value totalLoss = dataLoss.add(regLoss);
            int right = 0;
            for (int i = 0; i < scores.size(); i++) {
                right += (y[i] > 0) == (scores.get(i).data() > 0) ? 1 : 0;
            }
            model.zeroGrad();
            totalLoss.backward();
            double learningRate = 1.0 - 0.9 * k / 100;
            for (Value p : model.parameters()) {
                p.setData(p.data() - learningRate * p.grad());
            }
            log.add(new TrainingStep(k, totalLoss.data(), (double) right / scores.size(), learningRate));
        }
        return log;
    }

    @Test
    void theDefaultTrainerIsMicrogradsDemoLoopBitForBit() {
        Dataset moons = Datasets.moons(100, 0.1, 4);
        MLP byHand = MLP.builder(2).layers(16, 16, 1).seed(4).build();
        MLP byTrainer = MLP.builder(2).layers(16, 16, 1).seed(4).build();
        List<TrainingStep> expected = microgradDemoLoop(byHand, moons, 12);
        List<TrainingStep> seen = new ArrayList<>();
        List<TrainingStep> history = Trainer.builder().steps(12).schedule(LearningRateSchedule.linearDecay(1.0, 0.1, 100))
                .build().fit(byTrainer, moons, seen::add);
        assertThat(history).isEqualTo(expected).isEqualTo(seen);
        assertThat(byTrainer.parameterData()).isEqualTo(byHand.parameterData());
        assertThat(history.get(0).toString()).startsWith("step 0 loss ").endsWith("%");
    }

    @Test
    void theDefaultScheduleFollowsTheNumberOfSteps() {
        Trainer trainer = Trainer.builder().steps(50).build();
        assertThat(trainer.schedule().at(25)).isEqualTo(1.0 - 0.9 * 25 / 50);
        assertThat(Trainer.builder().build().toString()).isEqualTo("Trainer(loss=hinge, l2=1.0E-4, "
                + "optimizer=SGD(momentum=0.0), schedule=linearDecay(1.0 -> 0.1 over 100 steps), steps=100, batch=full, "
                + "seed=0, gradient=graph)");
        assertThat(Trainer.builder().loss(LossKind.SOFTMAX_CROSS_ENTROPY).adam().learningRate(0.01).batchSize(16)
                .seed(3).build().toString()).isEqualTo("Trainer(loss=softmax, l2=1.0E-4, "
                + "optimizer=Adam(beta1=0.9, beta2=0.999, eps=1.0E-8), schedule=constant(0.01), steps=100, batch=16, seed=3, "
                + "gradient=graph)");
    }

    @Test
    void miniBatchesAreDrawnFromTheSeed() {
        Dataset moons = Datasets.moons(60, 0.1, 1);
        Trainer a = Trainer.builder().steps(5).batchSize(10).seed(1).build();
        Trainer b = Trainer.builder().steps(5).batchSize(10).seed(2).build();
        List<TrainingStep> first = a.fit(MLP.builder(2).layers(8, 1).seed(1).build(), moons);
        List<TrainingStep> again = a.fit(MLP.builder(2).layers(8, 1).seed(1).build(), moons);
        List<TrainingStep> other = b.fit(MLP.builder(2).layers(8, 1).seed(1).build(), moons);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        // accuracy on a batch of 10 comes in tenths
        assertThat(first).allSatisfy(s -> assertThat(s.accuracy() * 10).isEqualTo(Math.rint(s.accuracy() * 10)));
    }

    @Test
    void startRunsFitsStepsOneAtATimeWithTheSameNumbers() {
        Dataset moons = Datasets.moons(60, 0.1, 1);
        for (Trainer trainer : List.of(Trainer.builder().steps(6).build(),
                Trainer.builder().steps(6).adam().learningRate(0.05).batchSize(10).seed(3).build())) {
            List<TrainingStep> fitted = trainer.fit(MLP.builder(2).layers(8, 1).seed(1).build(), moons);
            MLP model = MLP.builder(2).layers(8, 1).seed(1).build();
            List<TrainingStep> stepped = new ArrayList<>();
            try (Training training = trainer.start(model, moons)) {
                assertThat(training.stepsDone()).isZero();
                while (training.hasNextStep()) {
                    stepped.add(training.step());
                }
                assertThat(training.stepsDone()).isEqualTo(6);
                assertThatThrownBy(training::step).isInstanceOf(IllegalStateException.class)
                        .hasMessage("all 6 steps have run");
            }
            assertThat(stepped).as(trainer.toString()).isEqualTo(fitted);
        }
    }

    @Test
    void rejectsAModelThatDoesNotFitTheDataOrTheLoss() {
        Dataset moons = Datasets.moons(20, 0.1, 1);
        Dataset blobs = Datasets.blobs(30, 3, 0.5, 1);
        Trainer hinge = Trainer.builder().steps(1).build();
        assertThatThrownBy(() -> hinge.fit(new MLP(3, 4, 1), moons))
                .hasMessage("the model takes 3 inputs but the data has 2 features [x, y]");
        assertThatThrownBy(() -> hinge.fit(new MLP(2, 4, 2), moons))
                .hasMessage("the hinge loss on 2 classes needs a model with 1 output(s), this one has 2");
        assertThatThrownBy(() -> hinge.fit(new MLP(2, 4, 1), blobs))
                .hasMessage("the hinge loss is for 2 classes but the data has 3; use the softmax loss with one output per class");
        assertThatThrownBy(() -> Trainer.builder().loss(LossKind.SOFTMAX_CROSS_ENTROPY).build().fit(new MLP(2, 4, 2), blobs))
                .hasMessageContaining("needs a model with 3 output(s)");
        assertThatThrownBy(() -> Trainer.builder().batchSize(50).build().fit(new MLP(2, 4, 1), moons))
                .hasMessageContaining("batch size 50 exceeds the 20 rows");
        assertThatThrownBy(() -> Trainer.builder().sgd(1.5)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> Trainer.builder().steps(0)).hasMessageContaining("at least 1 training step");
        assertThat(LossKind.parse("softmax")).isEqualTo(LossKind.SOFTMAX_CROSS_ENTROPY);
        assertThat(LossKind.parse("HINGE")).isEqualTo(LossKind.HINGE);
        assertThatThrownBy(() -> LossKind.parse("l1")).hasMessageContaining("hinge, mse, logistic, softmax");
    }

    @Test
    void stopsAtTheFirstStepWhoseLossIsNotFinite() {
        Dataset data = Datasets.moons(20, 0.1, 3);
        MLP model = new MLP(2, 8, 1);
        Trainer trainer = Trainer.builder().learningRate(1e300).steps(50).build();
        assertThatThrownBy(() -> trainer.fit(model, data)).isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("the training diverged at step")
                .hasMessageContaining("lower the learning rate")
                .satisfies(e -> assertThat(((TrainingDivergedException) e).step()).isBetween(1, 49));
    }
}
