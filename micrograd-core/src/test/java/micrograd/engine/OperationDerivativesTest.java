package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every operation's derivative at many seeded random points, against commons-math3's DerivativeStructure (an
 * independent forward-mode implementation) and against central finite differences.
 */
class OperationDerivativesTest {

    private static final int POINTS = 200;
    private static final Expr X = Expr.variable(0);
    private static final Expr Y = Expr.variable(1);

    /** An operation under test and the domain its random points are drawn from. */
    record Case(Expr expr, String domain) {
        double[] point(SplittableRandom random) {
            return switch (domain) {
                case "any" -> new double[] {random.nextDouble(-5, 5), random.nextDouble(-5, 5)};
                case "positive" -> new double[] {random.nextDouble(1e-3, 5), random.nextDouble(-3, 3)};
                case "nearZero" -> new double[] {random.nextDouble(1e-3, 1e-2), random.nextDouble(-3, 3)};
                case "awayFromZero" -> new double[] {nonZero(random, 0.1, 5), nonZero(random, 0.1, 5)};
                default -> throw new IllegalArgumentException(domain);
            };
        }

        @Override
        public String toString() {
            return expr + " on " + domain;
        }
    }

    private static double nonZero(SplittableRandom random, double min, double max) {
        double magnitude = random.nextDouble(min, max);
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(X.binary("+", Y, Value::add, DerivativeStructure::add), "any"),
                new Case(X.binary("-", Y, Value::sub, DerivativeStructure::subtract), "any"),
                new Case(X.binary("*", Y, Value::mul, DerivativeStructure::multiply), "any"),
                new Case(X.binary("/", Y, Value::div, DerivativeStructure::divide), "awayFromZero"),
                new Case(X.unary("+3", v -> v.add(3), d -> d.add(3)), "any"),
                new Case(X.unary("*-1.5", v -> v.mul(-1.5), d -> d.multiply(-1.5)), "any"),
                new Case(X.unary("-2", v -> v.sub(2), d -> d.subtract(2)), "any"),
                new Case(X.unary("/4", v -> v.div(4), d -> d.divide(4)), "any"),
                new Case(X.unary("7-", v -> v.rsub(7), d -> d.negate().add(7)), "any"),
                new Case(X.unary("3/", v -> v.rdiv(3), d -> d.reciprocal().multiply(3)), "awayFromZero"),
                new Case(X.unary("**2", v -> v.pow(2), d -> d.pow(2)), "any"),
                new Case(X.unary("**3", v -> v.pow(3), d -> d.pow(3)), "any"),
                new Case(X.unary("**-1", v -> v.pow(-1), d -> d.pow(-1)), "awayFromZero"),
                new Case(X.unary("**-2", v -> v.pow(-2), d -> d.pow(-2)), "awayFromZero"),
                new Case(X.unary("**0.5", v -> v.pow(0.5), d -> d.pow(0.5)), "positive"),
                new Case(X.unary("**-0.75", v -> v.pow(-0.75), d -> d.pow(-0.75)), "positive"),
                new Case(X.unary("**2.5", v -> v.pow(2.5), d -> d.pow(2.5)), "positive"),
                new Case(X.binary("**", Y, Value::pow, DerivativeStructure::pow), "positive"),
                new Case(X.unary("neg", Value::neg, DerivativeStructure::negate), "any"),
                new Case(X.unary("exp", Value::exp, DerivativeStructure::exp), "any"),
                new Case(X.unary("log", Value::log, DerivativeStructure::log), "positive"),
                new Case(X.unary("log", Value::log, DerivativeStructure::log), "nearZero"),
                new Case(X.unary("tanh", Value::tanh, DerivativeStructure::tanh), "any"),
                new Case(X.unary("relu", Value::relu, OperationDerivativesTest::relu), "awayFromZero"),
                new Case(X.unary("sigmoid", Value::sigmoid, OperationDerivativesTest::sigmoid), "any"),
                new Case(X.binary("sum", Y, (a, b) -> Value.sum(a, b, a), (a, b) -> a.add(b).add(a)), "any"),
                new Case(X.binary("weightedSum", Y, (a, b) -> Value.weightedSum(a, List.of(b, a), List.of(a, b)),
                        (a, b) -> a.add(b.multiply(a)).add(a.multiply(b))), "any"));
    }

    static DerivativeStructure relu(DerivativeStructure x) {
        return x.getValue() > 0 ? x : x.multiply(0);
    }

    static DerivativeStructure sigmoid(DerivativeStructure x) {
        return x.negate().exp().add(1).reciprocal();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithDerivativeStructure(Case c) {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < POINTS; n++) {
            double[] point = c.point(random);
            double[] engine = c.expr().engine(point);
            double[] oracle = c.expr().oracle(point);
            for (int i = 0; i < engine.length; i++) {
                assertThat(GradCheck.relativeError(engine[i], oracle[i]))
                        .as("%s at %s, component %d: engine %s, oracle %s", c, List.of(point[0], point[1]), i,
                                engine[i], oracle[i])
                        .isLessThan(1e-12);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithCentralDifferences(Case c) {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < POINTS; n++) {
            double[] point = c.point(random);
            GradCheck.Report report = c.expr().gradCheck(point);
            // near 0, log's slope is up to 1e6 and the curvature is huge, so a wider bound applies there
            double bound = c.domain().equals("nearZero") ? 1e-4 : 1e-6;
            assertThat(report.worstRelativeError()).as("%s\n%s", c, report).isLessThan(bound);
        }
    }

    // ---- edge cases -----------------------------------------------------------------------------------------

    private static double gradAt(double x, java.util.function.UnaryOperator<Value> f) {
        Value v = Value.of(x);
        f.apply(v).backward();
        return v.grad();
    }

    @Test
    void reluHasGradientZeroAtZeroAsMicrograd() {
        assertThat(gradAt(0.0, Value::relu)).isEqualTo(0.0);
        assertThat(Value.of(0.0).relu().data()).isEqualTo(0.0);
        assertThat(gradAt(1e-300, Value::relu)).isEqualTo(1.0);
        assertThat(gradAt(-1e-300, Value::relu)).isEqualTo(0.0);
    }

    @Test
    void powWithZeroExponentHasZeroGradientEvenAtZero() {
        assertThat(gradAt(0.0, v -> v.pow(0))).isEqualTo(0.0);
        assertThat(Value.of(0.0).pow(0).data()).isEqualTo(1.0);
    }

    @Test
    void powOfAValueExponentFollowsPyTorchAtTheEdges() {
        // negative base: d/dexponent = out * ln(base) is NaN
        Value base = Value.of(-2.0);
        Value exponent = Value.of(3.0);
        Value out = base.pow(exponent);
        out.backward();
        assertThat(out.data()).isEqualTo(-8.0);
        assertThat(base.grad()).isEqualTo(12.0);
        assertThat(exponent.grad()).isNaN();

        // zero base with a non-negative exponent: the exponent's gradient is 0, not 0 * -inf
        Value zero = Value.of(0.0);
        Value two = Value.of(2.0);
        zero.pow(two).backward();
        assertThat(zero.grad()).isEqualTo(0.0);
        assertThat(two.grad()).isEqualTo(0.0);
    }

    @Test
    void logNearZeroAndBelow() {
        assertThat(gradAt(1e-8, Value::log)).isCloseTo(1e8, within(1e-4));
        assertThat(Value.of(0.0).log().data()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(gradAt(0.0, Value::log)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Value.of(-1.0).log().data()).isNaN();
    }

    @Test
    void divisionByZeroGivesInfinityWithoutThrowing() {
        assertThat(Value.of(1.0).div(0.0).data()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Value.of(-1.0).div(0.0).data()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Value.of(0.0).rdiv(2.0).data()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void tanhAndSigmoidDoNotOverflowForLargeInputs() {
        assertThat(Value.of(1000).tanh().data()).isEqualTo(1.0);
        assertThat(gradAt(1000, Value::tanh)).isEqualTo(0.0);
        assertThat(Value.of(-1000).sigmoid().data()).isEqualTo(0.0);
        assertThat(Value.of(1000).sigmoid().data()).isEqualTo(1.0);
        assertThat(gradAt(-1000, Value::sigmoid)).isEqualTo(0.0);
        assertThat(gradAt(800, Value::sigmoid)).isEqualTo(0.0);
    }

    @Test
    void fractionalPowerOfNegativeBaseIsNaN() {
        DoubleSupplier value = () -> Value.of(-4.0).pow(0.5).data();
        assertThat(value.getAsDouble()).isNaN();
    }
}
