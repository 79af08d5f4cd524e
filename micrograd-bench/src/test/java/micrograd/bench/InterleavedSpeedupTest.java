package micrograd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parallel figure's measurement gives finite times for both worker counts, and the bench's median is right. */
class InterleavedSpeedupTest {

    @Test
    void measuresOneAndTwoWorkersAndTheirRatio() {
        InterleavedSpeedup.Result result = InterleavedSpeedup.measure(20, 1, 3, 2_000_000L);
        assertThat(result.oneWorkerMicros()).isPositive().isFinite();
        assertThat(result.twoWorkersMicros()).isPositive().isFinite();
        assertThat(result.speedup()).isPositive().isFinite();
    }

    @Test
    void medianOfOddAndEvenCountsLeavesItsInputAlone() {
        double[] odd = {3, 1, 2};
        assertThat(Bench.median(odd)).isEqualTo(2.0);
        assertThat(odd).containsExactly(3, 1, 2);
        assertThat(Bench.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
