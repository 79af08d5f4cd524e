package micrograd.lessons;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import micrograd.files.AtomicFiles;

/**
 * Generates a Jupyter notebook (nbformat 4, the Rapaio Java kernel) from each JShell lesson, and executes it so that
 * it shows its outputs, pictures inline ({@link NotebookExecution}).
 *
 * <p>A run of lines that start with {@code //} at the first column becomes a markdown cell (the {@code // } is
 * removed); the code between such runs becomes code cells, split at blank lines outside braces; JShell commands
 * such as {@code /exit} are dropped. The lesson's first cell, its title and first words, comes first; then the set-up:
 * a cell that adds the app's jars to the kernel's classpath with the kernel's {@code %%jars} magic, relative to the
 * notebooks folder (its output, the jars' absolute paths on the machine that ran it, is left out of the committed
 * notebook), and one that sends the lesson's files to a folder outside the source tree
 * ({@link LessonFiles#OUT_PROPERTY}), as Jupyter runs a notebook in the notebook's own folder.
 *
 * <p>{@code ./micrograd notebooks} runs it; a test fails when a committed notebook's cells differ from what this
 * makes, and another, where Jupyter is installed, when its outputs differ from a new execution's.
 */
public final class Notebooks {

    /** Where the notebooks go, relative to the lessons folder. */
    public static final String FOLDER = "notebooks";

