package micrograd.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import micrograd.engine.Value;
import micrograd.train.Adam;
import micrograd.train.LearningRateSchedule;
import org.junit.jupiter.api.Test;

/**
 * microgpt's optimizer is {@link Adam} with the original's settings and {@link LearningRateSchedule#linearToZero}:
 * both of Adam's steps (on the {@code Value}s and on arrays) against the original's update as written, with
 * {@code g ** 2} and {@code v_hat ** 0.5} taken by {@code Math.pow}, bit for bit.
 */
class MicrogptAdamTest {

    private static final int COUNT = 3000;
    private static final int STEPS = 200;

    @Test
    void adamWithTheOriginalsSettingsGivesTheOriginalsUpdateBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        double[] expected = new double[COUNT];
        List<Value> params = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            expected[i] = random.nextGaussian() * 0.08;
            params.add(Value.of(expected[i]));
        }
        double[] weights = expected.clone();
        double[] m = new double[COUNT];
        double[] v = new double[COUNT];
        double[] grads = new double[COUNT];
        Adam onArrays = new Adam(params, 0, Microgpt.BETA1, Microgpt.BETA2, Microgpt.EPS);
        Adam onValues = new Adam(params, 0, Microgpt.BETA1, Microgpt.BETA2, Microgpt.EPS);
        LearningRateSchedule schedule = LearningRateSchedule.linearToZero(Microgpt.LEARNING_RATE, STEPS);
        for (int step = 0; step < STEPS; step++) {
            double lrT = Microgpt.LEARNING_RATE * (1 - (double) step / STEPS);
            for (int i = 0; i < COUNT; i++) {
                // grads over many orders of magnitude, so v_hat does too
                double g = random.nextGaussian() * Math.pow(10, random.nextInt(-12, 3));
                grads[i] = g;
                params.get(i).setGrad(g);
                m[i] = Microgpt.BETA1 * m[i] + (1 - Microgpt.BETA1) * g;
                v[i] = Microgpt.BETA2 * v[i] + (1 - Microgpt.BETA2) * Math.pow(g, 2);
                double mHat = m[i] / (1 - Math.pow(Microgpt.BETA1, step + 1));
                double vHat = v[i] / (1 - Math.pow(Microgpt.BETA2, step + 1));
                expected[i] = expected[i] - lrT * mHat / (Math.pow(vHat, 0.5) + Microgpt.EPS);
            }
            assertThat(schedule.at(step)).isEqualTo(lrT);
            onArrays.setLearningRate(schedule.at(step));
            onArrays.step(weights, grads);
            onValues.setLearningRate(schedule.at(step));
            onValues.step();
        }
        assertThat(weights).containsExactly(expected);
        assertThat(params.stream().mapToDouble(Value::data).toArray()).containsExactly(expected);
    }

    @Test
    void arraysOfAnotherLengthAreRefused() {
        Adam adam = new Adam(List.of(Value.of(1), Value.of(2)), 0.01);
        assertThatThrownBy(() -> adam.step(new double[3], new double[2]))
                .hasMessage("Adam has 2 parameters, got 3 data and 2 grads");
    }
}
