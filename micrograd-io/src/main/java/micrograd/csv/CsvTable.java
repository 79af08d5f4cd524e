package micrograd.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import micrograd.data.Numbers;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The numeric feature columns of a CSV file, and its label column as text when it has one: what {@code train} and
 * {@code predict} both read, with one set of rules. The first line is a header naming the columns; fields are read by
 * Apache Commons CSV (RFC 4180 quoting, so a quoted field may hold commas), trimmed, in a UTF-8 file with or without
 * a byte order mark and with LF or CRLF line ends; blank lines are skipped. A file may hold at most {@link #MAX_CHARS}
 * characters and a line at most {@link #MAX_LINE_CHARS}, so that no file (not even {@code /dev/zero}) makes the reader
 * run out of memory. Every problem is a
 * {@link CsvFileException} naming the file, the line (counting the header's as line 1) and the column.
 *
 * @param file         the file read
 * @param featureNames the feature columns' names, in file order
 * @param features     one row of numbers per data line
 * @param labels       the label column's field of each row, or an empty list when the label was not read
 *                     (the arrays are handed over, not copied: {@link micrograd.data.Dataset} copies them)
 */
public record CsvTable(Path file, List<String> featureNames, double[][] features, List<String> labels) {

    /** The most characters a file may have: about 16 MB, a million rows of a dozen numbers, more than training takes. */
    public static final long MAX_CHARS = 16_000_000;
    /** The most characters a line may have. */
    public static final int MAX_LINE_CHARS = 100_000;

    private static final int ANY = -1;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
            .setTrim(true).setIgnoreEmptyLines(true).get();

    /**
     * Reads {@code file} for training: the column {@code labelColumn} must exist and is read as text, every other
     * column as a number.
     *
     * @throws CsvFileException if the file is not such a table
     * @throws IOException      if it cannot be read
     */
    public static CsvTable labelled(Path file, String labelColumn) throws IOException {
        return read(file, labelColumn, true, ANY, null);
    }

    /**
     * Reads {@code file} for prediction: the column {@code labelColumn} is left out if the header has it, and the
     * other columns, {@code featureCount} of them, are read as numbers.
     *
     * @throws CsvFileException if the file is not such a table
     * @throws IOException      if it cannot be read
     */
    public static CsvTable unlabelled(Path file, String labelColumn, int featureCount) throws IOException {
        return read(file, labelColumn, false, featureCount, null);
    }

    /**
     * Reads {@code file} for prediction by a model that knows its features' names: the columns named
     * {@code featureNames}, in that order, wherever they are in the file; other columns are left out.
     *
     * @throws CsvFileException if the file is not such a table or lacks one of the columns
     * @throws IOException      if it cannot be read
     */
    public static CsvTable columns(Path file, List<String> featureNames) throws IOException {
        return read(file, null, false, featureNames.size(), featureNames);
    }

    private static CsvTable read(Path file, String labelColumn, boolean labelRequired, int featureCount,
            List<String> byName) throws IOException {
        try (BufferedReader reader = new BufferedReader(new LimitedReader(file,
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder())))) {
            skipByteOrderMark(reader);
            try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
                return read(file, parser, labelColumn, labelRequired, featureCount, byName);
            }
        } catch (CharacterCodingException e) {
            throw notUtf8(file, e);
        } catch (CSVException e) {
            throw notCsv(file, e);
        } catch (UncheckedIOException e) {
            // how Commons CSV reports a syntax error (an unclosed quote) met while iterating, with its line
            if (e.getCause() instanceof CSVException syntax) {
                throw notCsv(file, syntax);
            }
            if (e.getCause() instanceof CsvFileException limit) {
                throw limit;
            }
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw notUtf8(file, coding);
            }
            throw e;
        }
    }

    private static CsvTable read(Path file, CSVParser parser, String labelColumn, boolean labelRequired,
            int featureCount, List<String> byName) throws CsvFileException {
        Iterator<CSVRecord> records = nonBlank(parser).iterator();
        if (!records.hasNext()) {
            throw new CsvFileException(file
                    + ": the file is empty; its first line must be a header naming the columns");
        }
        List<String> header = records.next().toList();
        long headerLine = parser.getCurrentLineNumber();
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                throw new CsvFileException(file + ": line " + headerLine + ", column " + (c + 1) + " has no name");
            }
            if (header.indexOf(header.get(c)) != c) {
                throw new CsvFileException(file + ": line " + headerLine + " names the column \"" + header.get(c)
                        + "\" twice");
            }
        }
        int labelIndex = labelColumn == null ? -1 : header.indexOf(labelColumn);
        if (labelRequired && labelIndex < 0) {
            throw new CsvFileException(file + ": there is no label column \"" + labelColumn + "\"; the header has "
                    + header);
        }
        List<String> featureNames = byName != null ? byName : new ArrayList<>(header);
        if (byName == null && labelIndex >= 0) {
            featureNames.remove(labelIndex);
        }
        if (featureNames.isEmpty()) {
            throw new CsvFileException(file + ": need at least one feature column besides the label \"" + labelColumn
                    + "\"");
        }
        if (featureCount != ANY && featureNames.size() != featureCount) {
            throw new CsvFileException(file + " has " + featureNames.size() + " feature columns " + featureNames
                    + " but " + featureCount + " are needed");
        }
        int[] columns = new int[featureNames.size()];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = header.indexOf(featureNames.get(f));
            if (columns[f] < 0) {
                throw new CsvFileException(file + " has no column \"" + featureNames.get(f) + "\", a feature the "
                        + "model was trained on (it needs " + featureNames + "); the header has " + header);
            }
        }
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        while (records.hasNext()) {
            CSVRecord record = records.next();
            long line = parser.getCurrentLineNumber();
            if (record.size() != header.size()) {
                throw new CsvFileException(file + ": line " + line + " has " + record.size()
                        + " fields but the header has " + header.size() + " columns");
            }
            double[] row = new double[columns.length];
            for (int f = 0; f < columns.length; f++) {
                row[f] = number(file, line, header.get(columns[f]), record.get(columns[f]));
            }
            if (labelRequired) {
                String label = record.get(labelIndex);
                if (label.isEmpty()) {
                    throw new CsvFileException(file + ": line " + line + ", column \"" + labelColumn
                            + "\": the label is empty");
                }
                labels.add(label);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new CsvFileException(file + ": has a header but no data rows");
        }
        return new CsvTable(file, List.copyOf(featureNames), rows.toArray(new double[0][]), List.copyOf(labels));
    }

    /** The records but those of a line holding nothing but spaces (Commons CSV skips only truly empty lines). */
    private static Iterable<CSVRecord> nonBlank(CSVParser parser) {
        return () -> parser.stream().filter(r -> !(r.size() == 1 && r.get(0).isEmpty())).iterator();
    }

    private static double number(Path file, long line, String column, String field) throws CsvFileException {
        try {
            return Numbers.parse(field);
        } catch (NumberFormatException e) {
            throw new CsvFileException(file + ": line " + line + ", column \"" + column + "\": " + e.getMessage());
        }
    }

    /** Skips the UTF-8 byte order mark some editors (Excel among them) put at the start of a file. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static CsvFileException notUtf8(Path file, CharacterCodingException cause) {
        return new CsvFileException(file + " is not UTF-8 text (a byte is not valid UTF-8); save it as UTF-8", cause);
    }

    private static CsvFileException notCsv(Path file, CSVException cause) {
        return new CsvFileException(file + ": not a valid CSV file: " + cause.getMessage(), cause);
    }
}
