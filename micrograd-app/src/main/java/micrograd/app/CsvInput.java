package micrograd.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import micrograd.csv.CsvFileException;
import micrograd.files.FileErrors;

/**
 * How {@code train} and {@code predict} read the CSV file they are given: through micrograd-io's one reader, and with
 * the same one-line message for the same bad file, whichever command reads it.
 */
final class CsvInput {

    /** Reads a CSV file into a {@code T}. */
    @FunctionalInterface
    interface Reading<T> {
        T read(Path csv) throws IOException;
    }

    private CsvInput() {
    }

    /**
     * What {@code reading} makes of {@code csv}.
     *
     * @throws UsageException naming the file and what is wrong with it
     */
    static <T> T read(Path csv, Reading<T> reading) {
        try {
            return reading.read(csv);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read " + csv + ": no such file; check the path", e);
        } catch (CsvFileException e) {
            throw new UsageException(e.getMessage() + "; fix the file, or name the label column with --label", e);
        } catch (IOException e) {
            throw new UsageException("cannot read " + csv + ": " + FileErrors.reason(e)
                    + "; check the path and its permissions", e);
        }
    }
}
