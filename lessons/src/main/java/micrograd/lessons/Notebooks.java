package micrograd.lessons;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
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
import java.util.stream.Stream;
import micrograd.files.AtomicFiles;

/**
 * Generates a Jupyter notebook (nbformat 4, the Rapaio Java kernel) from each JShell lesson.
 *
 * <p>A run of lines that start with {@code //} at the first column becomes a markdown cell (the {@code // } is
 * removed); the code between such runs becomes code cells, split at blank lines outside braces; JShell commands
 * such as {@code /exit} are dropped. The first cell adds the app's jars to the kernel's classpath with the kernel's
 * {@code %%jars} magic, relative to the notebooks folder; the second sends the lesson's files to a folder outside the
 * source tree ({@link LessonFiles#OUT_PROPERTY}), as Jupyter runs a notebook in the notebook's own folder.
 *
 * <p>{@code ./micrograd notebooks} runs it; a test fails when a committed notebook differs from what this makes.
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

    /** Writes {@code lessons/notebooks/NN-name.ipynb} for every {@code lessons/NN-name.jsh}; returns the files. */
    public static List<Path> write(Path lessons) throws IOException {
        Path folder = Files.createDirectories(lessons.resolve(FOLDER));
        List<Path> written = new ArrayList<>();
        for (Path lesson : lessonFiles(lessons)) {
            String notebook = notebook(Files.readString(lesson));
            written.add(AtomicFiles.writeString(folder.resolve(notebookName(lesson)), notebook));
        }
        return written;
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
        cells.add(cell("code", JARS_CELL));
        cells.add(cell("code", OUT_CELL));
        for (Cell cell : cells(lessonSource)) {
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
        try {
            return WRITER.writeValueAsString(notebook) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
