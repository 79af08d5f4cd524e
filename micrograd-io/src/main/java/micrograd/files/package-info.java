/**
 * Writing files safely, for every module that writes one. {@link micrograd.files.AtomicFiles} writes each file (a
 * picture, a drawing, a model, a notebook) to a temporary name in the destination's own folder, forces it to disk and
 * renames it onto the destination, so a reader never sees a half-written file and an interrupted run leaves the
 * previous file intact. It also creates missing parent folders and turns the failure to do so into an
 * {@link micrograd.files.OutputFolderException} whose message names the folder.
 */
package micrograd.files;
