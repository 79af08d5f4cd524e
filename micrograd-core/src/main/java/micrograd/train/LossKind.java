package micrograd.train;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import micrograd.nn.MLP;

/**
 * Which {@link Loss} a {@link Trainer} minimises, and how it reads a dataset's labels. The three binary losses want a
 * model with one output (a score or logit) and a two-class dataset; softmax cross-entropy wants one output per class.
 */
public enum LossKind {
    /** micrograd's demo: {@link Loss#hinge} on the labels as -1/+1. */
    HINGE("hinge") {
        @Override
        public Value loss(List<List<Value>> outputs, Dataset batch) {
            return Loss.hinge(firstOutputs(outputs), batch.signedLabels());
        }
    },
    /** The lecture: {@link Loss#mse} against targets -1/+1. */
    MSE("mse") {
        @Override
        public Value loss(List<List<Value>> outputs, Dataset batch) {
            return Loss.mse(firstOutputs(outputs), batch.signedLabels());
        }
    },
    /** {@link Loss#logistic} on the labels as 0/1, the output read as a logit. */
    LOGISTIC("logistic") {
        @Override
        public Value loss(List<List<Value>> outputs, Dataset batch) {
            double[] labels01 = new double[batch.size()];
            for (int i = 0; i < labels01.length; i++) {
                labels01[i] = batch.label(i);
            }
            return Loss.logistic(firstOutputs(outputs), labels01);
        }
    },
    /** {@link Loss#softmaxCrossEntropy} over one logit per class. */
    SOFTMAX_CROSS_ENTROPY("softmax") {
        @Override
        public Value loss(List<List<Value>> outputs, Dataset batch) {
            return Loss.softmaxCrossEntropy(outputs, batch.labels());
        }

        @Override
        public int outputsFor(int classes) {
            return classes;
        }
    };

    private final String shortName;

    LossKind(String shortName) {
        this.shortName = shortName;
    }

    /** The data loss (without regularisation) of the model's outputs on {@code batch}, one output list per row. */
    public abstract Value loss(List<List<Value>> outputs, Dataset batch);

    /** How many outputs the model needs for a dataset of {@code classes} classes. */
    public int outputsFor(int classes) {
        return 1;
    }

    /**
     * Checks that {@code model} and {@code data} fit this loss and each other.
     *
     * @throws IllegalArgumentException saying what does not fit and what would
     */
    public void checkFits(MLP model, Dataset data) {
        if (model.nin() != data.dimension()) {
            throw new IllegalArgumentException("the model takes " + model.nin() + " inputs but the data has "
                    + data.dimension() + " features " + data.featureNames());
        }
        if (outputsFor(data.classes()) == 1 && data.classes() != 2) {
            throw new IllegalArgumentException("the " + shortName + " loss is for 2 classes but the data has "
                    + data.classes() + "; use the softmax loss with one output per class");
        }
        if (model.nout() != outputsFor(data.classes())) {
            throw new IllegalArgumentException("the " + shortName + " loss on " + data.classes() + " classes needs a model with "
                    + outputsFor(data.classes()) + " output(s), this one has " + model.nout());
        }
    }

    /** The name used on the command line and in {@link #toString()}: hinge, mse, logistic, softmax. */
    public String shortName() {
        return shortName;
    }

    /**
     * The loss kind with this short name or constant name, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static LossKind parse(String name) {
        for (LossKind kind : values()) {
            if (kind.shortName.equalsIgnoreCase(name) || kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown loss \"" + name + "\"; use one of hinge, mse, logistic, softmax");
    }

    @Override
    public String toString() {
        return shortName;
    }

    private static List<Value> firstOutputs(List<List<Value>> outputs) {
        List<Value> first = new ArrayList<>(outputs.size());
        for (List<Value> o : outputs) {
            first.add(o.get(0));
        }
        return first;
    }
}
