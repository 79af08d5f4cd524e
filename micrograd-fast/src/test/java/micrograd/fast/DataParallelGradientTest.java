package micrograd.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.engine.Value;
import micrograd.nn.MLP;
import micrograd.train.GradientPath;
import micrograd.train.LossKind;
import micrograd.train.Trainer;
import micrograd.train.TrainingStep;
import org.junit.jupiter.api.Test;

/** Data-parallel gradients equal the sequential ones up to the order of the sums; the tape changes nothing. */
class DataParallelGradientTest {

    /** The loss (index 0) and the gradient of {@code model} on {@code data}, computed by {@code workers} workers. */
    private static double[] lossAndGradient(MLP model, Dataset data, LossKind loss, int workers, boolean tape) {
        model.zeroGrad();
        double[] result = new double[model.parameterCount() + 1];
        try (DataParallelGradient gradient = new DataParallelGradient(model, data, loss, 1e-4, workers, tape)) {
            result[0] = gradient.compute();
        }
        List<Value> params = model.parameters();
        for (int i = 0; i < params.size(); i++) {
            result[i + 1] = params.get(i).grad();
        }
        return result;
    }

    /** The worst |a - b| / max(|a|, |b|) over all components (0 where both are 0). */
    private static double worstRelativeDifference(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), Math.abs(b[i])));
            }
        }
        return worst;
    }

    @Test
    void severalWorkersGiveTheSequentialGradientUpToSummationOrder() {
        Dataset moons = Datasets.moons(150, 0.1, 7);
        for (LossKind loss : List.of(LossKind.HINGE, LossKind.MSE, LossKind.LOGISTIC)) {
            MLP model = MLP.builder(2).layers(16, 16, 1).seed(3).build();
            double[] sequential = lossAndGradient(model, moons, loss, 1, false);
            for (int workers : new int[] {2, 3, 7}) {
                double[] parallel = lossAndGradient(model, moons, loss, workers, true);
                assertThat(worstRelativeDifference(sequential, parallel))
                        .as("%s loss with %d workers", loss, workers)
                        .isLessThanOrEqualTo(1e-12);
            }
        }
    }

    @Test
    void softmaxOverThreeClassesToo() {
        Dataset spirals = Datasets.spirals(90, 3, 0.1, 5);
        MLP model = MLP.builder(2).layers(8, 3).seed(4).build();
        double[] sequential = lossAndGradient(model, spirals, LossKind.SOFTMAX_CROSS_ENTROPY, 1, false);
        double[] parallel = lossAndGradient(model, spirals, LossKind.SOFTMAX_CROSS_ENTROPY, 2, true);
        assertThat(worstRelativeDifference(sequential, parallel)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void aFixedNumberOfWorkersRepeatsBitForBit() {
        Dataset moons = Datasets.moons(100, 0.1, 1);
        MLP model = new MLP(2, 16, 16, 1);
        double[] first = lossAndGradient(model, moons, LossKind.HINGE, 2, true);
        double[] second = lossAndGradient(model, moons, LossKind.HINGE, 2, true);
        assertThat(second).containsExactly(first);
    }

    @Test
    void oneWorkerOnATapeIsTheObjectGraphBitForBit() {
        Dataset moons = Datasets.moons(100, 0.1, 2);
        MLP model = new MLP(2, 16, 16, 1);
        assertThat(lossAndGradient(model, moons, LossKind.HINGE, 1, true))
                .containsExactly(lossAndGradient(model, moons, LossKind.HINGE, 1, false));
    }

    @Test
    void theTrainerOnATapeRepeatsTheObjectGraphRunExactly() {
        Dataset moons = Datasets.moons(100, 0.1, 3);
        MLP onGraph = new MLP(2, 16, 16, 1);
        MLP onTape = new MLP(2, 16, 16, 1);
        List<TrainingStep> graphRun = Trainer.builder().steps(15).build().fit(onGraph, moons);
        Trainer taped = Trainer.builder().steps(15).gradient(FastPaths.tape()).build();
        List<TrainingStep> tapeRun = taped.fit(onTape, moons);
        assertThat(taped.toString()).contains("gradient=tape");
        assertThat(tapeRun).isEqualTo(graphRun);
        assertThat(onTape.parameterData()).containsExactly(onGraph.parameterData());
    }

    @Test
    void theTrainerWithTwoWorkersFollowsTheSameRun() {
        Dataset moons = Datasets.moons(100, 0.1, 4);
        MLP sequential = new MLP(2, 16, 16, 1);
        MLP parallel = new MLP(2, 16, 16, 1);
        List<TrainingStep> one = Trainer.builder().steps(15).build().fit(sequential, moons);
        Trainer twoWorkers = Trainer.builder().steps(15).gradient(FastPaths.parallel(2)).build();
        List<TrainingStep> two = twoWorkers.fit(parallel, moons);
        assertThat(twoWorkers.toString()).contains("gradient=parallel(2 workers)");
        for (int k = 0; k < one.size(); k++) {
            assertThat(two.get(k).loss()).as("step %d", k).isCloseTo(one.get(k).loss(),
                    org.assertj.core.api.Assertions.within(1e-10 * one.get(k).loss()));
            assertThat(two.get(k).accuracy()).isEqualTo(one.get(k).accuracy());
        }
    }

    @Test
    void smallBatchesGetOneShardPerWorkerAndLargeOnesMore() {
        int demoParameters = new MLP(2, 16, 16, 1).parameterCount();
        assertThat(DataParallelGradient.shardCount(100, demoParameters, 2)).isEqualTo(2);
        assertThat(DataParallelGradient.shardCount(1000, demoParameters, 2)).isEqualTo(6); // 167 rows each
        assertThat(DataParallelGradient.shardCount(150, demoParameters, 7)).isEqualTo(7);
        assertThat(DataParallelGradient.shardCount(5, demoParameters, 7)).isEqualTo(5); // never more than the rows
        assertThat(DataParallelGradient.shardCount(10, 1_000_000, 2)).isEqualTo(10); // one row each at most
    }

    @Test
    void computingAfterCloseIsAClearErrorForAnyNumberOfWorkers() {
        for (int workers : new int[] {1, 2}) {
            DataParallelGradient gradient = new DataParallelGradient(new MLP(2, 4, 1), Datasets.moons(10, 0.1, 4),
                    LossKind.HINGE, 0, workers);
            gradient.close();
            assertThatThrownBy(gradient::compute)
                    .as("%d workers", workers)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void theFastPathsNeedTheFullBatchAndTheTapeAFixedShape() {
        assertThatThrownBy(() -> Trainer.builder().batchSize(10).gradient(FastPaths.tape()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tape gradient path computes the full batch");
        Dataset spirals = Datasets.spirals(30, 3, 0.1, 5);
        MLP model = MLP.builder(2).layers(4, 3).seed(4).build();
        assertThatThrownBy(() -> FastPaths.tape().prepare(model, spirals, LossKind.SOFTMAX_CROSS_ENTROPY, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use the graph path");
        assertThat(FastPaths.fastest(LossKind.SOFTMAX_CROSS_ENTROPY, 1)).isSameAs(GradientPath.GRAPH);
        assertThat(FastPaths.fastest(LossKind.HINGE, 1)).hasToString("tape");
        assertThat(FastPaths.fastest(LossKind.HINGE, 2)).hasToString("parallel(2 workers)");
    }

    @Test
    void zeroWorkersIsAClearError() {
        Dataset moons = Datasets.moons(10, 0.1, 4);
        assertThatThrownBy(() -> new DataParallelGradient(new MLP(2, 4, 1), moons, LossKind.HINGE, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 worker");
        assertThatThrownBy(() -> FastPaths.parallel(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
