package micrograd.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link Dataset} from a comma-separated file: a header line naming the columns, then one sample per line,
 * every column but the label a number. Fields are trimmed and may be wrapped in double quotes; quoted commas are not
 * supported. Blank lines are skipped.
 *
 * <p>The label column may hold class indices 0, 1, 2, ... (kept as they are), the labels -1 and +1 (mapped to classes
 * 0 and 1), or any other text, each distinct value becoming a class in order of first appearance.
 *
 * <p>Nothing is guessed: a malformed line fails with an {@link IllegalArgumentException} naming the file, the line
 * (counting the header as line 1), the column and what is wrong.
 */
public final class CsvDataset {

    private CsvDataset() {
    }

    /**
     * Loads {@code file}, taking the column named {@code labelColumn} as the class and every other column as a feature.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file is malformed (the message says where and why)
     */
    public static Dataset load(Path file, String labelColumn) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), labelColumn);
        }
    }

    private static Dataset read(BufferedReader reader, String source, String labelColumn) throws IOException {
        String headerLine = reader.readLine();
        if (headerLine != null && headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        if (headerLine == null || headerLine.isBlank()) {
            throw new IllegalArgumentException(source + ": line 1 must be a header naming the columns, but the file "
                    + (headerLine == null ? "is empty" : "starts with a blank line"));
        }
        List<String> header = split(headerLine);
        int labelIndex = header.indexOf(labelColumn);
        if (labelIndex < 0) {
            throw new IllegalArgumentException(source + ": there is no label column \"" + labelColumn
                    + "\"; the header has " + header);
        }
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                throw new IllegalArgumentException(source + ": line 1, column " + (c + 1) + " has no name");
            }
            if (header.indexOf(header.get(c)) != c) {
                throw new IllegalArgumentException(source + ": line 1 names the column \"" + header.get(c) + "\" twice");
            }
        }
        if (header.size() < 2) {
            throw new IllegalArgumentException(source + ": need at least one feature column besides the label \""
                    + labelColumn + "\"");
        }
        List<String> featureNames = new ArrayList<>(header);
        featureNames.remove(labelIndex);

        List<double[]> rows = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(source + ": line " + lineNumber + " has " + fields.size()
                        + " fields but the header has " + header.size() + " columns");
            }
            double[] row = new double[header.size() - 1];
            int f = 0;
            for (int c = 0; c < fields.size(); c++) {
                if (c != labelIndex) {
                    row[f++] = parseNumber(fields.get(c), source, lineNumber, header.get(c));
                }
            }
            String label = fields.get(labelIndex);
            if (label.isEmpty()) {
                throw new IllegalArgumentException(source + ": line " + lineNumber + ", column \"" + labelColumn
                        + "\": the label is empty");
            }
            rows.add(row);
            rawLabels.add(label);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": has a header but no data rows");
        }
        int[] labels = classIndices(rawLabels);
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        if (classes < 2) {
            throw new IllegalArgumentException(source + ": the label column \"" + labelColumn
                    + "\" holds a single class; a classification dataset needs at least 2");
        }
        return new Dataset(rows.toArray(new double[0][]), labels, classes, featureNames);
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

    private static double parseNumber(String field, String source, int line, String column) {
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": line " + line + ", column \"" + column + "\": \"" + field
                    + "\" is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(source + ": line " + line + ", column \"" + column + "\": " + field
                    + " is not a finite number");
        }
        return value;
    }

    /** The comma-separated fields of a line, trimmed, each without one pair of surrounding double quotes. */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split(",", -1)) {
            String f = field.trim();
            if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
                f = f.substring(1, f.length() - 1).trim();
            }
            fields.add(f);
        }
        return fields;
    }
}
