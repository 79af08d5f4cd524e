package micrograd.app;

/**
 * A problem with what the user gave the command (an unknown dataset, a malformed CSV file, an unreadable model
 * file, an invalid expression, an output folder that cannot be created). {@link Main} prints the message as one line
 * on stderr and exits with status 2, so the message must name the problem and what to do.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
