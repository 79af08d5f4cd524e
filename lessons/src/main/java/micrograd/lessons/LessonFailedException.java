package micrograd.lessons;

/** A lesson stopped: one of its snippets did not compile or threw. The message is the lesson's own. */
public final class LessonFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    LessonFailedException(String message) {
        super(message);
    }
}
