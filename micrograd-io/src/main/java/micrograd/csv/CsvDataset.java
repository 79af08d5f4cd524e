package micrograd.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import micrograd.data.Dataset;

/**
 * Reads a classification {@link Dataset} from a CSV file (read as {@link CsvTable#labelled} says): the column named
 * by the caller is the class, every other column a numeric feature. The label column may hold class indices 0, 1,
 * 2, ... (kept as they are), the labels -1 and +1 (mapped to classes 0 and 1), or any other text, each distinct value
 * becoming a class in order of first appearance.
 */
public final class CsvDataset {

    private CsvDataset() {
    }

    /**
     * Loads {@code file}, taking the column named {@code labelColumn} as the class and every other column as a feature.
     *
     * @throws CsvFileException if the file is malformed or holds a single class (the message says where and why)
     * @throws IOException      if the file cannot be read
     */
    public static Dataset load(Path file, String labelColumn) throws IOException {
        CsvTable table = CsvTable.labelled(file, labelColumn);
        int[] labels = classIndices(table.labels());
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        if (classes < 2) {
            throw new CsvFileException(file + ": the label column \"" + labelColumn
                    + "\" holds a single class; a classification dataset needs at least 2");
        }
        return new Dataset(table.features(), labels, classes, table.featureNames());
    }

    /** Class indices as they are, -1/+1 as 0/1, anything else by order of first appearance. */
    private static int[] classIndices(List<String> raw) {
        int[] indices = new int[raw.size()];
        if (raw.stream().allMatch(s -> s.matches("[0-9]+"))) {
            for (int i = 0; i < indices.length; i++) {
                indices[i] = Integer.parseInt(raw.get(i));
            }
            return indices;
        }
        if (raw.stream().allMatch(s -> s.matches("[-+]?1(\\.0*)?"))) {
            for (int i = 0; i < indices.length; i++) {
                indices[i] = raw.get(i).startsWith("-") ? 0 : 1;
            }
            return indices;
        }
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (int i = 0; i < indices.length; i++) {
            indices[i] = classes.computeIfAbsent(raw.get(i), k -> classes.size());
        }
        return indices;
    }
}
