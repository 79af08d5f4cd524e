package micrograd.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
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

    @Test
    void aSymbolicLinkOrASpecialFileIsRefusedNotReplaced() throws IOException {
        Path real = Files.writeString(dir.resolve("real.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        assertThatThrownBy(() -> AtomicFiles.writeString(link, "new")).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("keep");
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            assertThatThrownBy(() -> AtomicFiles.writeString(devNull, "x")).isInstanceOf(FileSystemException.class)
                    .hasMessageContaining("not a regular file");
        }
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertThatThrownBy(() -> AtomicFiles.writeString(folder, "x")).hasMessageContaining("it is a folder");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(real, link, folder);
        }
    }

    @Test
    void temporaryFilesOfProcessesThatAreGoneAreCleanedUpOnTheNextWrite() throws IOException {
        long deadPid = deadProcessId();
        Path stale = Files.writeString(dir.resolve(".model.json." + deadPid + "." + UUID.randomUUID() + ".part"), "{");
        Path staleFolder = Files.createDirectory(dir.resolve(".run." + deadPid + "." + UUID.randomUUID() + ".part"));
        Files.writeString(staleFolder.resolve("half.png"), "x");
        Path live = Files.writeString(dir.resolve(".other.json." + ProcessHandle.current().pid() + "."
                + UUID.randomUUID() + ".part"), "{");
        Path mine = Files.writeString(dir.resolve(".notes.part"), "not ours");
        Path target = AtomicFiles.writeString(dir.resolve("model.json"), "{}");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(target, live, mine);
        }
    }

    private static long deadProcessId() throws IOException {
        try {
            Process process = new ProcessBuilder("true").start();
            process.waitFor();
            return process.pid();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    @Test
    void filesWrittenTogetherReplaceThePreviousOnesOnlyWhenAllAreWritten() throws IOException {
        Path first = Files.writeString(dir.resolve("a.txt"), "old a");
        Path second = Files.writeString(dir.resolve("b.txt"), "old b");
        assertThatThrownBy(() -> AtomicFiles.replaceTogether(dir, "run", folder -> {
            AtomicFiles.writeString(folder.resolve("a.txt"), "new a");
            throw new IOException("diverged");
        })).hasMessage("diverged");
        assertThat(first).hasContent("old a");
        assertThat(second).hasContent("old b");
        List<Path> written = AtomicFiles.replaceTogether(dir, "run", folder -> List.of(
                AtomicFiles.writeString(folder.resolve("b.txt"), "new b"),
                AtomicFiles.writeString(folder.resolve("a.txt"), "new a")));
        assertThat(written).containsExactly(dir.resolve("b.txt"), dir.resolve("a.txt"));
        assertThat(first).hasContent("new a");
        assertThat(second).hasContent("new b");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void checkingAFolderCreatesNothingAndKeepsTheSystemsReason() throws IOException {
        Path missing = dir.resolve("new/deeper");
        AtomicFiles.checkWritableFolder(missing);
        assertThat(dir.resolve("new")).doesNotExist();
        Path locked = Files.createDirectory(dir.resolve("locked"));
        locked.toFile().setWritable(false);
        try {
            if (!Files.isWritable(locked)) { // root may write anyway
                assertThatThrownBy(() -> AtomicFiles.checkWritableFolder(locked))
                        .isInstanceOf(OutputFolderException.class).hasMessageContaining("permission denied");
            }
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void runsCheckingAndWritingIntoTheSameNewFolderAtOnceAllSucceed() throws Exception {
        // checking a missing folder once created it and removed it again, under the feet of a run writing into it
        int runs = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs);
        try {
            for (int round = 0; round < 40; round++) {
                Path out = dir.resolve("round" + round + "/out");
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(runs);
                List<java.util.concurrent.Future<Path>> written = new java.util.ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    String name = "model" + run + ".json";
                    written.add(pool.submit(() -> {
                        together.await();
                        AtomicFiles.checkWritableFolder(out);
                        return AtomicFiles.writeString(out.resolve(name), "{}");
                    }));
                }
                for (java.util.concurrent.Future<Path> file : written) {
                    assertThat(file.get(10, java.util.concurrent.TimeUnit.SECONDS)).exists();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
