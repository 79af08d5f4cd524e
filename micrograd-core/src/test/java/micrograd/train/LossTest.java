package micrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import micrograd.engine.GradCheck;
import micrograd.engine.Value;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Every loss against values worked out by hand, against central finite differences ({@link GradCheck}), and against
 * commons-math3's forward-mode {@link DerivativeStructure} applied to the textbook (unstabilised) formula at seeded
 * random points.
 */
class LossTest {

    private static final double EXACT = 1e-15;

    private static List<Value> values(double... xs) {
        List<Value> list = new ArrayList<>();
        for (double x : xs) {
            list.add(Value.of(x));
        }
        return list;
    }

    @Test
    void meanSquaredErrorByHand() {
        List<Value> p = values(1.0, -0.5);
        Value loss = Loss.mse(p, new double[] {0.5, 0.5});
        loss.backward();
        assertThat(loss.data()).isEqualTo(0.625);                // (0.5^2 + 1^2) / 2
        assertThat(p.get(0).grad()).isEqualTo(0.5);              // 2 (p - y) / n
        assertThat(p.get(1).grad()).isEqualTo(-1.0);

        List<Value> q = values(1.0, -0.5);
        Value sum = Loss.sumSquaredError(q, new double[] {0.5, 0.5});
        sum.backward();
        assertThat(sum.data()).isEqualTo(1.25);
        assertThat(q.get(0).grad()).isEqualTo(1.0);
        assertThat(q.get(1).grad()).isEqualTo(-2.0);
    }

    @Test
    void hingeByHand() {
        List<Value> s = values(0.5, -2.0, 3.0, 2.0);
        Value loss = Loss.hinge(s, new double[] {1, 1, -1, 1});
        loss.backward();
        // relu(1 - 0.5) + relu(1 + 2) + relu(1 + 3) + relu(1 - 2) = 0.5 + 3 + 4 + 0
        assertThat(loss.data()).isEqualTo(7.5 / 4);
        assertThat(s.get(0).grad()).isEqualTo(-0.25);
        assertThat(s.get(1).grad()).isEqualTo(-0.25);
        assertThat(s.get(2).grad()).isEqualTo(0.25);
        assertThat(s.get(3).grad()).isZero();                   // margin met: no gradient
    }

