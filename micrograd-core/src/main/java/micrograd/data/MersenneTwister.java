package micrograd.data;

import java.util.random.RandomGenerator;

/**
 * MT19937 (Matsumoto and Nishimura, 1998, "Mersenne Twister: a 623-dimensionally equidistributed uniform
 * pseudo-random number generator", ACM TOMACS 8(1)) with the seeding and the derived draws of CPython's
 * {@code random} and of NumPy's legacy {@code RandomState}, so that Java code can replay micrograd's demo notebook
 * number for number. The notebook calls {@code random.seed(1337)} (micrograd draws its weights with
 * {@code random.uniform(-1, 1)}) and {@code np.random.seed(1337)} ({@code make_moons} shuffles with
 * {@code RandomState.shuffle} and adds {@code RandomState.normal} noise):
 * <pre>{@code
 * Dataset moons = Datasets.moons(100, 0.1, MersenneTwister.numpyLegacy(1337));
 * MLP model = MLP.builder(2).layers(16, 16, 1).random(MersenneTwister.python(1337)).build();
 * }</pre>
 * Only the draws those calls make are Python's ({@link #nextDouble()}, {@link #nextInt(int)} as NumPy's
 * {@code shuffle} draws, {@link #nextGaussian()} as NumPy's legacy normal); the other methods are the JDK's defaults
 * on top of them. Not thread-safe.
 */
public final class MersenneTwister implements RandomGenerator {

    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int index = N;
    private boolean hasGauss;
    private double gauss;

    private MersenneTwister() {
    }

    /** A generator in this one's state, which then draws the same numbers without moving this one. */
    public MersenneTwister copy() {
        MersenneTwister copy = new MersenneTwister();
        System.arraycopy(mt, 0, copy.mt, 0, N);
        copy.index = index;
        copy.hasGauss = hasGauss;
        copy.gauss = gauss;
        return copy;
    }

    @Override
    public String toString() {
        return "MersenneTwister(MT19937)";
    }

    /** CPython's {@code random.seed(seed)} for a seed below 2^32: {@code init_by_array([seed])}. */
    public static MersenneTwister python(long seed) {
        checkSeed(seed);
        MersenneTwister r = new MersenneTwister();
        r.initByArray(new int[] {(int) seed});
        return r;
    }

    /** NumPy's {@code np.random.seed(seed)} for a seed below 2^32: {@code init_genrand(seed)}. */
    public static MersenneTwister numpyLegacy(long seed) {
        checkSeed(seed);
        MersenneTwister r = new MersenneTwister();
        r.initGenrand((int) seed);
        return r;
    }

    private static void checkSeed(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("a Python/NumPy seed here must be in [0, 2^32), got " + seed);
        }
    }

    private void initGenrand(int seed) {
        mt[0] = seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    /** genrand_int32, as an unsigned value in a long. */
    public long nextUint32() {
        if (index >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    @Override
    public long nextLong() {
        return (nextUint32() << 32) | nextUint32();
    }

    /** {@code random.random()} and {@code RandomState.random_sample()}: 53 bits from two draws. */
    @Override
    public double nextDouble() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** NumPy's {@code random_interval(bound - 1)}: masked rejection sampling, as its legacy {@code shuffle} draws. */
    @Override
    public int nextInt(int bound) {
        long max = bound - 1;
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return (int) value;
    }

    /** NumPy's {@code legacy_gauss}: the polar Box-Muller method, each pair's second value kept for the next call. */
    @Override
    public double nextGaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }
}
