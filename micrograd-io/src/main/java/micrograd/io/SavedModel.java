package micrograd.io;

import java.util.List;
import micrograd.nn.MLP;

/**
 * A model as read from a model file, with the names of the features it was trained on, in input order, when the file
 * has them (a model trained on a CSV file); an empty list when it does not, and the inputs are then taken by position.
 *
 * @param model        the network
 * @param featureNames one name per input, or none
 */
public record SavedModel(MLP model, List<String> featureNames) {

    public SavedModel {
        featureNames = List.copyOf(featureNames);
        if (!featureNames.isEmpty() && featureNames.size() != model.nin()) {
            throw new IllegalArgumentException("a model with " + model.nin() + " inputs needs " + model.nin()
                    + " feature names, got " + featureNames);
        }
    }
}