    @Test
    void hingeIsBuiltAsMicrogradBuildsIt() {
        // micrograd: losses = [(1 + -yi*scorei).relu() ...]; data_loss = sum(losses) * (1.0 / len(losses))
        double[] scores = {0.3, -0.7, 1e-3, 0.9};
        double[] y = {1, -1, -1, 1};
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            total += Math.max(0, scores[i] * -y[i] + 1);
        }
        assertThat(Loss.hinge(values(scores), y).data()).isEqualTo(total * (1.0 / scores.length));
    }

    @Test
    void logisticByHand() {
        List<Value> z = values(0.0, 2.0, -3.0);
        Value loss = Loss.logistic(z, new double[] {1, 0, 0});
        loss.backward();
        double expected = (Math.log(2) + Math.log(1 + Math.exp(2)) + Math.log(1 + Math.exp(-3))) / 3;
        assertThat(loss.data()).isCloseTo(expected, within(EXACT));
        // gradient (sigmoid(z) - y) / n, z = 0 included (no kink there)
        assertThat(z.get(0).grad()).isCloseTo((0.5 - 1) / 3, within(EXACT));
        assertThat(z.get(1).grad()).isCloseTo(1 / (1 + Math.exp(-2)) / 3, within(EXACT));
        assertThat(z.get(2).grad()).isCloseTo(1 / (1 + Math.exp(3)) / 3, within(EXACT));
    }

    @Test
    void logisticIsStableForHugeLogits() {
        List<Value> z = values(1000, -1000, 1000, -1000, 40);
        Value loss = Loss.logistic(z, new double[] {0, 0, 1, 1, 1});
        loss.backward();
        // per sample: 1000, 0, 0, 1000, log(1 + e^-40) ~ 4.2e-18
        assertThat(loss.data()).isCloseTo(2000.0 / 5, within(1e-12));
        assertThat(z.get(0).grad()).isEqualTo(0.2);
        assertThat(z.get(1).grad()).isZero();
        assertThat(z.get(2).grad()).isZero();
        assertThat(z.get(3).grad()).isEqualTo(-0.2);
        assertThat(z.get(4).grad()).isCloseTo(-Math.exp(-40) / 5, within(1e-30));
    }

    @Test
    void softmaxCrossEntropyByHand() {
        List<Value> z = values(1, 2, 3);
        Value loss = Loss.softmaxCrossEntropy(List.of(z), new int[] {2});
        loss.backward();
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertThat(loss.data()).isCloseTo(Math.log(sum) - 3, within(EXACT));
        // gradient softmax - one-hot
        assertThat(z.get(0).grad()).isCloseTo(Math.exp(1) / sum, within(EXACT));
        assertThat(z.get(1).grad()).isCloseTo(Math.exp(2) / sum, within(EXACT));
        assertThat(z.get(2).grad()).isCloseTo(Math.exp(3) / sum - 1, within(EXACT));
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        List<Value> big = values(1000, 1001, 1002);
        List<Value> small = values(0, 1, 2);
        Value a = Loss.softmaxCrossEntropy(List.of(big, values(-5000, 0, 5000)), new int[] {0, 1});
        Value b = Loss.softmaxCrossEntropy(List.of(small, values(-5000, 0, 5000)), new int[] {0, 1});
        a.backward();
        b.backward();
        assertThat(a.data()).isFinite().isCloseTo(b.data(), within(1e-12));
        assertThat((Math.log(1 + Math.exp(-1) + Math.exp(-2)) + 2 + 5000) / 2).isCloseTo(a.data(), within(1e-12));
        for (int j = 0; j < 3; j++) {
            assertThat(big.get(j).grad()).isCloseTo(small.get(j).grad(), within(1e-15));
        }
    }

    @Test
    void l2ByHand() {
        List<Value> p = values(1, -2, 0.5);
        Value reg = Loss.l2(p, 0.1);
        reg.backward();
        assertThat(reg.data()).isCloseTo(0.525, within(EXACT));
        assertThat(p.get(0).grad()).isCloseTo(0.2, within(EXACT));
        assertThat(p.get(1).grad()).isCloseTo(-0.4, within(EXACT));
        assertThat(p.get(2).grad()).isCloseTo(0.1, within(EXACT));
    }

    /** One loss as a function of n inputs, written once for the engine and once, independently, for the oracle. */
    private record Case(String name, int n, Function<List<Value>, Value> engine,
                        Function<DerivativeStructure[], DerivativeStructure> oracle) {
    }

    private static List<Case> cases() {
        double[] targets = {0.3, -1.2, 2.0, 0.0};
        double[] signs = {1, -1, -1, 1};
        double[] labels01 = {1, 0, 0, 1};
        int[] classes = {2, 0};
        return List.of(
                new Case("mse", 4, v -> Loss.mse(v, targets), x -> {
                    DerivativeStructure s = x[0].getField().getZero();
                    for (int i = 0; i < 4; i++) {
                        s = s.add(x[i].subtract(targets[i]).pow(2));
                    }
                    return s.divide(4);
                }),
                new Case("sumSquaredError", 4, v -> Loss.sumSquaredError(v, targets), x -> {
                    DerivativeStructure s = x[0].getField().getZero();
                    for (int i = 0; i < 4; i++) {
                        s = s.add(x[i].subtract(targets[i]).pow(2));
                    }
                    return s;
                }),
                // scores are drawn away from the hinge's kink at y*s = 1
                new Case("hinge", 4, v -> Loss.hinge(v, signs), x -> {
                    DerivativeStructure s = x[0].getField().getZero();
                    for (int i = 0; i < 4; i++) {
                        DerivativeStructure margin = x[i].multiply(-signs[i]).add(1);
                        s = s.add(margin.getValue() > 0 ? margin : margin.multiply(0));
                    }
                    return s.divide(4);
                }),
                new Case("logistic", 4, v -> Loss.logistic(v, labels01), x -> {
                    DerivativeStructure s = x[0].getField().getZero();
                    for (int i = 0; i < 4; i++) {
                        DerivativeStructure p = x[i].negate().exp().add(1).reciprocal();   // sigmoid
                        s = s.subtract(labels01[i] == 1 ? p.log() : p.negate().add(1).log());
                    }
                    return s.divide(4);
                }),
                new Case("softmaxCrossEntropy", 6, v -> Loss.softmaxCrossEntropy(
                        List.of(v.subList(0, 3), v.subList(3, 6)), classes), x -> {
                    DerivativeStructure s = x[0].getField().getZero();
                    for (int i = 0; i < 2; i++) {
                        DerivativeStructure sumExp = x[3 * i].exp().add(x[3 * i + 1].exp()).add(x[3 * i + 2].exp());
                        s = s.add(sumExp.log().subtract(x[3 * i + classes[i]]));
                    }
                    return s.divide(2);
                }),
                new Case("l2", 4, v -> Loss.l2(v, 1e-2), x -> {
                    DerivativeStructure s = x[0].getField().getZero();
                    for (int i = 0; i < 4; i++) {
                        s = s.add(x[i].multiply(x[i]));
                    }
                    return s.multiply(1e-2);
                }));
    }

    @Test
    void everyLossAgreesWithFiniteDifferencesAndTheOracleAtRandomPoints() {
        SplittableRandom rng = new SplittableRandom(2024);
        for (Case c : cases()) {
            for (int trial = 0; trial < 100; trial++) {
                double[] point = new double[c.n()];
                for (int i = 0; i < point.length; i++) {
                    do {
                        point[i] = rng.nextDouble(-4, 4);
                    } while (c.name().equals("hinge") && Math.abs(Math.abs(point[i]) - 1) < 1e-3);
                }
                List<Value> leaves = values(point);
                GradCheck.Report report = GradCheck.check(() -> c.engine().apply(leaves), leaves, GradCheck.DEFAULT_STEP);
                assertThat(report.worstRelativeError()).as("%s at %s%n%s", c.name(), Arrays.toString(point), report)
                        .isLessThan(1e-7);

                DerivativeStructure[] vars = new DerivativeStructure[point.length];
                for (int i = 0; i < point.length; i++) {
                    vars[i] = new DerivativeStructure(point.length, 1, i, point[i]);
                }
                DerivativeStructure expected = c.oracle().apply(vars);
                assertThat(GradCheck.relativeError(report.output(), expected.getValue()))
                        .as("%s value at %s", c.name(), Arrays.toString(point)).isLessThan(1e-13);
                for (int i = 0; i < point.length; i++) {
                    int[] orders = new int[point.length];
                    orders[i] = 1;
                    assertThat(GradCheck.relativeError(leaves.get(i).grad(), expected.getPartialDerivative(orders)))
                            .as("%s d/dx%d at %s", c.name(), i, Arrays.toString(point)).isLessThan(1e-13);
                }
            }
        }
    }

    @Test
    void rejectsMismatchedOrInvalidLabels() {
        assertThatThrownBy(() -> Loss.mse(values(1, 2), new double[] {1}))
                .hasMessage("got 2 model outputs but 1 targets; give one per sample");
        assertThatThrownBy(() -> Loss.hinge(values(), new double[0])).hasMessageContaining("at least one sample");
        assertThatThrownBy(() -> Loss.hinge(values(1), new double[] {0}))
                .hasMessage("hinge loss needs labels -1 or +1; label 0 is 0.0");
        assertThatThrownBy(() -> Loss.logistic(values(1), new double[] {-1}))
                .hasMessage("logistic loss needs labels 0 or 1; label 0 is -1.0");
        assertThatThrownBy(() -> Loss.softmaxCrossEntropy(List.of(values(1, 2)), new int[] {2}))
                .hasMessageContaining("class 0 is 2 but there are 2 logits");
    }
}
