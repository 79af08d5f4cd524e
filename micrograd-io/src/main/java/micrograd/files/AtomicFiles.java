package micrograd.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's one way to write a file: write it to a temporary name in the same folder, force it to disk (fsync),
 * then rename it onto its destination. A reader never sees a half-written file, and a crash leaves either the old
 * file or the complete new one.
 *
 * <p>What may be replaced: only a regular file, or nothing. A destination that is a symbolic link is refused, not
 * followed (renaming onto it would replace the link, not what it points to, and following it would write wherever
 * the link leads); a device, a FIFO or a folder is refused too, so that {@code /dev/null} is never replaced by a
 * regular file. Folders on the way to the destination may be links.
 *
 * <p>Temporary names are {@code .NAME.PID.UUID.part}, PID being the writing process's id. A process killed while
 * writing leaves its temporary file behind; the next write into that folder deletes every such file or folder whose
 * process is no longer running.
 */
public final class AtomicFiles {

    /** Writes the content of a file to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Produces a file at the path it is given (for example by running a program with that output path). */
    @FunctionalInterface
    public interface Producer {
        void produce(Path temporaryFile) throws IOException;
    }

    /** Writes files into the folder it is given and returns them, in the order they should be reported. */
    @FunctionalInterface
    public interface FolderWriter {
        List<Path> writeInto(Path folder) throws IOException;
    }

    private static final Pattern TEMPORARY = Pattern.compile("\\..*\\.([0-9]+)\\.[0-9a-f-]{36}\\.part");

    private AtomicFiles() {
    }

