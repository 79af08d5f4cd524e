package micrograd.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesThroughATemporaryFileAndCreatesFolders() throws IOException {
        Path target = dir.resolve("a/b/c.txt");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second");
        assertThat(target).hasContent("second");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("keep.txt");
        AtomicFiles.writeString(target, "previous");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write('x');
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).hasContent("previous");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFolderUnderAFileCannotBeCreatedAndTheMessageSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> AtomicFiles.ensureFolder(file.resolve("sub")))
                .isInstanceOf(OutputFolderException.class)
                .hasMessageContaining("cannot create the output folder " + file.resolve("sub"))
                .hasMessageContaining("choose a folder you can write to");
        assertThatThrownBy(() -> AtomicFiles.ensureFolder(file))
                .isInstanceOf(OutputFolderException.class)
                .hasMessageContaining("not a folder");
    }

    @Test
    void filesGetTheUsualPermissionsNotTheTemporaryFilesPrivateOnes() throws IOException {
        Path reference = Files.writeString(dir.resolve("reference.txt"), "made the ordinary way");
        Path written = AtomicFiles.writeString(dir.resolve("written.txt"), "made atomically");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(reference));
    }
}
