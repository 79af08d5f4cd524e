package micrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void linearDecayIsMicrogradsDemoScheduleBitForBit() {
        LearningRateSchedule demo = LearningRateSchedule.linearDecay(1.0, 0.1, 100);
        for (int k = 0; k < 100; k++) {
            assertThat(demo.at(k)).as("step %d", k).isEqualTo(1.0 - 0.9 * k / 100);
        }
        assertThat(demo.at(0)).isEqualTo(1.0);
        assertThat(demo.at(50)).isEqualTo(0.55);
        assertThat(demo.at(100)).isCloseTo(0.1, within(1e-16));
        assertThat(demo.at(500)).isEqualTo(demo.at(100));
        assertThat(demo.toString()).isEqualTo("linearDecay(1.0 -> 0.1 over 100 steps)");
    }

    @Test
    void linearToZeroIsMicrogptsScheduleBitForBit() {
        LearningRateSchedule microgpt = LearningRateSchedule.linearToZero(0.01, 1000);
        int differFromLinearDecay = 0;
        for (int step = 0; step < 1000; step++) {
            assertThat(microgpt.at(step)).as("step %d", step).isEqualTo(0.01 * (1 - step / 1000.0));
            if (microgpt.at(step) != LearningRateSchedule.linearDecay(0.01, 0, 1000).at(step)) {
                differFromLinearDecay++;
            }
        }
        // the same line, rounded differently: why microgpt needs its own order
        assertThat(differFromLinearDecay).isPositive();
        assertThat(microgpt.at(1000)).isZero();
        assertThat(microgpt.at(2000)).isZero();
        assertThat(microgpt.toString()).isEqualTo("linearToZero(0.01 over 1000 steps)");
        assertThatThrownBy(() -> LearningRateSchedule.linearToZero(0.01, 0)).hasMessageContaining("at least 1 step");
    }

    @Test
    void otherSchedules() {
        assertThat(LearningRateSchedule.constant(0.05).at(123)).isEqualTo(0.05);
        assertThat(LearningRateSchedule.constant(0.05).toString()).isEqualTo("constant(0.05)");
        LearningRateSchedule steps = LearningRateSchedule.stepDecay(1.0, 0.5, 10);
        assertThat(steps.at(9)).isEqualTo(1.0);
        assertThat(steps.at(10)).isEqualTo(0.5);
        assertThat(steps.at(25)).isEqualTo(0.25);
        LearningRateSchedule cosine = LearningRateSchedule.cosine(1.0, 0.0, 100);
        assertThat(cosine.at(0)).isEqualTo(1.0);
        assertThat(cosine.at(50)).isCloseTo(0.5, within(1e-15));
        assertThat(cosine.at(25)).isCloseTo((1 + Math.sqrt(0.5)) / 2, within(1e-15));
        assertThat(cosine.at(100)).isEqualTo(0.0);
        assertThat(cosine.at(150)).isEqualTo(0.0);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> LearningRateSchedule.linearDecay(1, 0.1, 0)).hasMessageContaining("at least 1 step");
        assertThatThrownBy(() -> LearningRateSchedule.constant(1).at(-1)).hasMessage("steps count from 0, got -1");
    }
}
