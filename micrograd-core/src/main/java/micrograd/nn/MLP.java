package micrograd.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import micrograd.data.SplitMix64;
import micrograd.engine.Value;

/**
 * A multi-layer perceptron, as micrograd's {@code MLP}: layers of neurons, each layer reading the previous one's
 * outputs. {@code new MLP(2, 16, 16, 1)} is micrograd's {@code MLP(2, [16, 16, 1])}: ReLU hidden layers, a linear last
 * layer, weights uniform in (-1, 1), biases 0, drawn from a generator seeded with {@link #DEFAULT_SEED}. The
 * {@link #builder(int) builder} chooses the activations, the initialisation and the seed.
 *
 * <p>{@link #parameters()} lists layer by layer, neuron by neuron, the weights then the bias (micrograd's order);
 * {@link #parameterData()} and {@link #setParameterData(double[])} read and write them in that order, which is how a
 * model is saved, loaded or set to chosen weights.
 */
public final class MLP implements Module {

    /** The seed of {@code new MLP(nin, nouts...)}, micrograd's demo seed. */
    public static final long DEFAULT_SEED = 1337;

    private final int nin;
    private final List<Layer> layers;
    private final Activation hidden;
    private final Activation output;

    /** micrograd's {@code MLP(nin, nouts)}: ReLU hidden layers, linear output, {@link Init#UNIFORM}, seed 1337. */
    public MLP(int nin, int... nouts) {
        this(nin, toList(nouts), Activation.RELU, Activation.LINEAR, Init.UNIFORM, new SplitMix64(DEFAULT_SEED));
    }

    /**
     * Layers of the given widths; every layer but the last uses {@code hidden}, the last uses {@code output}. The
     * weights are drawn from {@code rng} layer by layer, neuron by neuron, in parameter order.
     */
    public MLP(int nin, List<Integer> nouts, Activation hidden, Activation output, Init init, RandomGenerator rng) {
        if (nin < 1) {
            throw new IllegalArgumentException("an MLP needs at least 1 input, got " + nin);
        }
        if (nouts.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least one layer; give the layer widths, e.g. 16, 16, 1");
        }
        this.nin = nin;
        this.hidden = Objects.requireNonNull(hidden, "hidden activation");
        this.output = Objects.requireNonNull(output, "output activation");
        List<Layer> built = new ArrayList<>(nouts.size());
        int in = nin;
        for (int i = 0; i < nouts.size(); i++) {
            int width = nouts.get(i);
            if (width < 1) {
                throw new IllegalArgumentException("layer " + (i + 1) + " has width " + width + "; every layer needs at least 1 neuron");
            }
            built.add(new Layer(in, width, i == nouts.size() - 1 ? output : hidden, init, rng));
            in = width;
        }
        this.layers = List.copyOf(built);
    }

    /** A builder for an MLP with {@code nin} inputs: {@code MLP.builder(2).layers(16, 16, 1).seed(42).build()}. */
    public static Builder builder(int nin) {
        return new Builder(nin);
    }

    /**
     * The same builder, named for what its number is: micrograd's {@code MLP(2, [16, 16, 1])} is
     * {@code MLP.inputs(2).layers(16, 16, 1).build()}.
     */
    public static Builder inputs(int count) {
        return builder(count);
    }

    /** The network's outputs for inputs {@code x}; a list of one element for a width-1 last layer. */
    public List<Value> forward(List<Value> x) {
        if (x.size() != nin) {
            throw new IllegalArgumentException("this MLP takes " + nin + " inputs, got " + x.size());
        }
        List<Value> out = x;
        for (Layer layer : layers) {
            out = layer.forward(out);
        }
        return out;
    }

    /** {@link #forward(List)} with each input wrapped as a leaf {@code Value}. */
    public List<Value> forward(double... x) {
        List<Value> in = new ArrayList<>(x.length);
        for (double xi : x) {
            in.add(Value.of(xi));
        }
        return forward(in);
    }

    /**
     * The only output of a network whose last layer has width 1 (a score, a regression): {@code forward(x).get(0)}.
     *
     * @throws IllegalStateException when the last layer has more than one output
     */
    public Value forwardOne(double... x) {
        int outputs = layers.get(layers.size() - 1).nout();
        if (outputs != 1) {
            throw new IllegalStateException("this MLP has " + outputs + " outputs; forwardOne needs a last layer of "
                    + "width 1, use forward for the list");
        }
        return forward(x).get(0);
    }

