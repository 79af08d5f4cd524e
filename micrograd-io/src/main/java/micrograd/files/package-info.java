/**
 * Writing files safely, for every module that writes one. {@link micrograd.files.AtomicFiles} writes each file (a
 * picture, a drawing, a model, a notebook) to a temporary name in the destination's own folder, forces it to disk and
 * renames it onto the destination, so a reader never sees a half-written file and an interrupted run leaves the
 * previous file intact; it replaces only regular files (never a link, a device or a FIFO), writes the files of one
 * run together, checks a folder is writable before the work, and removes the temporary files of killed processes.
 * A folder that cannot be created is an {@link micrograd.files.OutputFolderException} whose message names it, and
 * {@link micrograd.files.FileErrors} words the system's reason for any other failure.
 */
package micrograd.files;
