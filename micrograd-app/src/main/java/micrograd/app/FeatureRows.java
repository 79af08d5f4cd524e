package micrograd.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The numeric feature rows of a CSV file with a header line, for {@code predict}: unlike a training
 * {@link micrograd.data.Dataset} it needs no label, and a label column, if there is one, is left out. Read with
 * Apache Commons CSV (quoted fields allowed); a problem is a {@link UsageException} naming the file, line and column.
 */
record FeatureRows(List<String> featureNames, double[][] rows) {

    /** Reads {@code file}, leaving out the column {@code labelColumn} when the header has it. */
    static FeatureRows read(Path file, String labelColumn) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            List<String> featureNames = new ArrayList<>(header);
            featureNames.remove(labelColumn);
            if (featureNames.isEmpty()) {
                throw new UsageException(file + ": the header line names no feature columns; the first line must "
                        + "name the columns");
            }
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw new UsageException(file + ": line " + line + " has " + record.size()
                            + " fields but the header has " + header.size() + " columns; fix the line");
                }
                double[] row = new double[featureNames.size()];
                for (int f = 0; f < row.length; f++) {
                    row[f] = number(file, line, featureNames.get(f), record.get(featureNames.get(f)));
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw new UsageException(file + ": has a header but no data rows");
            }
            return new FeatureRows(List.copyOf(featureNames), rows.toArray(new double[0][]));
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new UsageException(file + ": not a readable CSV file (" + e.getMessage() + "); fix the file", e);
        }
    }

    private static double number(Path file, long line, String column, String field) {
        try {
            double value = Double.parseDouble(field);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the place
        }
        throw new UsageException(file + ": line " + line + ", column \"" + column + "\": \"" + field
                + "\" is not a finite number; fix the value");
    }
}
