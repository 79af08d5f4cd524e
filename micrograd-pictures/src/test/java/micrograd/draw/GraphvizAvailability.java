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
