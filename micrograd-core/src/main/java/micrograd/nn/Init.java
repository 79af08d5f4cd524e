package micrograd.nn;

import java.util.random.RandomGenerator;

/**
 * How a neuron's weights start. Every scheme draws each weight uniformly from {@code (-bound, bound)} and sets the
 * bias to 0; they differ in the bound.
 */
public enum Init {
    /** micrograd's choice: {@code random.uniform(-1, 1)}, whatever the layer's size. */
    UNIFORM {
        @Override
        public double bound(int fanIn, int fanOut) {
            return 1.0;
        }
    },
    /**
     * Glorot and Bengio, "Understanding the difficulty of training deep feedforward neural networks" (AISTATS 2010):
     * bound {@code sqrt(6 / (fanIn + fanOut))}, which keeps the variance of activations and of gradients about
     * constant across layers for tanh and sigmoid.
     */
    XAVIER_UNIFORM {
        @Override
        public double bound(int fanIn, int fanOut) {
            return Math.sqrt(6.0 / (fanIn + fanOut));
        }
    },
    /**
     * He, Zhang, Ren and Sun, "Delving Deep into Rectifiers" (ICCV 2015): bound {@code sqrt(6 / fanIn)}, the gain
     * {@code sqrt(2)} compensating for ReLU zeroing half of its inputs.
     */
    KAIMING_UNIFORM {
        @Override
        public double bound(int fanIn, int fanOut) {
            return Math.sqrt(6.0 / fanIn);
        }
    };

    /** Half-width of the uniform interval for a neuron with {@code fanIn} inputs in a layer of {@code fanOut} neurons. */
    public abstract double bound(int fanIn, int fanOut);

    /**
     * The initialisation with this name, ignoring case: "uniform", "xavier", "kaiming", or the constant's name.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Init parse(String name) {
        for (Init init : values()) {
            if (init.name().equalsIgnoreCase(name) || init.name().split("_")[0].equalsIgnoreCase(name)) {
                return init;
            }
        }
        throw new IllegalArgumentException("unknown initialisation \"" + name + "\"; use one of uniform, xavier, kaiming");
    }

    /** One weight drawn uniformly from {@code [-bound, bound)}. */
    public double sample(int fanIn, int fanOut, RandomGenerator rng) {
        double bound = bound(fanIn, fanOut);
        return rng.nextDouble(-bound, bound);
    }
}
