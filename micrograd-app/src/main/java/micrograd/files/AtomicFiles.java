package micrograd.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file to a temporary name in the same folder, then renames it onto its destination. */
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
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
        });
    }

    /**
     * Lets {@code producer} create a temporary file next to {@code target}, then renames it onto {@code target}.
     * The temporary file is removed if the producer fails.
     */
    public static Path produce(Path target, Producer producer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = ensureFolder(absolute.getParent());
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".part");
        try {
            producer.produce(temporary);
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
