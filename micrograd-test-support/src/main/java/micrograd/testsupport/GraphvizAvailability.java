package micrograd.testsupport;

import java.io.IOException;

/**
 * Whether Graphviz's dot can run here. On CI (the CI environment variable is set; .ci/run installs Graphviz) a
 * missing dot fails the tests that need it; on a developer's machine without Graphviz they are skipped, each with one
 * line saying so ({@link RequiredTool}).
 */
public final class GraphvizAvailability {

    /** micrograd-pictures' {@code Graphviz.DOT_PROPERTY}, the system property naming the dot program. */
    public static final String DOT_PROPERTY = "micrograd.dot";

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
     * Runs {@code test} with the property that names the dot program, {@code micrograd.draw.Graphviz.DOT_PROPERTY},
     * set to {@code dot} (a program that is not there, or fails), then puts the property back as it was. (This module
     * sits below micrograd-pictures, so it names the property itself; {@code GraphvizTest} checks the two agree.)
     */
    public static void withDot(String dot, Runnable test) {
        String before = System.getProperty(DOT_PROPERTY);
        System.setProperty(DOT_PROPERTY, dot);
        try {
            test.run();
        } finally {
            if (before == null) {
                System.clearProperty(DOT_PROPERTY);
            } else {
                System.setProperty(DOT_PROPERTY, before);
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
