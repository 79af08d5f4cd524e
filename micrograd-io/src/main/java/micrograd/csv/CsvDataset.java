package micrograd.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import micrograd.data.Dataset;
import micrograd.data.Numbers;

/**
 * Reads a classification {@link Dataset} from a CSV file (read as {@link CsvTable#labelled} says): the column named
 * by the caller is the class, every other column a numeric feature. The classes are the label column's distinct
 * values: when every label is a number (as {@link Numbers#parse} reads them, so {@code 1}, {@code +1} and
 * {@code 1.0} are one label), class k is the k-th smallest (0/1 stay 0/1, -1/+1 become 0/1, 1/2 become 0/1);
 * otherwise each distinct text is a class, in order of first appearance. At least 2 and at most {@link #MAX_CLASSES}
 * classes. A class's name is its label as first written ({@code 1} for {@code 1}, {@code +1} and {@code 1.0} in that
 * order).
 */
public final class CsvDataset {

    /** The most classes a dataset may have: more is a label column of identifiers or measurements, not classes. */
    public static final int MAX_CLASSES = 1000;

    private CsvDataset() {
    }

    /**
     * Loads {@code file}, taking the column named {@code labelColumn} as the class and every other column as a feature,
     * with the names of the classes.
     *
     * @throws CsvFileException if the file is malformed, or holds a single class or more than {@link #MAX_CLASSES}
     *                          (the message says where and why)
     * @throws IOException      if the file cannot be read
     */
    public static CsvData load(Path file, String labelColumn) throws IOException {
        CsvTable table = CsvTable.labelled(file, labelColumn);
        List<String> raw = table.labels();
        List<String> names = new ArrayList<>();
        Map<String, Integer> classes = classes(raw, names);
        if (classes.size() < 2) {
            throw new CsvFileException(file + ": the label column \"" + labelColumn + "\" holds a single class ("
                    + raw.get(0) + "); a classification dataset needs at least 2");
        }
        if (classes.size() > MAX_CLASSES) {
            throw new CsvFileException(file + ": the label column \"" + labelColumn + "\" holds " + classes.size()
                    + " distinct labels, more than the " + MAX_CLASSES + " classes micrograd trains; name the column "
                    + "of classes with --label");
        }
        int[] labels = new int[raw.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = classes.get(key(raw.get(i), classes));
        }
        return new CsvData(new Dataset(table.features(), labels, classes.size(), table.featureNames()), names);
    }

    /**
     * Each distinct label (a number's canonical text when all are numbers) and its class index; adds each class's
     * name, the label as first written, to {@code names}.
     */
    private static Map<String, Integer> classes(List<String> raw, List<String> names) {
        Map<String, Integer> classes = new LinkedHashMap<>();
        TreeMap<Double, String> numbers = new TreeMap<>();
        for (String label : raw) {
            try {
                numbers.putIfAbsent(Numbers.parse(label) + 0.0, label); // + 0.0 makes -0 and 0 one label
            } catch (NumberFormatException e) {
                for (String text : raw) {
                    if (classes.putIfAbsent(text, classes.size()) == null) {
                        names.add(text);
                    }
                }
                return classes;
            }
            if (numbers.size() > MAX_CLASSES) {
                break; // enough to refuse; no need to collect a class per row of a huge file
            }
        }
        numbers.forEach((number, spelling) -> {
            classes.put(number.toString(), classes.size());
            names.add(spelling);
        });
        return classes;
    }

    private static String key(String label, Map<String, Integer> classes) {
        return classes.containsKey(label) ? label : Double.toString(Numbers.parse(label) + 0.0);
    }
}
