package micrograd.fast;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.SplitMix64;
import micrograd.engine.Value;
import micrograd.nn.Init;
import micrograd.nn.MLP;
import micrograd.train.Loss;
import micrograd.train.LossKind;
import micrograd.train.Metrics;

/**
 * Some rows of a batch and their share of its loss, {@code (rows / batch size) * loss(rows)} (plus the L2 term when
 * given one), over a copy of the model: where the graph's shape is fixed, recorded once on a {@link Tape} and replayed,
 * else built anew each run. {@link TapeGradient} runs one over the whole batch; {@link DataParallelGradient} gives
 * several to its threads.
 */
final class BatchShard {

    private final MLP copy;
    private final List<Value> parameters;
    private final Dataset rows;
    private final int batchSize;
    private final LossKind loss;
    private final double l2;
    private final Tape tape;
    private final List<List<Value>> recordedOutputs;
    private double lossShare;
    private double accuracy;

    /**
     * The share of {@code rows} in a batch of {@code batchSize} rows of {@code model}'s loss, on a copy of the model;
     * recorded on a tape when {@code taped}.
     */
    BatchShard(MLP model, Dataset rows, int batchSize, LossKind loss, double l2, boolean taped) {
        this.copy = copyOf(model);
        this.parameters = copy.parameters();
        this.rows = rows;
        this.batchSize = batchSize;
        this.loss = loss;
        this.l2 = l2;
        if (taped) {
            recordedOutputs = new ArrayList<>(rows.size());
            Value share = build(recordedOutputs);
            tape = Tape.record(share, recordedOutputs.stream().flatMap(List::stream).toList());
        } else {
            recordedOutputs = null;
            tape = null;
        }
    }

    /** An MLP of the same architecture holding the same parameter values. */
    private static MLP copyOf(MLP model) {
        MLP copy = new MLP(model.nin(), model.sizes(), model.hiddenActivation(), model.outputActivation(),
                Init.UNIFORM, new SplitMix64(0));
        copy.setParameterData(model.parameterData());
        return copy;
    }

    /** This shard's share of the loss, as a graph over the copy's parameters; fills {@code outputs}. */
    private Value build(List<List<Value>> outputs) {
        for (int i = 0; i < rows.size(); i++) {
            outputs.add(copy.forward(rows.row(i)));
        }
        Value share = loss.loss(outputs, rows);
        if (rows.size() != batchSize) {
            share = share.mul((double) rows.size() / batchSize);
        }
        return l2 > 0 ? share.add(Loss.l2(parameters, l2)) : share;
    }

    /** The share's loss and gradient at {@code parameterData} (in the model's parameter order). */
    void run(double[] parameterData) {
        for (int i = 0; i < parameters.size(); i++) {
            Value p = parameters.get(i);
            p.setData(parameterData[i]);
            p.setGrad(0);
        }
        List<List<Value>> outputs;
        if (tape != null) {
            lossShare = tape.forward();
            tape.backward();
            outputs = recordedOutputs;
        } else {
            outputs = new ArrayList<>(rows.size());
            Value share = build(outputs);
            share.backward();
            lossShare = share.data();
        }
        accuracy = Metrics.batchAccuracy(outputs, rows);
    }

    /** Adds the last run's gradient into {@code modelParameters}' grads (the model's, in its parameter order). */
    void addGradientInto(List<Value> modelParameters) {
        for (int i = 0; i < modelParameters.size(); i++) {
            Value p = modelParameters.get(i);
            p.setGrad(p.grad() + parameters.get(i).grad());
        }
    }

    /** The last run's share of the loss. */
    double lossShare() {
        return lossShare;
    }

    /** The last run's accuracy on this shard's rows, 0 to 1. */
    double accuracy() {
        return accuracy;
    }

    /** How many rows of the batch this shard holds. */
    int size() {
        return rows.size();
    }

    /** Whether the share is replayed from a tape rather than built each run. */
    boolean taped() {
        return tape != null;
    }
}
