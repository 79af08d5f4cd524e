package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} into a folder on a full disk: a small tmpfs mounted in a mount namespace of its own
 * ({@code unshare -rm}, so that nothing outside the test sees it), skipped with one line where that is not allowed.
 * The message is one line naming the file that could not be written and saying the disk is full, and nothing is left
 * in the folder.
 */
class FullDiskIT {

    private static final Path LAUNCHER = Path.of("..", "micrograd").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    /** Runs {@code script} with {@code $1} a tmpfs of {@code size} bytes, in a mount namespace of its own. */
    private Result onTmpfs(String size, String script) throws IOException, InterruptedException {
        Path mountPoint = Files.createDirectory(dir.resolve("disk"));
        Process process = new ProcessBuilder("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=" + size + " none \"$1\" || exit 99; " + script, "sh", mountPoint.toString())
                .start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    @Test
    void aFullDiskIsSaidInOneLineNamingTheFile() throws Exception {
        Result probe;
        try {
            probe = onTmpfs("8k", "exit 0");
        } catch (IOException e) {
            probe = new Result(127, "", e.getMessage());
        }
        if (probe.status() != 0) {
            System.out.println("full-disk test skipped: cannot mount a tmpfs in a mount namespace here (" + probe.err()
                    .strip() + ")");
        }
        Assumptions.assumeTrue(probe.status() == 0, "no tmpfs in a mount namespace here");
        Files.delete(dir.resolve("disk"));
        // 8 KB: the training runs, and its first picture finds the disk full
        Result run = onTmpfs("8k", "\"" + LAUNCHER + "\" train --steps 2 --out \"$1\" >/dev/null; status=$?; "
                + "ls -A \"$1\"; exit $status");
        assertThat(run.status()).as(run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err().lines()).as("one line: %s", run.err()).hasSize(1);
        assertThat(run.err()).contains("cannot write ", "moons-decision-boundary.png", "the disk is full",
                "nothing was written").doesNotContain("I/O error writing PNG", "Exception", ".part");
        assertThat(run.out()).as("nothing left in the folder").isEmpty();
    }
}
