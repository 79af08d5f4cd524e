package micrograd.draw;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        if (available) {
            return;
        }
        if (System.getenv("CI") != null) {
            throw new AssertionError(missing + " is needed on CI (CI is set): .ci/run installs it");
        }
        String line = "skipped " + callingTest() + ": " + missing + " is not installed; install it with " + install;
        System.out.println(line);
        assumeTrue(false, line);
    }

    /** {@code Class.method} of the test that asked, the first caller outside the availability helpers. */
    private static String callingTest() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(RequiredTool.class.getName())
                        && !f.getClassName().endsWith("Availability"))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("a test"));
    }
}
