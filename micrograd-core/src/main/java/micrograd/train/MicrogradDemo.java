package micrograd.train;

import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.data.MersenneTwister;
import micrograd.nn.MLP;

/**
 * micrograd's demo.ipynb, defined once: {@code make_moons(n_samples=100, noise=0.1)} after
 * {@code np.random.seed(seed)}, {@code MLP(2, [16, 16, 1])} after {@code random.seed(seed)}, and its training loop (SVM
 * hinge loss plus 1e-4 L2, 100 steps of full-batch gradient descent, the learning rate falling from 1.0 to 0.1), which
 * is {@link Trainer}'s defaults. {@link MersenneTwister} replays both of Python's streams, so with the notebook's seed,
 * {@link #SEED}, every number is the notebook's own. {@code micrograd demo}, the playground's {@code #demo}, the
 * bench's demo step and lesson 10 all start here.
 *
 * @param seed the notebook's {@code random.seed} and {@code np.random.seed}: 0 to 2^32 - 1
 */
public record MicrogradDemo(long seed) {

    /** The notebook's {@code random.seed(1337)} and {@code np.random.seed(1337)}. */
    public static final long SEED = 1337;
    /** The notebook's {@code n_samples}. */
    public static final int POINTS = 100;
    /** The notebook's {@code noise}. */
    public static final double NOISE = 0.1;

    public MicrogradDemo {
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("the demo's seed is a Python/NumPy seed, from 0 to 4294967295; got "
                    + seed);
        }
    }

    /** The notebook's demo: seed 1337. */
    public MicrogradDemo() {
        this(SEED);
    }

    /** The notebook's 100 moons. */
    public Dataset moons() {
        return moons(POINTS);
    }

    /** {@code points} moons drawn as the notebook draws its 100 (the bench scales the demo's data up with it). */
    public Dataset moons(int points) {
        return Datasets.moons(points, NOISE, MersenneTwister.numpyLegacy(seed));
    }

    /** The notebook's freshly initialised {@code MLP(2, [16, 16, 1])}. */
    public MLP model() {
        return MLP.builder(2).layers(16, 16, 1).random(MersenneTwister.python(seed)).build();
    }

    /** The notebook's training loop, ready for a gradient path or a listener: {@link Trainer}'s defaults. */
    public Trainer.Builder trainer() {
        return Trainer.builder();
    }
}
