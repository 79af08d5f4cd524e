package micrograd.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import micrograd.engine.Value;

/**
 * One neuron: {@code activation(b + w0*x0 + w1*x1 + ...)}, as micrograd's {@code Neuron}. The weighted sum is one
 * n-ary sum node ({@link Value#weightedSum}) whose terms are added in micrograd's order (the bias first), so its value
 * is bit for bit what micrograd's {@code sum(..., self.b)} computes.
 */
public final class Neuron implements Module {

    private final List<Value> weights;
    private final Value bias;
    private final Activation activation;

    /**
     * A neuron with {@code nin} weights drawn by {@code init} and bias 0, as if alone in a layer (fan-out 1).
     */
    public Neuron(int nin, Activation activation, Init init, RandomGenerator rng) {
        this(nin, 1, activation, init, rng);
    }

    /** A neuron of a layer {@code fanOut} neurons wide (the fan-out matters to {@link Init#XAVIER_UNIFORM} only). */
    public Neuron(int nin, int fanOut, Activation activation, Init init, RandomGenerator rng) {
        if (nin < 1) {
            throw new IllegalArgumentException("a neuron needs at least 1 input, got " + nin);
        }
        this.activation = Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(rng, "rng");
        List<Value> w = new ArrayList<>(nin);
        for (int i = 0; i < nin; i++) {
            w.add(Value.of(init.sample(nin, fanOut, rng)));
        }
        this.weights = List.copyOf(w);
        this.bias = Value.of(0.0);
    }

    /** {@code activation(b + sum of w_i * x_i)} as a graph over the weights, the bias and {@code x}. */
    public Value forward(List<Value> x) {
        if (x.size() != weights.size()) {
            throw new IllegalArgumentException(
                    "this neuron takes " + weights.size() + " inputs, got " + x.size());
        }
        return activation.apply(Value.weightedSum(bias, weights, x));
    }

    /**
     * The same number as {@code forward(...).data()} computed on plain doubles, without building a graph: the same
     * operations in the same order, so the result is bit-identical.
     */
    double predict(double[] x) {
        double total = 0;
        total += bias.data();
        for (int i = 0; i < weights.size(); i++) {
            total += weights.get(i).data() * x[i];
        }
        return activation.apply(total);
    }

    /** The weights, live (changing their data changes the neuron). */
    public List<Value> weights() {
        return weights;
    }

    public Value bias() {
        return bias;
    }

    public Activation activation() {
        return activation;
    }

    /** The number of inputs. */
    public int nin() {
        return weights.size();
    }

    /** The weights then the bias, as micrograd. */
    @Override
    public List<Value> parameters() {
        List<Value> p = new ArrayList<>(weights.size() + 1);
        p.addAll(weights);
        p.add(bias);
        return p;
    }

    /** "ReLUNeuron(2)", as micrograd. */
    @Override
    public String toString() {
        return activation.displayName() + "Neuron(" + weights.size() + ")";
    }
}
