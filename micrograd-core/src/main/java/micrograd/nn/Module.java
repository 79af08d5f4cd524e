package micrograd.nn;

import java.util.List;
import micrograd.engine.Value;

/**
 * Anything with trainable parameters, as micrograd's {@code Module}: a neuron, a layer, a whole network.
 */
public interface Module {

    /** The trainable parameters, in a fixed documented order (for a network: layer by layer, neuron by neuron, the
     *  weights then the bias). The list is a fresh copy; the values in it are the live parameters. */
    List<Value> parameters();

    /** Sets every parameter's gradient to 0; call it before each {@code backward()}, since gradients accumulate. */
    default void zeroGrad() {
        for (Value p : parameters()) {
            p.setGrad(0);
        }
    }

    /** How many scalars {@link #parameters()} holds. */
    default int parameterCount() {
        return parameters().size();
    }
}
