package micrograd.playground;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Debian's Chromium and its driver, which the browser tests drive. On CI (the CI environment variable is set;
 * .ci/run installs both) a missing one fails those tests; elsewhere they are skipped with one line saying what to
 * install.
 */
final class BrowserAvailability {

    static final Optional<Path> CHROMIUM = onPath("chromium");
    static final Optional<Path> CHROMEDRIVER = onPath("chromedriver");
    private static final String MISSING = CHROMIUM.isEmpty() && CHROMEDRIVER.isEmpty() ? "chromium and chromedriver"
            : CHROMIUM.isEmpty() ? "chromium" : CHROMEDRIVER.isEmpty() ? "chromedriver" : null;
    private static boolean told;

    private BrowserAvailability() {
    }

    static boolean available() {
        return MISSING == null;
    }

    /**
     * Fails (on CI) or skips (elsewhere) the calling test when Chromium or its driver is missing, saying so on stderr
     * once per run.
     */
    static void require() {
        if (MISSING == null) {
            return;
        }
        String install = "(apt-get install chromium chromium-driver)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(MISSING + " not found on the PATH: on CI the browser tests must run; .ci/run "
                    + "installs them " + install);
        }
        String line = "browser tests skipped: " + MISSING + " not found on the PATH " + install;
        if (!told) {
            told = true;
            System.err.println(line);
        }
        assumeTrue(false, line);
    }

    private static Optional<Path> onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }
}
