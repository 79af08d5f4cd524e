package micrograd.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two workloads take turns: both are called in every round, warm-up included, and a NaN result is refused. */
class AlternationTest {

    @Test
    void callsBothWorkloadsInEveryRoundAndReportsTheirTimes() {
        AtomicInteger firstCalls = new AtomicInteger();
        AtomicInteger secondCalls = new AtomicInteger();
        Alternation.Result result = Alternation.measure(() -> firstCalls.incrementAndGet(),
                () -> secondCalls.incrementAndGet(), 2, 3, 1_000_000L);
        assertThat(firstCalls.get()).isGreaterThanOrEqualTo(5);
        assertThat(secondCalls.get()).isGreaterThanOrEqualTo(5);
        assertThat(result.firstNanos()).isPositive().isFinite();
        assertThat(result.firstOutsideGcNanos()).isNotNegative().isLessThanOrEqualTo(result.firstNanos());
        assertThat(result.secondNanos()).isPositive().isFinite();
        assertThat(result.ratio()).isPositive().isFinite();
    }

    @Test
    void aCallThatReturnsNanIsAnError() {
        assertThatThrownBy(() -> Alternation.measure(() -> 1.0, () -> Double.NaN, 0, 1, 1_000L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NaN");
    }
}
