package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Property tests over randomly generated expression trees (a seeded harness of our own): whatever the shape, every
 * leaf's gradient from backward() equals the forward-mode oracle's partial derivative.
 */
class RandomExpressionPropertyTest {

    private static final int VARIABLES = RandomExpressions.VARIABLES;

    @Test
    void everyLeafGradientAgreesWithTheOracleOnRandomTrees() {
        RandomExpressions generator = new RandomExpressions(2024);
        int checked = 0;
        for (int n = 0; n < 2000; n++) {
            Expr expr = generator.expression(5);
            double[] point = generator.point();
            double[] engine = expr.engine(point);
            double[] oracle = expr.oracle(point);
            for (int i = 0; i < engine.length; i++) {
                double tolerance = 1e-10 * Math.max(1, Math.abs(oracle[i]));
                assertThat(Math.abs(engine[i] - oracle[i]))
                        .as("%s at x=%s, component %d: engine %s, oracle %s", expr, java.util.Arrays.toString(point),
                                i, engine[i], oracle[i])
                        .isLessThanOrEqualTo(tolerance);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(2000);
    }

    @Test
    void aLeafUsedManyTimesCollectsEveryContribution() {
        // f = sum_i tanh(c_i * x) * x: x appears 2 * 500 times
        SplittableRandom random = new SplittableRandom(5);
        double[] c = random.doubles(500, -1, 1).toArray();
        Expr f = new Expr("reuse",
                x -> {
                    List<Value> terms = new ArrayList<>();
                    for (double ci : c) {
                        terms.add(x[0].mul(ci).tanh().mul(x[0]));
                    }
                    return Value.sum(terms);
                },
                x -> {
                    DerivativeStructure total = x[0].getField().getZero();
                    for (double ci : c) {
                        total = total.add(x[0].multiply(ci).tanh().multiply(x[0]));
                    }
                    return total;
                });
        double[] engine = f.engine(0.7);
        double[] oracle = f.oracle(0.7);
        assertThat(engine[0]).isCloseTo(oracle[0], org.assertj.core.api.Assertions.within(1e-10));
        assertThat(engine[1]).isCloseTo(oracle[1], org.assertj.core.api.Assertions.within(1e-10));
    }

    @Test
    void deepRandomChainsAgreeWithTheOracle() {
        // 3000 random smooth steps applied one after another to two variables
        SplittableRandom random = new SplittableRandom(11);
        int[] ops = random.ints(3000, 0, 4).toArray();
        Expr f = new Expr("deep",
                x -> {
                    Value v = x[0];
                    for (int op : ops) {
                        v = switch (op) {
                            case 0 -> v.tanh().add(x[1]);
                            case 1 -> v.mul(0.9).sigmoid().mul(2);
                            case 2 -> v.sub(x[1].mul(0.5)).tanh();
                            default -> v.mul(v).add(1).log();
                        };
                    }
                    return v;
                },
                x -> {
                    DerivativeStructure v = x[0];
                    for (int op : ops) {
                        v = switch (op) {
                            case 0 -> v.tanh().add(x[1]);
                            case 1 -> v.multiply(0.9).negate().exp().add(1).reciprocal().multiply(2);
                            case 2 -> v.subtract(x[1].multiply(0.5)).tanh();
                            default -> v.multiply(v).add(1).log();
                        };
                    }
                    return v;
                });
        double[] engine = f.engine(0.3, -0.2);
        double[] oracle = f.oracle(0.3, -0.2);
        for (int i = 0; i < engine.length; i++) {
            assertThat(Math.abs(engine[i] - oracle[i])).as("component %d", i).isLessThan(1e-10 * Math.max(1, Math.abs(oracle[i])));
        }
    }

    @Test
    void wideSumsAgreeWithTheOracle() {
        // one SUM node over 20,000 products of the four variables
        SplittableRandom random = new SplittableRandom(3);
        int[][] pairs = new int[20_000][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new int[] {random.nextInt(VARIABLES), random.nextInt(VARIABLES)};
        }
        Expr f = new Expr("wide",
                x -> {
                    List<Value> terms = new ArrayList<>();
                    for (int[] p : pairs) {
                        terms.add(x[p[0]].mul(x[p[1]]));
                    }
                    return Value.sum(terms);
                },
                x -> {
                    DerivativeStructure total = x[0].getField().getZero();
                    for (int[] p : pairs) {
                        total = total.add(x[p[0]].multiply(x[p[1]]));
                    }
                    return total;
                });
        double[] point = {0.5, -1.0, 1.5, 0.25};
        double[] engine = f.engine(point);
        double[] oracle = f.oracle(point);
        for (int i = 0; i < engine.length; i++) {
            assertThat(Math.abs(engine[i] - oracle[i])).as("component %d", i).isLessThan(1e-9 * Math.max(1, Math.abs(oracle[i])));
        }
    }
}
