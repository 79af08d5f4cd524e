package micrograd.csv;

import java.io.IOException;

/**
 * A CSV file that cannot be used as a table of numbers: no header, a row with the wrong number of fields, a field
 * that is not a finite number, a missing label column. The message names the file, the line and the column and says
 * what is wrong.
 */
public class CsvFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public CsvFileException(String message) {
        super(message);
    }

    public CsvFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
