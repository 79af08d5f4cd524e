package micrograd.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The project's one way to write a file: write it to a temporary name in the same folder, force it to disk (fsync),
 * then rename it onto its destination. A reader never sees a half-written file, and a crash leaves either the old
 * file or the complete new one.
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
     */
    public static Path produce(Path target, Producer producer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = ensureFolder(absolute.getParent());
        Path temporary = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            producer.produce(temporary);
            // without this, a crash soon after the rename can leave an empty or partial file under the real name
            try (FileChannel written = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temporary);
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
        } catch (AccessDeniedException e) {
            throw new OutputFolderException(folder, "permission denied for " + e.getFile());
        } catch (FileSystemException e) {
            throw new OutputFolderException(folder, e.getReason() != null ? e.getReason() : e.getMessage());
        } catch (IOException e) {
            throw new OutputFolderException(folder, e.getMessage());
        }
    }
}
