package micrograd.draw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** How long dot may take: far more than any graph of this project needs. */
    static final long TIMEOUT_SECONDS = 120;

    private final String executable;
    private final long timeoutSeconds;

    /** Graphviz as configured by {@value #DOT_PROPERTY}, {@value #DOT_ENVIRONMENT}, or {@code dot} on the PATH. */
    public Graphviz() {
        this(configuredExecutable());
    }

    /** Graphviz run as {@code executable} (a name on the PATH or a path). */
    public Graphviz(String executable) {
        this(executable, TIMEOUT_SECONDS);
    }

    /** Graphviz run as {@code executable}, stopped after {@code timeoutSeconds}. */
    Graphviz(String executable, long timeoutSeconds) {
        this.executable = executable;
        this.timeoutSeconds = timeoutSeconds;
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

    /**
     * Runs dot with its input and its complaints in files rather than pipes: a program that neither reads its input
     * nor exits, or that writes much to stderr, can then never block this one; only the time limit stops it.
     */
    private void run(String format, String dotText, Path output, Process[] started) throws IOException {
        Path input = Files.createTempFile("micrograd-graph", ".dot");
        Path complaints = Files.createTempFile("micrograd-dot", ".err");
        try {
            Files.writeString(input, dotText, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(executable, "-T" + format, "-o", output.toString())
                    .redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(complaints.toFile());
            Process process = builder.start();
            started[0] = process;
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    stop(process);
                    throw new IOException(executable + " did not finish within " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                stop(process);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + executable + " was drawing", e);
            }
            if (process.exitValue() != 0) {
                String complaint = firstLine(complaints);
                throw new IOException(executable + " failed with exit status " + process.exitValue()
                        + (complaint.isEmpty() ? "" : ": " + complaint));
            }
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(complaints);
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(1000), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
        }
    }

    /** Kills the program and every process it started, so that none outlives the command. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
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
