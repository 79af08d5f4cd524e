package micrograd.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.engine.Value;
import micrograd.nn.Activation;
import micrograd.nn.Init;
import micrograd.nn.MLP;
import org.junit.jupiter.api.Test;

/** Training really works: micrograd's demo, the lecture's small network, and a three-class problem. */
class TrainingLearnsTest {

    @Test
    void microgradsDemoReachesFullTrainingAccuracyForAtLeast9Of10Seeds() {
        List<String> outcomes = new ArrayList<>();
        int perfect = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Dataset moons = Datasets.moons(100, 0.1, seed);
            MLP model = MLP.builder(2).layers(16, 16, 1).seed(seed).build();
            List<TrainingStep> history = Trainer.builder().build().fit(model, moons);
            TrainingStep last = history.get(history.size() - 1);
            double accuracy = Metrics.accuracy(model, moons);
            outcomes.add("seed " + seed + ": " + history.get(0) + " -> " + last + ", after training " + accuracy);
            assertThat(last.loss()).as(outcomes.toString()).isLessThan(history.get(0).loss());
            if (accuracy == 1.0) {
                perfect++;
            }
        }
        assertThat(perfect).as(String.join("\n", outcomes)).isGreaterThanOrEqualTo(9);
    }

    @Test
    void theLecturesNetworkDrivesItsLossBelow001() {
        double[][] xs = {{2.0, 3.0, -1.0}, {3.0, -1.0, 0.5}, {0.5, 1.0, 1.0}, {1.0, 1.0, -1.0}};
        double[] ys = {1.0, -1.0, -1.0, 1.0};
        MLP model = MLP.builder(3).layers(4, 4, 1).activation(Activation.TANH).seed(42).build();
        double first = Double.NaN;
        double loss = Double.NaN;
        for (int k = 0; k < 100; k++) {
            List<Value> ypred = new ArrayList<>();
            for (double[] x : xs) {
                ypred.add(model.forward(x).get(0));
            }
            Value l = Loss.sumSquaredError(ypred, ys);
            model.zeroGrad();
            l.backward();
            for (Value p : model.parameters()) {
                p.setData(p.data() + -0.1 * p.grad());
            }
            loss = l.data();
            if (k == 0) {
                first = loss;
            }
        }
        assertThat(first).isGreaterThan(1.0);
        assertThat(loss).isLessThan(0.01);
    }

    @Test
    void threeSpiralsWithSoftmaxCrossEntropyAndAdamReach95PercentTestAccuracy() {
        Dataset.Split split = Datasets.spirals(300, 3, 0.2, 2).split(0.25, 2);
        MLP model = MLP.builder(2).layers(16, 16, 3).init(Init.KAIMING_UNIFORM).seed(2).build();
        Trainer trainer = Trainer.builder().loss(LossKind.SOFTMAX_CROSS_ENTROPY).l2(0).adam()
                .learningRate(0.03).steps(200).build();
        List<TrainingStep> history = trainer.fit(model, split.train());
        assertThat(history.get(0).accuracy()).isLessThan(0.5);
        assertThat(history.get(history.size() - 1).loss()).isLessThan(0.1 * history.get(0).loss());
        assertThat(Metrics.accuracy(model, split.test())).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void fourBlobsWithMiniBatchesAndMomentum() {
        Dataset.Split split = Datasets.blobs(200, 4, 0.8, 5).split(0.3, 5);
        MLP model = MLP.builder(2).layers(8, 4).seed(5).build();
        Trainer trainer = Trainer.builder().loss(LossKind.SOFTMAX_CROSS_ENTROPY).l2(1e-4).sgd(0.9)
                .learningRate(0.05).steps(100).batchSize(32).seed(5).build();
        trainer.fit(model, split.train());
        assertThat(Metrics.accuracy(model, split.test())).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void circlesWithTheLogisticLoss() {
        Dataset.Split split = Datasets.circles(200, 0.05, 0.5, 8).split(0.25, 8);
        MLP model = MLP.builder(2).layers(16, 1).hidden(Activation.TANH).init(Init.XAVIER_UNIFORM).seed(8).build();
        Trainer trainer = Trainer.builder().loss(LossKind.LOGISTIC).l2(0).adam().learningRate(0.05).steps(150).build();
        trainer.fit(model, split.train());
        assertThat(Metrics.accuracy(model, split.test())).isGreaterThanOrEqualTo(0.95);
    }
}
