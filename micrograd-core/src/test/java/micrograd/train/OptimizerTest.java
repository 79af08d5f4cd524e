package micrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;

/** Each optimizer's updates worked out by hand for a couple of steps. */
class OptimizerTest {

    private static Value param(double data, double grad) {
        Value p = Value.of(data);
        p.setGrad(grad);
        return p;
    }

    @Test
    void sgdIsMicrogradsUpdate() {
        Value p = param(1.0, 0.5);
        Value q = param(-2.0, -4.0);
        SGD sgd = new SGD(List.of(p, q), 0.1);
        sgd.step();
        assertThat(p.data()).isEqualTo(1.0 - 0.1 * 0.5);
        assertThat(q.data()).isEqualTo(-2.0 - 0.1 * -4.0);
        sgd.zeroGrad();
        assertThat(p.grad()).isZero();
        assertThat(q.grad()).isZero();
        assertThat(sgd.toString()).isEqualTo("SGD(lr=0.1, momentum=0.0)");
    }

    @Test
    void sgdWithMomentumAccumulatesAVelocity() {
        Value p = param(1.0, 0.5);
        SGD sgd = new SGD(List.of(p), 0.1, 0.9);
        sgd.step();                                   // v = 0.5, p = 1 - 0.05
        assertThat(p.data()).isCloseTo(0.95, within(1e-15));
        sgd.step();                                   // v = 0.9 * 0.5 + 0.5 = 0.95, p = 0.95 - 0.095
        assertThat(p.data()).isCloseTo(0.855, within(1e-15));
        p.setGrad(-1.0);
        sgd.step();                                   // v = 0.855 - 1 = -0.145, p = 0.855 + 0.0145
        assertThat(p.data()).isCloseTo(0.8695, within(1e-15));
    }

    @Test
    void adamFollowsKingmaAndBaAlgorithm1() {
        Value p = param(1.0, 0.5);
        Adam adam = new Adam(List.of(p), 0.1);
        adam.step();
        // m = 0.1 * 0.5 = 0.05, v = 0.001 * 0.25 = 2.5e-4; mHat = 0.05 / 0.1 = 0.5; vHat = 2.5e-4 / 1e-3 = 0.25
        assertThat(p.data()).isCloseTo(1.0 - 0.1 * 0.5 / (0.5 + 1e-8), within(1e-15));
        p.setGrad(-1.0);
        adam.step();
        // m = 0.9 * 0.05 - 0.1 = -0.055; v = 0.999 * 2.5e-4 + 0.001 = 1.24975e-3
        // mHat = -0.055 / (1 - 0.81) = -0.2894736842...; vHat = 1.24975e-3 / (1 - 0.998001) = 0.6251875937...
        double mHat = -0.055 / 0.19;
        double vHat = 1.24975e-3 / 0.001999;
        assertThat(p.data()).isCloseTo(1.0 - 0.1 * 0.5 / (0.5 + 1e-8) - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8),
                within(1e-14));
        assertThat(p.data()).isCloseTo(0.9366103, within(1e-7));
        assertThat(adam.steps()).isEqualTo(2);
        assertThat(adam.toString()).isEqualTo("Adam(lr=0.1, beta1=0.9, beta2=0.999, eps=1.0E-8)");
    }

    @Test
    void adamsFirstStepIsAboutTheLearningRateWhateverTheGradientsScale() {
        Value small = param(0, 1e-3);
        Value large = param(0, -1e3);
        new Adam(List.of(small, large), 0.01).step();
        assertThat(small.data()).isCloseTo(-0.01, within(1e-6));
        assertThat(large.data()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void theLearningRateCanChangeBetweenSteps() {
        Value p = param(1.0, 1.0);
        Optimizer sgd = new SGD(List.of(p), 0.5);
        sgd.setLearningRate(0.25);
        assertThat(sgd.learningRate()).isEqualTo(0.25);
        sgd.step();
        assertThat(p.data()).isEqualTo(0.75);
    }

    @Test
    void rejectsSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new SGD(List.of(), Double.NaN)).hasMessageContaining("finite number >= 0, got NaN");
        assertThatThrownBy(() -> new SGD(List.of(), -0.1)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new SGD(List.of(), 0.1, 1.0)).hasMessage("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Adam(List.of(), 0.1, 0.9, 1.5, 1e-8)).hasMessageContaining("beta2");
        assertThatThrownBy(() -> new Adam(List.of(), 0.1, 0.9, 0.999, 0)).hasMessageContaining("epsilon");
    }
}
