package micrograd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The chain's measurement gives finite times for the engine and the hand-written list, and their ratio. */
class InterleavedChainTest {

    @Test
    void measuresTheEngineAndTheHandWrittenListAtOneLength() {
        InterleavedChain.Point point = InterleavedChain.measure(2_000, 1, 3, 2_000_000L);
        assertThat(point.nodes()).isEqualTo(2_000);
        assertThat(point.engineNanos()).isPositive().isFinite();
        assertThat(point.engineOutsideGcNanos()).isNotNegative().isLessThanOrEqualTo(point.engineNanos());
        assertThat(point.handWrittenNanos()).isPositive().isFinite();
        assertThat(point.ratio()).isPositive().isFinite();
    }
}
