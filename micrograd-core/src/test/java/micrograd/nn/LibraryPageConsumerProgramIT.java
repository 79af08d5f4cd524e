package micrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import micrograd.testsupport.DocPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/library.md's "Use micrograd-java in your own project" program, as a user would build it: its Java block written to
 * a file of its own, compiled by javac against the jar that Maven's package phase built (nothing else on the class
 * path), and run by a separate {@code java}; what it prints must be the block the page shows after it.
 */
class LibraryPageConsumerProgramIT {

    private static final String MARKER = "<!-- doc-consumer:";

    @TempDir
    Path dir;

    /** target/micrograd-core-VERSION.jar, not its -sources or -javadoc twin. */
    private static Path coreJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("micrograd-core-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no micrograd-core jar in target/"))
                    .toAbsolutePath();
        }
    }

    @Test
    void thePagesProgramCompilesAndRunsAgainstTheJarAlone() throws Exception {
        String program = DocPages.block(MARKER, 0);
        String expected = DocPages.block(MARKER, 1);
        assertThat(program.lines().count()).as("a program of about 10 lines").isLessThanOrEqualTo(12);
        Path source = Files.writeString(dir.resolve("Hello.java"), program);
        Path jar = coreJar();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", jar.toString(), "-d", dir.toString(), source.toString());
        assertThat(compiled).as("javac's exit status").isZero();

        Path javaLauncher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process run = new ProcessBuilder(javaLauncher.toString(), "-cp", jar + File.pathSeparator + dir, "Hello")
                .redirectErrorStream(true).start();
        String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(printed).isZero();
        assertThat(printed).isEqualTo(expected);
    }

    @Test
    void theJarCarriesItsModuleName() throws IOException {
        try (JarFile jar = new JarFile(coreJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("micrograd.core");
        }
        assertThat(coreJar().resolveSibling(coreJar().getFileName().toString().replace(".jar", "-sources.jar")))
                .exists();
        assertThat(coreJar().resolveSibling(coreJar().getFileName().toString().replace(".jar", "-javadoc.jar")))
                .exists();
    }
}
