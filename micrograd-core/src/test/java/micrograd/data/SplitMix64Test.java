package micrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Every draw against {@link SplittableRandom} itself, the class whose numbers SplitMix64 must give. */
class SplitMix64Test {

    private static final int DRAWS = 2_000;

    /** Seeds near the edges of a long, small ones, and 200 from a generator of their own. */
    private static long[] seeds() {
        long[] seeds = new long[210];
        long[] edges = {0, 1, -1, 2, 42, 1337, Long.MIN_VALUE, Long.MAX_VALUE, 0x9e3779b97f4a7c15L, -0x9e3779b97f4a7c15L};
        System.arraycopy(edges, 0, seeds, 0, edges.length);
        SplittableRandom seedSource = new SplittableRandom(20261130);
        for (int i = edges.length; i < seeds.length; i++) {
            seeds[i] = seedSource.nextLong();
        }
        return seeds;
    }

    private static void assertSameDraws(ToDoubleFunction<RandomGenerator> draw) {
        for (long seed : seeds()) {
            RandomGenerator jdk = new SplittableRandom(seed);
            RandomGenerator ours = new SplitMix64(seed);
            for (int i = 0; i < DRAWS; i++) {
                double expected = draw.applyAsDouble(jdk);
                double actual = draw.applyAsDouble(ours);
                assertThat(Double.doubleToRawLongBits(actual)).as("seed %d, draw %d", seed, i)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @Test
    void nextLongIsSplittableRandoms() {
        for (long seed : seeds()) {
            SplittableRandom jdk = new SplittableRandom(seed);
            SplitMix64 ours = new SplitMix64(seed);
            for (int i = 0; i < DRAWS; i++) {
                assertThat(ours.nextLong()).as("seed %d, draw %d", seed, i).isEqualTo(jdk.nextLong());
            }
        }
    }

    @Test
    void nextIntIsSplittableRandoms() {
        assertSameDraws(RandomGenerator::nextInt);
    }

    @Test
    void boundedNextIntIsSplittableRandomsForPowersOfTwoAndOthers() {
        // 1 << 30 + 1 rejects almost half the draws, so the rejection loop runs often
        for (int bound : new int[] {1, 2, 3, 7, 10, 64, 100, 1000, 1 << 20, (1 << 30) + 1, Integer.MAX_VALUE}) {
            assertSameDraws(rng -> rng.nextInt(bound));
        }
    }

    @Test
    void boundedNextIntOverMixedBoundsLikeAShuffle() {
        assertSameDraws(rng -> rng.nextInt(1 + (int) (rng.nextLong() >>> 40)));
    }

    @Test
    void nextDoubleIsSplittableRandoms() {
        assertSameDraws(RandomGenerator::nextDouble);
    }

    @Test
    void nextDoubleInARangeIsSplittableRandoms() {
        assertSameDraws(rng -> rng.nextDouble(-1, 1));
        assertSameDraws(rng -> rng.nextDouble(-0.5773502691896258, 0.5773502691896258));
        assertSameDraws(rng -> rng.nextDouble(1e-300, 2e-300));
        assertSameDraws(rng -> rng.nextDouble(-Double.MAX_VALUE / 2, Double.MAX_VALUE / 2));
    }

    @Test
    void nextBooleanIsSplittableRandoms() {
        assertSameDraws(rng -> rng.nextBoolean() ? 1 : 0);
    }

    @Test
    void nextGaussianOnTheJvmIsSplittableRandoms() {
        assertSameDraws(RandomGenerator::nextGaussian);
    }

    @Test
    void drawsOfDifferentKindsInterleavedStayInStep() {
        assertSameDraws(rng -> rng.nextInt(17) + rng.nextDouble() + rng.nextLong() + rng.nextDouble(-3, 5)
                + (rng.nextBoolean() ? 1 : 0) + rng.nextGaussian());
    }

    @Test
    void rejectsTheBoundsTheJdkRejects() {
        SplitMix64 rng = new SplitMix64(1);
        assertThatThrownBy(() -> rng.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rng.nextInt(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rng.nextDouble(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rng.nextDouble(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rng.nextDouble(-Double.MAX_VALUE, Double.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SplittableRandom(1).nextDouble(-Double.MAX_VALUE, Double.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
