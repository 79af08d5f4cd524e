package micrograd.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import micrograd.engine.Value;

/** A row of {@code nout} neurons reading the same {@code nin} inputs, as micrograd's {@code Layer}. */
public final class Layer implements Module {

    private final List<Neuron> neurons;

    /** {@code nout} neurons with {@code nin} inputs each, drawn from {@code rng} one neuron after another. */
    public Layer(int nin, int nout, Activation activation, Init init, RandomGenerator rng) {
        if (nout < 1) {
            throw new IllegalArgumentException("a layer needs at least 1 neuron, got " + nout);
        }
        List<Neuron> n = new ArrayList<>(nout);
        for (int i = 0; i < nout; i++) {
            n.add(new Neuron(nin, nout, activation, init, rng));
        }
        this.neurons = List.copyOf(n);
    }

    /** Every neuron's output; a list even for a layer of width 1 (unlike micrograd, which unwraps it). */
    public List<Value> forward(List<Value> x) {
        List<Value> out = new ArrayList<>(neurons.size());
        for (Neuron n : neurons) {
            out.add(n.forward(x));
        }
        return out;
    }

    /** {@link #forward} on plain doubles, bit-identical to its data, without building a graph. */
    double[] predict(double[] x) {
        double[] out = new double[neurons.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = neurons.get(i).predict(x);
        }
        return out;
    }

    public List<Neuron> neurons() {
        return neurons;
    }

    /** The number of inputs of each neuron. */
    public int nin() {
        return neurons.get(0).nin();
    }

    /** The number of neurons (outputs). */
    public int nout() {
        return neurons.size();
    }

    public Activation activation() {
        return neurons.get(0).activation();
    }

    /** Neuron by neuron, each its weights then its bias. */
    @Override
    public List<Value> parameters() {
        List<Value> p = new ArrayList<>();
        for (Neuron n : neurons) {
            p.addAll(n.parameters());
        }
        return p;
    }

    /** "Layer of [ReLUNeuron(2), ReLUNeuron(2)]", as micrograd. */
    @Override
    public String toString() {
        return neurons.stream().map(Neuron::toString).collect(Collectors.joining(", ", "Layer of [", "]"));
    }
}
