package micrograd.files;

import java.nio.file.Path;

/** An output folder that does not exist and cannot be created; the message names it and what to do. */
public final class OutputFolderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutputFolderException(Path folder, String reason) {
        super("cannot create the output folder " + folder + " (" + reason
                + "); choose a folder you can write to");
    }
}
