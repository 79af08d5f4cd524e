package micrograd.draw;

import java.io.IOException;

/**
 * Whether Graphviz's dot can run here. On CI (the CI environment variable is set; .ci/run installs Graphviz) a
 * missing dot fails the tests that need it; on a developer's machine without Graphviz they are skipped, each with one
 * line saying so ({@link RequiredTool}).
 */
public final class GraphvizAvailability {

    private static final boolean AVAILABLE = probe();

    private GraphvizAvailability() {
    }

    /** Whether dot runs here. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** Fails (on CI) or skips (elsewhere) the calling test when dot cannot run. */
    public static void require() {
        RequiredTool.require(AVAILABLE, "Graphviz's dot", "sudo apt-get install graphviz (macOS: brew install graphviz)");
    }

    /**
     * Runs {@code test} with {@link Graphviz#DOT_PROPERTY} set to {@code dot} (a program that is not there, or fails),
     * then puts the property back as it was.
     */
    public static void withDot(String dot, Runnable test) {
        String before = System.getProperty(Graphviz.DOT_PROPERTY);
        System.setProperty(Graphviz.DOT_PROPERTY, dot);
        try {
            test.run();
        } finally {
            if (before == null) {
                System.clearProperty(Graphviz.DOT_PROPERTY);
            } else {
                System.setProperty(Graphviz.DOT_PROPERTY, before);
            }
        }
    }

    private static boolean probe() {
        try {
            Process dot = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
            dot.getInputStream().readAllBytes();
            return dot.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
