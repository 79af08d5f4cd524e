package micrograd.playground;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import micrograd.testsupport.RequiredTool;

/**
 * Debian's Chromium and its driver, which the browser tests drive. A missing one fails those tests on CI and skips
 * them elsewhere, one line each, as {@link RequiredTool} does for every tool the tests need.
 */
final class BrowserAvailability {

    static final Optional<Path> CHROMIUM = onPath("chromium");
    static final Optional<Path> CHROMEDRIVER = onPath("chromedriver");
    /** What is missing, as the skip line names it ("... is not installed"); null when nothing is. */
    private static final String MISSING = CHROMIUM.isEmpty() && CHROMEDRIVER.isEmpty() ? "Chromium with its driver"
            : CHROMIUM.isEmpty() ? "Chromium (chromium)" : CHROMEDRIVER.isEmpty() ? "Chromium's driver (chromedriver)"
            : null;

    private BrowserAvailability() {
    }

    static boolean available() {
        return MISSING == null;
    }

    /** Fails (on CI) or skips (elsewhere) the test {@code test} when Chromium or its driver is missing. */
    static void require(String test) {
        RequiredTool.require(test, available(), MISSING, "sudo apt-get install chromium chromium-driver");
    }

    private static Optional<Path> onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }
}
