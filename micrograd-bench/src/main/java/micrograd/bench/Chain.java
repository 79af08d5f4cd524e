package micrograd.bench;

import micrograd.engine.Value;

/** The depth workload: a chain of n operations, alternately {@code v + x} and {@code tanh(v)}, then backward. */
public final class Chain {

    private Chain() {
    }

    /** Builds the chain of {@code n} operations on a leaf x, backpropagates, and returns dx. */
    public static double buildAndBackward(int n) {
        Value x = Value.of(1e-3);
        Value v = x;
        for (int i = 0; i < n; i++) {
            v = (i & 1) == 0 ? v.add(x) : v.tanh();
        }
        v.backward();
        return x.grad();
    }
}
