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

    private BrowserAvailability() {
    }

    /** Fails (on CI) or skips (elsewhere) the calling tests when Chromium or its driver is missing. */
    static void require() {
        String missing = CHROMIUM.isEmpty() && CHROMEDRIVER.isEmpty() ? "chromium and chromedriver"
                : CHROMIUM.isEmpty() ? "chromium" : CHROMEDRIVER.isEmpty() ? "chromedriver" : null;
        String line = missing + " not found on the PATH: the browser tests need it (apt-get install chromium "
                + "chromium-driver)";
        if (System.getenv("CI") != null && missing != null) {
            throw new AssertionError(line + "; on CI .ci/run installs it");
        }
        assumeTrue(missing == null, line);
    }

    private static Optional<Path> onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }
}
