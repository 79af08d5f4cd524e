/**
 * Model files: saving a trained {@link micrograd.nn.MLP} and loading it back. {@link micrograd.io.ModelFile} writes a
 * small, documented, versioned JSON text format (the architecture, the activations and every parameter in
 * micrograd's order, each number exactly as stored) through a temporary file that is then renamed into place, so
 * that a crash never leaves a half-written model behind. Loading checks the whole file before it builds anything and
 * reports a truncated, corrupt, foreign, newer or inconsistent file with a {@link micrograd.io.ModelFileException}
 * whose message says what is wrong. JSON is read and written with Jackson, which is why this lives in its own module
 * and the core stays free of dependencies.
 */
package micrograd.io;