    private static final String JARS_CELL = """
            %%jars
            ../../micrograd-app/target/micrograd-app.jar
            ../../micrograd-app/target/lib""";
    private static final String OUT_CELL = """
            // This notebook's files go to micrograd-lessons in the temporary folder, outside the source tree.
            System.setProperty("%s",
                    java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "micrograd-lessons").toString());"""
            .formatted(LessonFiles.OUT_PROPERTY);
    /** The kernel's name as Jupyter lists it once rapaio-jupyter-kernel 3.0.1 is installed. */
    public static final String KERNEL_DISPLAY_NAME = "Java (rjk 3.0.0)";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jupyter's own layout: one-space indentation, "\n" line ends, a final newline. */
    private static final ObjectWriter WRITER = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter(" ", "\n"))
            .withArrayIndenter(new DefaultIndenter(" ", "\n")));

    private Notebooks() {
    }

    /**
     * Writes {@code lessons/notebooks/NN-name.ipynb}, executed, for every {@code lessons/NN-name.jsh}, telling
     * {@code progress} each file as it is written; returns the files.
     */
    public static List<Path> write(Path lessons, Consumer<Path> progress) throws IOException {
        Path folder = Files.createDirectories(lessons.resolve(FOLDER));
        List<Path> written = new ArrayList<>();
        for (Path lesson : lessonFiles(lessons)) {
            Path notebook = executed(lessons, lesson, folder.resolve(notebookName(lesson)));
            progress.accept(notebook);
            written.add(notebook);
        }
        return written;
    }

    /**
     * Generates {@code lesson}'s notebook and executes it into {@code result}. It is first written into
     * {@code lessons/target}, which lies as deep below the repository's root as the notebooks folder, so that the
     * set-up cell's relative paths hold where Jupyter runs it.
     */
    public static Path executed(Path lessons, Path lesson, Path result) throws IOException {
        Path staged = AtomicFiles.writeString(Files.createDirectories(lessons.resolve("target"))
                .resolve(notebookName(lesson)), notebook(Files.readString(lesson)));
        try {
            return NotebookExecution.execute(staged, result, Map.of());
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** The lesson files {@code NN-name.jsh} in {@code lessons}, in order. */
    public static List<Path> lessonFiles(Path lessons) throws IOException {
        try (Stream<Path> files = Files.list(lessons)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.jsh")).sorted().toList();
        }
    }

    /** {@code 04-manual-backpropagation.ipynb} for {@code 04-manual-backpropagation.jsh}. */
    public static String notebookName(Path lesson) {
        return lesson.getFileName().toString().replaceFirst("\\.jsh$", ".ipynb");
    }

    /** The notebook's JSON text for a lesson's source. */
    public static String notebook(String lessonSource) {
        ObjectNode notebook = JSON.createObjectNode();
        ArrayNode cells = notebook.putArray("cells");
        List<Cell> lessonCells = cells(lessonSource);
        boolean titleFirst = !lessonCells.isEmpty() && lessonCells.get(0).markdown();
        if (titleFirst) {
            cells.add(cell("markdown", lessonCells.get(0).text()));
        }
        cells.add(cell("code", JARS_CELL));
        cells.add(cell("code", OUT_CELL));
        for (Cell cell : lessonCells.subList(titleFirst ? 1 : 0, lessonCells.size())) {
            cells.add(cell(cell.markdown() ? "markdown" : "code", cell.text()));
        }
        ObjectNode metadata = notebook.putObject("metadata");
        ObjectNode kernel = metadata.putObject("kernelspec");
        kernel.put("display_name", KERNEL_DISPLAY_NAME);
        kernel.put("language", "java");
        kernel.put("name", "rapaio-jupyter-kernel");
        metadata.putObject("language_info").put("name", "java");
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 4);
        return text(notebook);
    }

    /** A notebook's text in Jupyter's own layout. */
    static String text(JsonNode notebook) {
        try {
            return WRITER.writeValueAsString(notebook) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a code cell is the set-up cell that adds the app's jars. */
    static boolean isJarsCell(JsonNode cell) {
        return cell.path("source").path(0).asText().startsWith("%%jars");
    }

    /** A notebook's cells, each as its type and its source, what the generator decides (not the outputs). */
    public static List<String> cellSources(String notebookText) throws IOException {
        List<String> sources = new ArrayList<>();
        for (JsonNode cell : JSON.readTree(notebookText).get("cells")) {
            StringBuilder source = new StringBuilder(cell.get("cell_type").asText()).append(": ");
            cell.get("source").forEach(line -> source.append(line.asText()));
            sources.add(source.toString());
        }
        return sources;
    }

    /** One notebook cell: markdown or code, and its text. */
    record Cell(boolean markdown, String text) {
    }

    /** Splits a lesson into cells (see the class comment for the rules). */
    static List<Cell> cells(String source) {
        List<Cell> cells = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean inMarkdown = false;
        int depth = 0;
        for (String line : source.split("\n", -1)) {
            boolean comment = line.startsWith("//");
            boolean command = line.startsWith("/") && !comment;
            if (command) {
                continue;
            }
            boolean boundary = comment != inMarkdown || (!comment && depth == 0 && line.isBlank());
            if (boundary) {
                flush(cells, current, inMarkdown);
                inMarkdown = comment;
            }
            if (comment) {
                current.add(line.startsWith("// ") ? line.substring(3) : line.substring(2));
            } else if (!line.isBlank() || depth > 0) {
                current.add(line);
                depth += braceBalance(line);
            }
        }
        flush(cells, current, inMarkdown);
        return cells;
    }

    private static void flush(List<Cell> cells, List<String> lines, boolean markdown) {
        String text = String.join("\n", lines).strip();
        if (!text.isEmpty()) {
            cells.add(new Cell(markdown, text));
        }
        lines.clear();
    }

    /** Opening minus closing braces on a line, ignoring those inside string and character literals. */
    private static int braceBalance(String line) {
        int balance = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                balance++;
            } else if (c == '}') {
                balance--;
            }
        }
        return balance;
    }

    /** nbformat keeps a cell's source as a list of lines, each but the last ending in "\n". */
    private static ObjectNode cell(String type, String text) {
        ObjectNode cell = JSON.createObjectNode();
        cell.put("cell_type", type);
        if (type.equals("code")) {
            cell.putNull("execution_count");
        }
        cell.putObject("metadata");
        if (type.equals("code")) {
            cell.putArray("outputs");
        }
        ArrayNode source = cell.putArray("source");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            source.add(i < lines.length - 1 ? lines[i] + "\n" : lines[i]);
        }
        return cell;
    }
}
