package micrograd.csv;

import java.util.List;
import micrograd.data.Dataset;

/**
 * A classification dataset read from a CSV file, with the name of each class as the file writes it: class k's name is
 * {@code classNames.get(k)}. A model file keeps the names, so that {@code predict} answers in the user's labels
 * ({@code cat}, or {@code 2}) rather than in class indexes.
 *
 * @param dataset    the rows, their classes (0 to k-1) and the feature names
 * @param classNames one name per class, in class order
 */
public record CsvData(Dataset dataset, List<String> classNames) {

    public CsvData {
        classNames = List.copyOf(classNames);
        if (classNames.size() != dataset.classes()) {
            throw new IllegalArgumentException("a dataset of " + dataset.classes() + " classes needs "
                    + dataset.classes() + " class names, got " + classNames);
        }
    }
}
