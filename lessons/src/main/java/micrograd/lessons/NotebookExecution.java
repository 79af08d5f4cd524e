package micrograd.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import micrograd.files.AtomicFiles;

/**
 * Executes a lesson's notebook in Jupyter ({@code jupyter nbconvert --execute}) with the Rapaio Java kernel, so that
 * the committed notebook shows its outputs, pictures inline; then removes what changes from run to run (each cell's
 * execution timestamps).
 *
 * <p>The kernel's first start on a fresh machine takes long (a new JVM, then JShell), so its
 * start-up timeout is generous; and the kernel (3.0.1) can lose a start-up race on a loaded machine (its shell thread
 * dies of a NullPointerException on the first request, and it never answers), so such a start is stopped as soon as
 * it shows and tried again.
 */
public final class NotebookExecution {

    /** The Jupyter kernel the notebooks name. */
    public static final String KERNEL = "rapaio-jupyter-kernel";
    /** How to install what executing needs, for the message of a machine without it. */
    public static final String INSTALL = "sudo apt-get install jupyter-nbconvert, then the Rapaio Java kernel as "
            + "docs/lessons.md says";

    private static final int START_UP_SECONDS = 120;
    private static final int CELL_SECONDS = 600;
    private static final int ATTEMPTS = 6;
    /** What the kernel prints when it lost the start-up race. */
    private static final String LOST_RACE = "because \"this.handlers\" is null";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotebookExecution() {
    }

    /** Whether Jupyter's nbconvert and the Rapaio kernel are installed. */
    public static boolean available() {
        return run(Map.of(), "jupyter", "kernelspec", "list").contains(KERNEL)
                && !run(Map.of(), "jupyter", "nbconvert", "--version").isBlank();
    }

    /**
     * Executes {@code notebook} (left as it is) and writes it with its outputs to {@code result}, with
     * {@code environment} added to the kernel's; fails with nbconvert's logs when no attempt succeeds. The notebook
     * runs in its own folder, so it must lie two folders below the repository's root, as the committed ones do.
     */
    public static Path execute(Path notebook, Path result, Map<String, String> environment) throws IOException {
        Path folder = result.toAbsolutePath().getParent();
        String name = result.getFileName().toString().replaceFirst("\\.ipynb$", "") + ".executing";
        Path executed = folder.resolve(name + ".ipynb");
        Files.deleteIfExists(executed);
        StringBuilder logs = new StringBuilder();
        try {
            for (int attempt = 1; attempt <= ATTEMPTS && !Files.exists(executed); attempt++) {
                logs.append("--- attempt ").append(attempt).append('\n').append(run(environment, "jupyter",
                        "nbconvert", "--to", "notebook", "--execute",
                        "--ExecutePreprocessor.startup_timeout=" + START_UP_SECONDS,
                        "--ExecutePreprocessor.timeout=" + CELL_SECONDS, "--output-dir", folder.toString(),
                        "--output", name, notebook.toAbsolutePath().toString()));
            }
            if (!Files.exists(executed)) {
                throw new IOException("Jupyter did not execute " + notebook.getFileName() + "; its logs:\n" + logs);
            }
            return AtomicFiles.writeString(result, withoutVolatileMetadata(Files.readString(executed)));
        } finally {
            Files.deleteIfExists(executed);
        }
    }

    /**
     * The notebook's text, in the generator's layout, without what differs from machine to machine and run to run:
     * each cell's execution timestamps, the JDK's version, and the jars cell's output (their absolute paths).
     */
    static String withoutVolatileMetadata(String notebookText) throws IOException {
        JsonNode notebook = JSON.readTree(notebookText);
        for (JsonNode cell : notebook.get("cells")) {
            ((ObjectNode) cell.get("metadata")).remove("execution");
            if (Notebooks.isJarsCell(cell)) {
                ((ObjectNode) cell).putArray("outputs");
            }
        }
        if (notebook.path("metadata").get("language_info") instanceof ObjectNode language) {
            language.remove("version");
        }
        return Notebooks.text(notebook);
    }

    /** What a notebook shows, with what changes from run to run left out: the cells, their sources and outputs. */
    public static List<String> shown(String notebookText) throws IOException {
        List<String> shown = new ArrayList<>();
        for (JsonNode cell : JSON.readTree(notebookText).get("cells")) {
            shown.add(cell.get("cell_type").asText() + ": " + lines(cell.get("source")));
            for (JsonNode output : cell.path("outputs")) {
                String type = output.path("output_type").asText();
                if (output.has("text")) {
                    shown.add(type + " text: " + lines(output.get("text")));
                }
                output.path("data").fieldNames().forEachRemaining(mime -> shown.add(type + " " + mime
                        + (mime.startsWith("text/") ? ": " + lines(output.get("data").get(mime)) : "")));
            }
        }
        return shown;
    }

    private static String lines(JsonNode text) {
        if (text.isTextual()) {
            return text.asText();
        }
        StringBuilder joined = new StringBuilder();
        text.forEach(line -> joined.append(line.asText()));
        return joined.toString();
    }

    /**
     * Runs a command with {@code environment} added; its output (stdout and stderr), "" if it cannot start. A
     * kernel that lost the start-up race (its shell thread's NullPointerException shows in the output) will never
     * answer, so the command is then stopped at once, with the kernel it started, instead of at the time-out.
     */
    private static String run(Map<String, String> environment, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (line.contains(LOST_RACE)) {
                        process.descendants().forEach(ProcessHandle::destroy);
                        process.destroy();
                    }
                }
            }
            process.waitFor(CELL_SECONDS, TimeUnit.SECONDS);
            return output.toString();
        } catch (IOException notInstalled) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
