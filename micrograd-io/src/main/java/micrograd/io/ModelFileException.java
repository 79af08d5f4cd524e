package micrograd.io;

import java.io.IOException;

/**
 * A model file that cannot be used: truncated, not JSON, not a micrograd model, of a newer version, or with
 * parameters that do not fit its architecture. The message names the file and says what is wrong.
 */
public class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
