package micrograd.io;

import java.util.List;
import java.util.Objects;
import micrograd.nn.MLP;

/**
 * A model as read from a model file, with the names of the features it was trained on, in input order, and the names
 * of its classes, in class order, when the file has them (a model trained on a CSV file). An empty list when it does
 * not: the inputs are then taken by position, and the classes are told by their indexes. A model saved by a training
 * run carries the run's id, which the run also writes into its pictures: files with the same id are of one run.
 *
 * @param model        the network
 * @param featureNames one name per input, or none
 * @param classNames   one name per class (2 for a one-output model, else one per output), or none
 * @param run          the id of the run that saved it, or empty
 */
public record SavedModel(MLP model, List<String> featureNames, List<String> classNames, String run) {

    public SavedModel {
        Objects.requireNonNull(run, "run");
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        if (!featureNames.isEmpty() && featureNames.size() != model.nin()) {
            throw new IllegalArgumentException("a model with " + model.nin() + " inputs needs " + model.nin()
                    + " feature names, got " + featureNames);
        }
        if (!classNames.isEmpty() && classNames.size() != classes(model)) {
            throw new IllegalArgumentException("a model of " + classes(model) + " classes needs " + classes(model)
                    + " class names, got " + classNames);
        }
    }

    /** A model and its names, saved by no particular run. */
    public SavedModel(MLP model, List<String> featureNames, List<String> classNames) {
        this(model, featureNames, classNames, "");
    }

    /** The classes {@code model} tells apart: 2 for one output (above or below its threshold), else one per output. */
    static int classes(MLP model) {
        return model.nout() == 1 ? 2 : model.nout();
    }

    /** Class {@code index} as the user knows it: its name when the file has the names, else the index itself. */
    public String className(int index) {
        return classNames.isEmpty() ? Integer.toString(index) : classNames.get(index);
    }
}
