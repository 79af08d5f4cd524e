package micrograd.train;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import micrograd.nn.MLP;

/**
 * The batch's loss and gradient on the object graph, as micrograd's demo computes them: run the model on every row,
 * build the loss (plus the L2 term), and call {@link Value#backward()} on it. The graph is built anew at every
 * {@link #compute()}, from the parameters' current data.
 */
final class GraphGradient implements BatchGradient {

    private final MLP model;
    private final Dataset batch;
    private final LossKind loss;
    private final double l2;
    private double lastAccuracy = Double.NaN;

    private GraphGradient(MLP model, Dataset batch, LossKind loss, double l2) {
        loss.checkFits(model, batch);
        this.model = model;
        this.batch = batch;
        this.loss = loss;
        this.l2 = l2;
    }

    @Override
    public double compute() {
        List<List<Value>> outputs = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            outputs.add(model.forward(batch.row(i)));
        }
        Value total = loss.loss(outputs, batch);
        if (l2 > 0) {
            total = total.add(Loss.l2(model.parameters(), l2));
        }
        lastAccuracy = Metrics.batchAccuracy(outputs, batch);
        total.backward();
        return total.data();
    }

    @Override
    public double accuracy() {
        return lastAccuracy;
    }

    /** {@link GradientPath#GRAPH}. */
    static final class Path implements GradientPath {
        @Override
        public BatchGradient prepare(MLP model, Dataset batch, LossKind loss, double l2) {
            return new GraphGradient(model, batch, loss, l2);
        }

        @Override
        public boolean allowsMiniBatches() {
            return true;
        }

        @Override
        public String toString() {
            return "graph";
        }
    }
}
