package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GradCheckTest {

    @Test
    void reportsEveryLeafAndRestoresTheirData() {
        Value x = Value.of(0.5, "x");
        Value w = Value.of(-1.2, "w");
        GradCheck.Report report = GradCheck.check(() -> x.mul(w).tanh(), x, w);

        assertThat(report.leaves()).extracting(GradCheck.LeafResult::label).containsExactly("x", "w");
        assertThat(report.worstRelativeError()).isLessThan(1e-8);
        assertThat(x.data()).isEqualTo(0.5);
        assertThat(w.data()).isEqualTo(-1.2);
        double slope = 1 - Math.pow(Math.tanh(-0.6), 2);
        assertThat(x.grad()).isEqualTo(report.leaves().get(0).analytic()).isCloseTo(-1.2 * slope, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(report.toString()).contains("x ").contains("w ").contains("worst relative error");
    }

    @Test
    void catchesAWrongDerivative() {
        // a function whose "gradient" is deliberately wrong: its graph uses a detached copy of x
        Value x = Value.of(2.0, "x");
        GradCheck.Report report = GradCheck.check(() -> x.mul(Value.of(x.data())), x);
        assertThat(report.leaves().get(0).analytic()).isEqualTo(2.0);
        assertThat(report.leaves().get(0).numeric()).isCloseTo(4.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(report.worstRelativeError()).isGreaterThan(0.4);
    }

    @Test
    void aStaleGradientIsResetBeforeChecking() {
        Value x = Value.of(1.0, "x");
        x.setGrad(100);
        assertThat(GradCheck.check(() -> x.exp(), x).worstRelativeError()).isLessThan(1e-8);
    }

    @Test
    void relativeErrorHandlesNonFiniteValues() {
        assertThat(GradCheck.relativeError(1.0, 1.0)).isZero();
        assertThat(GradCheck.relativeError(Double.NaN, 1.0)).isInfinite();
        assertThat(GradCheck.relativeError(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isZero();
        assertThat(GradCheck.relativeError(200, 100)).isEqualTo(0.5);
        assertThat(GradCheck.relativeError(1e-12, 2e-12)).isEqualTo(1e-12);
    }
}
