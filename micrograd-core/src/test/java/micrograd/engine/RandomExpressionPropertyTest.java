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

    private static final int VARIABLES = 4;

    /**
     * Generates a random expression whose every sub-expression stays in the domain of the operation applied to it:
     * log and fractional powers only see positive arguments, division only denominators bounded away from zero.
     */
    static final class Generator {
        private final SplittableRandom random;

        Generator(long seed) {
            random = new SplittableRandom(seed);
        }

        Expr expression(int depth) {
            if (depth == 0 || random.nextInt(5) == 0) {
                return random.nextInt(6) == 0 ? Expr.constant(random.nextDouble(-2, 2)) : Expr.variable(random.nextInt(VARIABLES));
            }
            Expr x = expression(depth - 1);
            return switch (random.nextInt(13)) {
                case 0 -> x.binary("+", expression(depth - 1), Value::add, DerivativeStructure::add);
                case 1 -> x.binary("-", expression(depth - 1), Value::sub, DerivativeStructure::subtract);
                case 2, 3 -> x.binary("*", expression(depth - 1), Value::mul, DerivativeStructure::multiply);
                case 4 -> x.binary("/", positive(expression(depth - 1)), Value::div, DerivativeStructure::divide);
                case 5 -> x.unary("tanh", Value::tanh, DerivativeStructure::tanh);
                case 6 -> x.unary("sigmoid", Value::sigmoid, OperationDerivativesTest::sigmoid);
                case 7 -> positive(x).unary("log", Value::log, DerivativeStructure::log);
                case 8 -> x.unary("tanh", Value::tanh, DerivativeStructure::tanh).unary("exp", Value::exp, DerivativeStructure::exp);
                case 9 -> x.unary("**2", v -> v.pow(2), d -> d.pow(2));
                case 10 -> positive(x).unary("**-0.5", v -> v.pow(-0.5), d -> d.pow(-0.5));
                case 11 -> positive(x).binary("**", expression(depth - 1).unary("tanh", Value::tanh, DerivativeStructure::tanh),
                        Value::pow, DerivativeStructure::pow);
                default -> sumOfSeveral(x, depth);
            };
        }

        /** x*x + 0.5: positive, and at least 0.5. */
        private Expr positive(Expr x) {
            return x.unary("sq", v -> v.mul(v).add(0.5), d -> d.multiply(d).add(0.5));
        }

        private Expr sumOfSeveral(Expr first, int depth) {
            List<Expr> terms = new ArrayList<>(List.of(first));
            int n = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                terms.add(expression(depth - 1));
            }
            return new Expr("sum" + terms,
                    x -> Value.sum(terms.stream().map(t -> t.onValues().apply(x)).toList()),
                    x -> terms.stream().map(t -> t.onOracle().apply(x)).reduce(DerivativeStructure::add).orElseThrow());
        }

        double[] point() {
            double[] p = new double[VARIABLES];
            for (int i = 0; i < VARIABLES; i++) {
                p[i] = random.nextDouble(-1.5, 1.5);
            }
            return p;
        }
    }

    @Test
    void everyLeafGradientAgreesWithTheOracleOnRandomTrees() {
        Generator generator = new Generator(2024);
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