    /**
     * The outputs for inputs {@code x} on plain doubles, without building a graph (for evaluating a trained model on
     * many points); bit-identical to the data of {@link #forward(double...)}.
     */
    public double[] predict(double... x) {
        if (x.length != nin) {
            throw new IllegalArgumentException("this MLP takes " + nin + " inputs, got " + x.length);
        }
        double[] out = x;
        for (Layer layer : layers) {
            out = layer.predict(out);
        }
        return out;
    }

    public int nin() {
        return nin;
    }

    /** The number of outputs (the last layer's width). */
    public int nout() {
        return layers.get(layers.size() - 1).nout();
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The layer widths, e.g. [16, 16, 1]. */
    public List<Integer> sizes() {
        return layers.stream().map(Layer::nout).collect(Collectors.toUnmodifiableList());
    }

    public Activation hiddenActivation() {
        return hidden;
    }

    public Activation outputActivation() {
        return output;
    }

    /** Layer by layer, neuron by neuron, the weights then the bias: micrograd's order. */
    @Override
    public List<Value> parameters() {
        List<Value> p = new ArrayList<>();
        for (Layer layer : layers) {
            p.addAll(layer.parameters());
        }
        return p;
    }

    /** Every parameter's data, in {@link #parameters()} order. */
    public double[] parameterData() {
        return parameters().stream().mapToDouble(Value::data).toArray();
    }

    /**
     * Sets every parameter's data from {@code values}, in {@link #parameters()} order. All values are checked before
     * any is written, so a wrong array leaves the model untouched.
     *
     * @throws IllegalArgumentException if the length differs from {@link #parameterCount()} or a value is not finite
     */
    public void setParameterData(double[] values) {
        List<Value> params = parameters();
        if (values.length != params.size()) {
            throw new IllegalArgumentException("this MLP " + sizes() + " with " + nin + " inputs has " + params.size()
                    + " parameters, got " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("parameter " + i + " is " + values[i] + "; every parameter must be finite");
            }
        }
        for (int i = 0; i < values.length; i++) {
            params.get(i).setData(values[i]);
        }
    }

    /** "MLP of [Layer of [ReLUNeuron(2), ...], Layer of [LinearNeuron(16)]]", as micrograd. */
    @Override
    public String toString() {
        return layers.stream().map(Layer::toString).collect(Collectors.joining(", ", "MLP of [", "]"));
    }

    private static List<Integer> toList(int[] sizes) {
        return Arrays.stream(sizes).boxed().collect(Collectors.toUnmodifiableList());
    }

    /** Chooses the layers, activations, initialisation and random source of an {@link MLP}. */
    public static final class Builder {
        private final int nin;
        private List<Integer> layers = List.of();
        private Activation hidden = Activation.RELU;
        private Activation output = Activation.LINEAR;
        private Init init = Init.UNIFORM;
        private RandomGenerator rng;
        private long seed = DEFAULT_SEED;

        private Builder(int nin) {
            this.nin = nin;
        }

        /** The widths of the layers, the last one being the output width (required). */
        public Builder layers(int... sizes) {
            this.layers = toList(sizes);
            return this;
        }

        /** The activation of every layer but the last (default ReLU). */
        public Builder hidden(Activation activation) {
            this.hidden = Objects.requireNonNull(activation);
            return this;
        }

        /** The activation of the last layer (default linear). */
        public Builder output(Activation activation) {
            this.output = Objects.requireNonNull(activation);
            return this;
        }

        /** The same activation on every layer, the output included (the lecture uses tanh everywhere). */
        public Builder activation(Activation activation) {
            return hidden(activation).output(activation);
        }

        /** The weight initialisation (default micrograd's {@link Init#UNIFORM}). */
        public Builder init(Init init) {
            this.init = Objects.requireNonNull(init);
            return this;
        }

        /**
         * Draws the weights from a {@link SplitMix64} with this seed (default {@link #DEFAULT_SEED}): the numbers of
         * {@code new SplittableRandom(seed)}.
         */
        public Builder seed(long seed) {
            this.seed = seed;
            this.rng = null;
            return this;
        }

        /** Draws the weights from this generator instead of a seeded one. */
        public Builder random(RandomGenerator rng) {
            this.rng = Objects.requireNonNull(rng);
            return this;
        }

        public MLP build() {
            return new MLP(nin, layers, hidden, output, init, rng != null ? rng : new SplitMix64(seed));
        }
    }
}
