package micrograd.train;

import java.util.List;
import micrograd.engine.Value;

/**
 * What every optimizer shares: the parameters it moves (a snapshot of the list given), their zeroing, and a
 * learning rate that must be finite and not negative.
 */
public abstract class AbstractOptimizer implements Optimizer {

    /** The parameters, in the order given. */
    protected final Value[] params;
    private double learningRate;

    protected AbstractOptimizer(List<Value> params, double learningRate) {
        this.params = params.toArray(new Value[0]);
        setLearningRate(learningRate);
    }

    @Override
    public void zeroGrad() {
        for (Value p : params) {
            p.setGrad(0);
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a finite number >= 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }
}