    /** Writes {@code text} (UTF-8) to {@code target} atomically. */
    public static Path writeString(Path target, String text) throws IOException {
        return write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code content} to {@code target} atomically, creating missing parent folders. */
    public static Path write(Path target, Content content) throws IOException {
        return produce(target, temporary -> {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
            }
        });
    }

    /**
     * Lets {@code producer} create a file at a fresh temporary name next to {@code target} (the file does not exist
     * yet, so it gets the usual permissions, not {@code Files.createTempFile}'s owner-only ones), forces it to disk,
     * then renames it onto {@code target}. The temporary file is removed if the producer fails.
     *
     * @throws FileSystemException if {@code target} exists and is not a regular file (see the class comment)
     */
    public static Path produce(Path target, Producer producer) throws IOException {
        Path absolute = target.toAbsolutePath();
        checkReplaceable(absolute);
        Path folder = ensureFolder(absolute.getParent());
        removeStaleTemporaries(folder);
        Path temporary = temporaryFor(absolute);
        try {
            producer.produce(temporary);
            // without this, a crash soon after the rename can leave an empty or partial file under the real name
            try (FileChannel written = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            move(temporary, absolute);
            return target;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Lets {@code writer} write files into a fresh temporary folder inside {@code folder} (in subfolders of it if it
     * likes), then moves them all to the same places in {@code folder}, replacing files of the same names: a writer
     * that fails, or a file or subfolder that may not be replaced, replaces none of them, so the files of a run are
     * replaced together or not at all. Subfolders of {@code folder} are created when missing and never followed
     * when they are links. Returns the files now in {@code folder}, in the writer's order.
     *
     * @throws FileSystemException if a file to replace is not a regular file, or a subfolder on its way is not a
     *                             folder (see the class comment)
     */
    public static List<Path> replaceTogether(Path folder, String name, FolderWriter writer) throws IOException {
        Path absolute = ensureFolder(folder.toAbsolutePath());
        removeStaleTemporaries(absolute);
        Path staging = Files.createDirectory(temporaryFor(absolute.resolve(name)));
        try {
            List<Path> written = writer.writeInto(staging);
            List<Path> targets = new ArrayList<>();
            for (Path file : written) {
                Path target = absolute.resolve(staging.relativize(file).toString());
                for (Path sub = target.getParent(); !sub.equals(absolute); sub = sub.getParent()) {
                    checkFolderOnTheWay(sub);
                }
                checkReplaceable(target);
                targets.add(target);
            }
            for (int i = 0; i < written.size(); i++) {
                Files.createDirectories(targets.get(i).getParent());
                move(written.get(i), targets.get(i));
            }
            return targets.stream().map(target -> folder.resolve(absolute.relativize(target).toString())).toList();
        } finally {
            deleteTree(staging);
        }
    }

    private static void checkFolderOnTheWay(Path folder) throws FileSystemException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return; // nothing there yet: it is created as a folder
        }
        if (attributes.isSymbolicLink()) {
            throw new FileSystemException(folder.toString(), null, "it is a symbolic link; micrograd writes into "
                    + "real folders only and does not follow links: remove the link or choose another folder");
        }
        if (!attributes.isDirectory()) {
            throw new FileSystemException(folder.toString(), null, "it is not a folder; remove it or choose another "
                    + "folder");
        }
    }

    /**
     * Creates {@code folder} and its parents when missing.
     *
     * @throws OutputFolderException naming the folder when it cannot be created or is not a folder
     */
    public static Path ensureFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new OutputFolderException(folder, "it exists and is not a folder");
        } catch (NoSuchFileException e) {
            throw new OutputFolderException(folder, "the system has no such place to create it in");
        } catch (FileSystemException e) {
            throw new OutputFolderException(folder, FileErrors.reason(e));
        } catch (IOException e) {
            throw new OutputFolderException(folder, e.getMessage());
        }
    }

    /**
     * Checks, before any work, that files can be written into {@code folder}: that it is a folder, or that the nearest
     * folder above it that exists is one (so that it can be created), and that a file can be created there. Creates
     * nothing that stays: the folder itself is created only by the write, so that runs started together into the
     * same new folder never remove it from under one another.
     *
     * @throws OutputFolderException naming the folder and the system's reason when it cannot be written to
     */
    public static void checkWritableFolder(Path folder) {
        Path absolute = folder.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new OutputFolderException(absolute, "the system has no such place to create it in");
        }
        if (!Files.isDirectory(existing)) {
            throw new OutputFolderException(absolute, existing.equals(absolute) ? "it exists and is not a folder"
                    : existing + " is not a folder");
        }
        Path probe = temporaryFor(existing.resolve("write-test"));
        try {
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new OutputFolderException(absolute, "cannot create a file in " + (existing.equals(absolute) ? "it"
                    : existing) + ": " + FileErrors.reason(e));
        }
    }

    /**
     * Checks, before any work, that {@code target} can be written: that it is nothing yet or a regular file, and that
     * its folder is writable ({@link #checkWritableFolder}). Creates nothing.
     *
     * @throws FileSystemException   if {@code target} is a link, a device, a FIFO or a folder
     * @throws OutputFolderException if its folder cannot be written to
     */
    public static void checkWritableFile(Path target) throws FileSystemException {
        Path absolute = target.toAbsolutePath();
        checkReplaceable(absolute);
        checkWritableFolder(absolute.getParent());
    }

    private static void checkReplaceable(Path target) throws FileSystemException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return; // nothing there (or nothing we can see): the write itself will tell
        }
        if (attributes.isSymbolicLink()) {
            throw new FileSystemException(target.toString(), null, "it is a symbolic link; micrograd replaces only "
                    + "regular files and does not follow links: name the file the link points to");
        }
        if (!attributes.isRegularFile()) {
            throw new FileSystemException(target.toString(), null, "it is " + (attributes.isDirectory() ? "a folder"
                    : "not a regular file (a device or a FIFO)") + "; micrograd replaces only regular files");
        }
    }

    private static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + UUID.randomUUID() + ".part");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the temporary files and folders in {@code folder} left by processes that are no longer running. */
    static void removeStaleTemporaries(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*.part")) {
            for (Path entry : entries) {
                Matcher name = TEMPORARY.matcher(entry.getFileName().toString());
                if (name.matches() && !isRunning(name.group(1))) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            // cleaning up is a courtesy: a folder we cannot list or a file we cannot delete stops no write
        }
    }

    private static boolean isRunning(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a pid we wrote: leave the file alone
        }
    }

    /** Deletes {@code root} and everything under it, without following links; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
