package micrograd.gpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** MicrogptAdam against the original's formula as written, with {@code Math.pow(v_hat, 0.5)}, bit for bit. */
class MicrogptAdamTest {

    @Test
    void squareRootGivesWhatPowOfOneHalfGives() {
        int count = 5000;
        int steps = 200;
        SplittableRandom random = new SplittableRandom(7);
        double[] weights = new double[count];
        double[] expected = new double[count];
        for (int i = 0; i < count; i++) {
            weights[i] = random.nextGaussian() * 0.08;
            expected[i] = weights[i];
        }
        double[] m = new double[count];
        double[] v = new double[count];
        double[] grads = new double[count];
        MicrogptAdam adam = new MicrogptAdam(count);
        for (int step = 0; step < steps; step++) {
            double lrT = MicrogptAdam.LEARNING_RATE * (1 - (double) step / steps);
            for (int i = 0; i < count; i++) {
                // grads over many orders of magnitude, so v_hat does too
                double g = random.nextGaussian() * Math.pow(10, random.nextInt(-12, 3));
                grads[i] = g;
                m[i] = MicrogptAdam.BETA1 * m[i] + (1 - MicrogptAdam.BETA1) * g;
                v[i] = MicrogptAdam.BETA2 * v[i] + (1 - MicrogptAdam.BETA2) * Math.pow(g, 2);
                double mHat = m[i] / (1 - Math.pow(MicrogptAdam.BETA1, step + 1));
                double vHat = v[i] / (1 - Math.pow(MicrogptAdam.BETA2, step + 1));
                expected[i] = expected[i] - lrT * mHat / (Math.pow(vHat, 0.5) + MicrogptAdam.EPS);
            }
            adam.step(weights, grads, step, steps);
            assertThat(grads).containsOnly(0.0);
        }
        assertThat(weights).containsExactly(expected);
    }
}
