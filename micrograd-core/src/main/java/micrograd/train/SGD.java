package micrograd.train;

import java.util.List;
import micrograd.engine.Value;

/**
 * Stochastic gradient descent, optionally with momentum. Without momentum a step is micrograd's
 * {@code p.data -= learning_rate * p.grad}, bit for bit. With momentum {@code mu} each parameter keeps a velocity
 * {@code v = mu * v + grad} and moves by {@code -lr * v} (Polyak, "Some methods of speeding up the convergence of
 * iteration methods", 1964, in the form of Sutskever, Martens, Dahl and Hinton, "On the importance of initialization
 * and momentum in deep learning", ICML 2013, as PyTorch's {@code SGD} implements it).
 */
public final class SGD extends AbstractOptimizer {

    private final double momentum;
    private final double[] velocity;

    /** Plain gradient descent. */
    public SGD(List<Value> params, double learningRate) {
        this(params, learningRate, 0.0);
    }

    /** Gradient descent with momentum {@code momentum} in [0, 1). */
    public SGD(List<Value> params, double learningRate, double momentum) {
        super(params, learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
        this.velocity = new double[this.params.length];
    }

    @Override
    public void step() {
        for (int i = 0; i < params.length; i++) {
            Value p = params[i];
            double direction = p.grad();
            if (momentum != 0) {
                velocity[i] = momentum * velocity[i] + direction;
                direction = velocity[i];
            }
            p.setData(p.data() - learningRate() * direction);
        }
    }

    public double momentum() {
        return momentum;
    }

    /** "SGD(lr=0.1, momentum=0.9)". */
    @Override
    public String toString() {
        return "SGD(lr=" + learningRate() + ", momentum=" + momentum + ")";
    }
}
