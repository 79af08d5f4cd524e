package micrograd.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository the app was built in, found from where this class was loaded: the launcher runs
 * {@code micrograd-app/target/micrograd-app.jar} and the tests {@code micrograd-app/target/classes}, both two levels
 * under the module's folder, which is in the repository's root. The lessons are read from there (and their notebooks
 * written there), so that an edited lesson runs without a rebuild.
 */
final class ProjectFolder {

    private ProjectFolder() {
    }

    /** The {@code lessons} folder of the repository; a usage error when the app does not run from its build folder. */
    static Path lessons() {
        Path lessons = root().resolve("lessons");
        if (!Files.isDirectory(lessons)) {
            throw new UsageException("there is no lessons folder at " + lessons + "; run the app with the ./micrograd "
                    + "launcher of a checkout of micrograd-java");
        }
        return lessons;
    }

    private static Path root() {
        try {
            Path built = Path.of(ProjectFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return built.toAbsolutePath().getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the app's own location is not a file path", e);
        }
    }
}
