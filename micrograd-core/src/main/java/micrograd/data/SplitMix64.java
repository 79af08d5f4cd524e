package micrograd.data;

import java.util.random.RandomGenerator;

/**
 * The numbers of {@code new java.util.SplittableRandom(seed)}, from code the browser build can compile: TeaVM's class
 * library has no {@code SplittableRandom}, and its defaults for {@link RandomGenerator}'s derived draws
 * ({@code nextInt(bound)}, {@code nextDouble(origin, bound)}) are not the JDK's. The generator is SplitMix64 (Steele,
 * Lea and Flood, 2014, "Fast splittable pseudorandom number generators", OOPSLA): the state advances by the golden
 * gamma and each draw is a bit-mix of it. Every method the project draws with is written here as the JDK 17 computes
 * it, so it is the same code on the JVM and in the browser; {@link #nextGaussian()} is not (the JDK's is a ziggurat
 * with large tables), so on the JVM it is the JDK's and equals {@code SplittableRandom}'s, while TeaVM's differs.
 * A test compares every method with {@code SplittableRandom} itself. Not thread-safe.
 */
public final class SplitMix64 implements RandomGenerator {

    /** The odd integer closest to 2^64 divided by the golden ratio: SplittableRandom's gamma for a given seed. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** The generator {@code new SplittableRandom(seed)} is. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        return mix64(nextState());
    }

    @Override
    public int nextInt() {
        return mix32(nextState());
    }

    /** The JDK's bounded draw: a power of two masks, anything else rejects the over-represented top of the range. */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        int u = r >>> 1;
        while (u + m - (r = u % bound) < 0) {
            u = nextInt() >>> 1;
        }
        return r;
    }

    /** The top 53 bits of {@link #nextLong()}, scaled to [0, 1). */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** {@link #nextDouble()} scaled to [origin, bound), rounded down below {@code bound} when it lands on it. */
    @Override
    public double nextDouble(double origin, double bound) {
        if (!(origin < bound && bound - origin < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("need origin < bound and a finite range, got " + origin + ", " + bound);
        }
        double r = nextDouble() * (bound - origin) + origin;
        return r >= bound ? Math.nextAfter(bound, origin) : r;
    }

    @Override
    public boolean nextBoolean() {
        return nextInt() < 0;
    }

    @Override
    public String toString() {
        return "SplitMix64";
    }

    private long nextState() {
        return state += GOLDEN_GAMMA;
    }

    /** Stafford's variant 13 of MurmurHash3's 64-bit finaliser. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The high 32 bits of Stafford's variant 4. */
    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
