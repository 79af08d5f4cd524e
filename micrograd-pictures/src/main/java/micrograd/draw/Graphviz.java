package micrograd.draw;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import micrograd.files.AtomicFiles;

/**
 * Runs Graphviz's {@code dot} to turn DOT text into an SVG or PNG file, chosen by the file's extension.
 *
 * <p>The program is {@code dot} on the PATH unless the system property {@code micrograd.dot} or the environment
 * variable {@code MICROGRAD_DOT} names another (the property wins).
 */
public final class Graphviz {

    /** The system property naming the dot program. */
    public static final String DOT_PROPERTY = "micrograd.dot";
    /** The environment variable naming the dot program. */
    public static final String DOT_ENVIRONMENT = "MICROGRAD_DOT";

    private static final long TIMEOUT_SECONDS = 120;

    private final String executable;

    /** Graphviz as configured by {@value #DOT_PROPERTY}, {@value #DOT_ENVIRONMENT}, or {@code dot} on the PATH. */
    public Graphviz() {
        this(configuredExecutable());
    }

    /** Graphviz run as {@code executable} (a name on the PATH or a path). */
    public Graphviz(String executable) {
        this.executable = executable;
    }

    /** The file formats {@link #render} writes: "svg" or "png", from the file name; null for others. */
    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".svg") ? "svg" : name.endsWith(".png") ? "png" : null;
    }

    /**
     * Draws {@code dotText} into {@code target} (SVG or PNG by its extension), atomically.
     *
     * @throws GraphvizNotFoundException when the dot program cannot be started
     * @throws IOException when dot fails (the message carries dot's own first line of complaint) or writing fails
     */
    public Path render(String dotText, Path target) throws IOException, GraphvizNotFoundException {
        String format = formatOf(target);
        if (format == null) {
            throw new IllegalArgumentException("cannot draw " + target + ": the file name must end in .svg or .png");
        }
        Process[] started = new Process[1];
        try {
            return AtomicFiles.produce(target, temporary -> run(format, dotText, temporary, started));
        } catch (IOException e) {
            if (started[0] == null) {
                throw new GraphvizNotFoundException(executable);
            }
            throw e;
        }
    }

    private void run(String format, String dotText, Path output, Process[] started) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(executable, "-T" + format, "-o", output.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        started[0] = process;
        try (OutputStream in = process.getOutputStream()) {
            in.write(dotText.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(executable + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + executable + " was drawing", e);
        }
        if (process.exitValue() != 0) {
            String complaint = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            throw new IOException(executable + " failed with exit status " + process.exitValue()
                    + (complaint.isEmpty() ? "" : ": " + complaint.lines().findFirst().orElse("")));
        }
    }

    private static String configuredExecutable() {
        String property = System.getProperty(DOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String environment = System.getenv(DOT_ENVIRONMENT);
        return environment != null && !environment.isBlank() ? environment : "dot";
    }

    @Override
    public String toString() {
        return "Graphviz(" + executable + ")";
    }
}
