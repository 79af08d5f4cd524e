/**
 * Writing output files safely. Every picture, drawing and text file the app produces is first written to a
 * temporary file in the destination's own folder and then renamed onto the destination, so a reader never sees a
 * half-written file and an interrupted run leaves the previous file intact. {@link micrograd.files.AtomicFiles} also
 * creates missing parent folders and turns the failure to do so into a message that names the folder.
 */
package micrograd.files;
