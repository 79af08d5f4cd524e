package micrograd.fast;

import java.util.List;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import micrograd.nn.MLP;
import micrograd.train.BatchGradient;
import micrograd.train.LossKind;

/**
 * The full batch's loss recorded once on a {@link Tape} and replayed every step, on the caller's thread alone: the
 * object graph's numbers bit for bit, with no thread started or waited for (so the page, which has none, runs it too).
 * Only for losses whose graph keeps its shape ({@link DataParallelGradient#canRecord}).
 */
final class TapeGradient implements BatchGradient {

    private final List<Value> parameters;
    private final BatchShard whole;
    private final double[] parameterData;

    /**
     * Records the loss {@code loss + l2 * sum p^2} of {@code model} on {@code batch}.
     *
     * @throws IllegalArgumentException if the model does not fit the data or the loss, or the loss's graph changes
     *                                  shape with the data
     */
    TapeGradient(MLP model, Dataset batch, LossKind loss, double l2) {
        if (!DataParallelGradient.canRecord(loss)) {
            throw new IllegalArgumentException("the tape replays a graph of fixed shape, but the " + loss
                    + " loss picks its formula from the data; use the graph path for it");
        }
        loss.checkFits(model, batch);
        this.parameters = model.parameters();
        this.whole = new BatchShard(model, batch, batch.size(), loss, l2, true);
        this.parameterData = new double[parameters.size()];
    }

    @Override
    public double compute() {
        for (int i = 0; i < parameterData.length; i++) {
            parameterData[i] = parameters.get(i).data();
        }
        whole.run(parameterData);
        whole.addGradientInto(parameters);
        return whole.lossShare();
    }

    @Override
    public double accuracy() {
        return whole.accuracy();
    }
}
