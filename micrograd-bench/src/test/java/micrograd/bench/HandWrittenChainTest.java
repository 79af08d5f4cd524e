package micrograd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hand-written chain does the engine's chain's work: the same dx, bit for bit, at odd and even lengths. */
class HandWrittenChainTest {

    @Test
    void theHandWrittenChainComputesTheEnginesGradient() {
        for (int n : new int[] {0, 1, 2, 3, 10, 101, 1000, 54_321}) {
            assertThat(HandWrittenChain.buildAndBackward(n)).as("dx for %d operations", n)
                    .isEqualTo(Chain.buildAndBackward(n));
        }
    }

    @Test
    void theGradientIsTheDerivativeOfTheChain() {
        // x + x, then tanh: d tanh(2x) / dx = 2 (1 - tanh(2x)^2); at x = 1e-3 that is 2 (1 - tanh(0.002)^2).
        double t = Math.tanh(2e-3);
        assertThat(HandWrittenChain.buildAndBackward(2)).isEqualTo(2 * (1 - t * t));
    }
}
