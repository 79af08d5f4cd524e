/**
 * Model files: saving a trained {@link micrograd.nn.MLP} and loading it back. {@link micrograd.io.ModelFile} writes a
 * small, documented, versioned JSON text format (the architecture, the activations and every parameter in
 * micrograd's order, each number exactly as stored) through a temporary file that is then renamed into place, so
 * that a crash never leaves a half-written model behind. Loading checks the whole file before it builds anything and
 * reports a truncated, corrupt, foreign, newer or inconsistent file with a {@link micrograd.io.ModelFileException}
 * whose message says what is wrong; a file larger than any model (or a device such as {@code /dev/zero}) is refused
 * before it fills the memory. A model trained on a CSV file can carry its features' names
 * ({@link micrograd.io.SavedModel}), so that it is later applied to the columns of those names. JSON is read and written with Jackson, which is why this lives in its own module
 * and the core stays free of dependencies.
 */
package micrograd.io;
