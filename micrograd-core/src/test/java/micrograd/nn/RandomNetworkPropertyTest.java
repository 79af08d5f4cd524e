package micrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import micrograd.engine.GradCheck;
import micrograd.engine.Value;
import micrograd.train.Loss;
import org.junit.jupiter.api.Test;

/**
 * A seeded property test: random architectures (widths 1 to 6, one to three layers, ReLU or tanh), random weights and
 * data. For each, the engine's loss and every parameter gradient match the hand-written array oracle, and for tanh
 * networks (smooth, so no kink to straddle) also central finite differences.
 */
class RandomNetworkPropertyTest {

    @Test
    void randomNetworksMatchTheOracleAndFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(20240611);
        for (int trial = 0; trial < 60; trial++) {
            int nin = 1 + rng.nextInt(4);
            int[] sizes = new int[1 + rng.nextInt(3)];
            for (int l = 0; l < sizes.length - 1; l++) {
                sizes[l] = 1 + rng.nextInt(6);
            }
            sizes[sizes.length - 1] = 1;
            boolean tanh = rng.nextBoolean();
            boolean hinge = rng.nextBoolean();
            double alpha = rng.nextBoolean() ? 0 : 1e-3;
            MLP model = MLP.builder(nin).layers(sizes).hidden(tanh ? Activation.TANH : Activation.RELU)
                    .seed(rng.nextLong()).build();
            double[][] x = new double[1 + rng.nextInt(5)][nin];
            double[] y = new double[x.length];
            for (int s = 0; s < x.length; s++) {
                for (int i = 0; i < nin; i++) {
                    x[s][i] = rng.nextDouble(-2, 2);
                }
                y[s] = rng.nextBoolean() ? 1 : -1;
            }
            String what = "trial " + trial + ": nin " + nin + ", layers " + Arrays.toString(sizes)
                    + (tanh ? ", tanh" : ", ReLU") + (hinge ? ", hinge" : ", mse") + ", alpha " + alpha;

            List<Value> params = model.parameters();
            java.util.function.Supplier<Value> loss = () -> {
                List<Value> scores = new ArrayList<>();
                for (double[] row : x) {
                    scores.add(model.forward(row).get(0));
                }
                Value data = hinge ? Loss.hinge(scores, y) : Loss.mse(scores, y);
                return alpha > 0 ? data.add(Loss.l2(params, alpha)) : data;
            };
            model.zeroGrad();
            Value out = loss.get();
            out.backward();

            MlpGradientOracle.LossAndGradient expected = new MlpGradientOracle(nin, sizes, tanh, model.parameterData())
                    .lossAndGradient(x, y, hinge, alpha);
            assertThat(GradCheck.relativeError(out.data(), expected.loss())).as(what).isLessThan(1e-13);
            for (int i = 0; i < params.size(); i++) {
                assertThat(GradCheck.relativeError(params.get(i).grad(), expected.gradient()[i]))
                        .as("%s, parameter %d", what, i).isLessThan(1e-13);
            }
            if (tanh && !hinge) {
                GradCheck.Report report = GradCheck.check(loss, params, GradCheck.DEFAULT_STEP);
                assertThat(report.worstRelativeError()).as("%s%n%s", what, report).isLessThan(1e-7);
            }
        }
    }
}
