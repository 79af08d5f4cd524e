package micrograd.nn;

import java.util.function.UnaryOperator;
import micrograd.engine.Value;

/**
 * The non-linearity a neuron applies to {@code w·x + b}. micrograd itself only knows ReLU and linear; the lecture uses
 * tanh; sigmoid is here for completeness.
 */
public enum Activation {
    RELU("ReLU", Value::relu),
    TANH("Tanh", Value::tanh),
    SIGMOID("Sigmoid", Value::sigmoid),
    LINEAR("Linear", x -> x);

    private final String displayName;
    private final UnaryOperator<Value> function;

    Activation(String displayName, UnaryOperator<Value> function) {
        this.displayName = displayName;
        this.function = function;
    }

    /** Applies the activation as a graph operation (LINEAR returns {@code x} itself and adds no node). */
    public Value apply(Value x) {
        return function.apply(x);
    }

    /**
     * The same number as {@code apply(Value.of(x)).data()}, bit for bit: it goes through the engine's own forward
     * rule, so a plain-double prediction never drifts from the graph's.
     */
    public double apply(double x) {
        return function.apply(Value.of(x)).data();
    }

    /**
     * The output that separates the two classes of a one-output model with this output activation: 0.5 for sigmoid,
     * whose outputs lie between 0 and 1, and 0 for the others (their outputs are scores around 0).
     */
    public double decisionThreshold() {
        return this == SIGMOID ? 0.5 : 0.0;
    }

    /** "ReLU", "Tanh", "Sigmoid" or "Linear": the prefix of a neuron's {@code toString()}, as micrograd's "ReLUNeuron". */
    public String displayName() {
        return displayName;
    }

    /**
     * The activation with this name, ignoring case: the display name ("ReLU") or the constant ("RELU").
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.displayName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation \"" + name + "\"; use one of relu, tanh, sigmoid, linear");
    }
}
