package micrograd.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The operating system's reason for a failed file operation, in words. Java's file exceptions often carry only the
 * file's name as their message ({@code AccessDeniedException("data.csv")}), so a message built from
 * {@code getMessage()} reads "cannot read data.csv: data.csv"; this keeps the reason instead.
 */
public final class FileErrors {

    /** The system's words (Linux's and macOS's strerror of ENOSPC) when a write finds the disk full. */
    private static final String NO_SPACE = "No space left on device";

    private FileErrors() {
    }

    /** Why {@code e} happened: "permission denied", "no such file or directory", "the disk is full", the system's own reason, ... */
    public static String reason(IOException e) {
        String reason = systemReason(e);
        return reason.equals(NO_SPACE) ? "the disk is full (no space left on device)" : reason;
    }

    private static String systemReason(IOException e) {
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
