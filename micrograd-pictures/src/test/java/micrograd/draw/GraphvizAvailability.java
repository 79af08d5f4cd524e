package micrograd.draw;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;

/**
 * Whether Graphviz's dot can run here. On CI (the CI environment variable is set; .ci/run installs Graphviz) a
 * missing dot fails the tests that need it; on a developer's machine without Graphviz they are skipped.
 */
public final class GraphvizAvailability {

    private static final boolean AVAILABLE = probe();

    private GraphvizAvailability() {
    }

    /** Fails (on CI) or skips (elsewhere) the calling test when dot cannot run. */
    public static void require() {
        if (System.getenv("CI") != null && !AVAILABLE) {
            throw new AssertionError("Graphviz's dot is needed on CI: .ci/run installs it");
        }
        assumeTrue(AVAILABLE, "Graphviz's dot is not installed (apt-get install graphviz)");
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
