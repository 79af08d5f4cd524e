package micrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test-only generator against numbers printed by CPython 3 and NumPy 2.4 themselves. */
class MersenneTwisterTest {

    @Test
    void matchesTheReferenceImplementation() {
        // Matsumoto and Nishimura's mt19937ar.c: init_genrand(5489) then genrand_int32()
        assertThat(MersenneTwister.numpyLegacy(5489).nextUint32()).isEqualTo(3499211612L);
    }

    @Test
    void matchesPythonsRandomUniform() {
        // random.seed(1337); [random.uniform(-1, 1) for _ in range(3)]
        MersenneTwister r = MersenneTwister.python(1337);
        assertThat(r.nextDouble(-1, 1)).isEqualTo(0.23550571390294128);
        assertThat(r.nextDouble(-1, 1)).isEqualTo(0.06653114721000164);
        assertThat(r.nextDouble(-1, 1)).isEqualTo(-0.26830328150124894);
    }

    @Test
    void matchesNumpysLegacyShuffleAndNormal() {
        // np.random.seed(1337); idx = np.arange(100); np.random.shuffle(idx); np.random.normal(scale=0.1, size=(2, 2))
        MersenneTwister r = MersenneTwister.numpyLegacy(1337);
        int[] idx = new int[100];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        for (int i = idx.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        assertThat(java.util.Arrays.copyOf(idx, 10)).containsExactly(2, 48, 86, 44, 59, 56, 79, 70, 91, 17);
        assertThat(0.1 * r.nextGaussian()).isEqualTo(0.1303245937177223);
        assertThat(0.1 * r.nextGaussian()).isEqualTo(-0.04639998826731903);
        assertThat(0.1 * r.nextGaussian()).isEqualTo(0.1791159796666672);
        assertThat(0.1 * r.nextGaussian()).isEqualTo(-0.005280156072763234);
    }
}
