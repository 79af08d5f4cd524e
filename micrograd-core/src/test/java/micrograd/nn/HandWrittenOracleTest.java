package micrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.engine.Value;
import micrograd.train.LossKind;
import micrograd.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The engine against an independent oracle: {@link MlpGradientOracle}, a forward and backward pass on plain arrays. Both
 * start from the same weights and each follows its own trajectory; at every step the {@link Trainer}'s loss and every
 * parameter's gradient must match the oracle's to 1e-12 relative.
 *
 * <p>"Relative" means relative to the scale of the quantity: for the loss and the parameters their own magnitude, for
 * a gradient entry the largest gradient entry of that step. A small gradient is the difference of much larger terms
 * (a dead-ish ReLU path against the L2 pull), and the two implementations add those terms in different orders, so
 * its last digits legitimately differ: one such entry, 3.8e-6, differs in the 12th digit while the step's largest
 * entry is 0.1.
 */
class HandWrittenOracleTest {

    private static final double TOLERANCE = 1e-12;

    private static void assertClose(double engine, double oracle, String what) {
        assertClose(engine, oracle, Math.max(Math.abs(engine), Math.abs(oracle)), what);
    }

    private static void assertClose(double engine, double oracle, double scale, String what) {
        assertThat(Math.abs(engine - oracle)).as("%s: engine %s, oracle %s", what, engine, oracle)
                .isLessThanOrEqualTo(TOLERANCE * scale);
    }

    private static void trainAlongsideTheOracle(MLP model, Dataset data, Trainer trainer, boolean tanhHidden) {
        int[] sizes = model.sizes().stream().mapToInt(Integer::intValue).toArray();
        MlpGradientOracle oracle = new MlpGradientOracle(model.nin(), sizes, tanhHidden, model.parameterData());
        double[][] x = data.features();
        double[] y = data.signedLabels();
        boolean hinge = trainer.loss() == LossKind.HINGE;
        List<Value> params = model.parameters();
        List<Integer> checkedSteps = new ArrayList<>();
        trainer.fit(model, data, step -> {
            MlpGradientOracle.LossAndGradient expected = oracle.lossAndGradient(x, y, hinge, trainer.l2());
            assertClose(step.loss(), expected.loss(), "loss at step " + step.step());
            double largest = 0;
            for (double g : expected.gradient()) {
                largest = Math.max(largest, Math.abs(g));
            }
            for (int i = 0; i < params.size(); i++) {
                // after the update, each parameter still holds this step's gradient
                assertClose(params.get(i).grad(), expected.gradient()[i], largest,
                        "gradient " + i + " at step " + step.step());
            }
            double[] next = oracle.parameters();
            for (int i = 0; i < next.length; i++) {
                next[i] -= step.learningRate() * expected.gradient()[i];
            }
            oracle.setParameters(next);
            checkedSteps.add(step.step());
        });
        assertThat(checkedSteps).hasSize(trainer.steps());
        double[] engineAfter = model.parameterData();
        double[] oracleAfter = oracle.parameters();
        for (int i = 0; i < engineAfter.length; i++) {
            assertClose(engineAfter[i], oracleAfter[i], "parameter " + i + " after training");
        }
    }

    @Test
    void theDemoConfigurationMatchesTheOracleStepByStep() {
        MLP model = MLP.builder(2).layers(16, 16, 1).seed(3).build();
        Dataset data = Datasets.moons(40, 0.1, 3);
        trainAlongsideTheOracle(model, data, Trainer.builder().steps(8).build(), false);
    }

    @Test
    void tanhAndMeanSquaredErrorMatchTheOracleStepByStep() {
        MLP model = MLP.builder(3).layers(5, 4, 1).hidden(Activation.TANH).init(Init.XAVIER_UNIFORM).seed(9).build();
        double[][] x = {{2.0, 3.0, -1.0}, {3.0, -1.0, 0.5}, {0.5, 1.0, 1.0}, {1.0, 1.0, -1.0}, {-0.3, 0.2, 0.9}};
        Dataset data = new Dataset(x, new int[] {1, 0, 0, 1, 0}, 2);
        Trainer trainer = Trainer.builder().loss(LossKind.MSE).l2(1e-3).learningRate(0.05).steps(10).build();
        trainAlongsideTheOracle(model, data, trainer, true);
    }
}
