package micrograd.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What a test does when a program it needs (Graphviz, Jupyter) is missing: on CI (the environment variable CI is
 * set; .ci/run installs everything) it fails; elsewhere it prints one line naming the test, what is missing and how to
 * install it, and is skipped. Maven shows that line among the test output, so a bare machine's run says what it left
 * out.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /**
     * Fails (on CI) or skips (elsewhere) the calling test unless {@code available}.
     *
     * @param missing what is missing, e.g. "Graphviz's dot"
     * @param install how to install it, e.g. "sudo apt-get install graphviz"
     */
    public static void require(boolean available, String missing, String install) {
        if (!available) {
            require(callingTest(), false, missing, install);
        }
    }

    /**
     * As {@link #require(boolean, String, String)}, naming the test {@code test} (for a check made in
     * {@code @BeforeEach}, where the test method is not on the stack).
     */
    public static void require(String test, boolean available, String missing, String install) {
        if (available) {
            return;
        }
        if (System.getenv("CI") != null) {
            throw new AssertionError(missing + " is needed on CI (CI is set): .ci/run installs it");
        }
        String line = "skipped " + test + ": " + missing + " is not installed; install it with " + install;
        System.out.println(line);
        assumeTrue(false, line);
    }

    /** {@code Class.method} of the {@code @Test} method that asked, found on the stack above any helpers. */
    private static String callingTest() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(RequiredTool::isTestMethod)
                .findFirst()
                .map(f -> f.getDeclaringClass().getSimpleName() + "." + f.getMethodName())
                .orElse("a test"));
    }

    private static boolean isTestMethod(StackWalker.StackFrame frame) {
        return Arrays.stream(frame.getDeclaringClass().getDeclaredMethods())
                .anyMatch(m -> m.getName().equals(frame.getMethodName()) && m.isAnnotationPresent(Test.class));
    }
}
