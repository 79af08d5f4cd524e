package micrograd.lessons;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import micrograd.draw.Graphviz;
import micrograd.draw.GraphvizNotFoundException;
import micrograd.engine.Value;
import micrograd.files.AtomicFiles;
import micrograd.graph.GraphDot;

/**
 * Where a lesson writes its files, and its graph pictures, drawn so that a machine without Graphviz still runs the
 * lesson to the end.
 *
 * <p>A lesson's files go to {@code out/lessons/NN-name/} under the current folder, or under the folder named by the
 * system property {@value #OUT_PROPERTY} (the notebooks set it, so that a notebook run writes outside the source
 * tree). In a notebook, {@link #show} also puts each picture inline.
 */
public final class LessonFiles {

    /** The system property naming the folder that holds every lesson's output folder. */
    public static final String OUT_PROPERTY = "micrograd.lessons.out";
    /** The Rapaio Java kernel's class whose static {@code display(Object)} puts an object in a notebook's output. */
    private static final String RAPAIO_KERNEL_DISPLAY = "org.rapaio.jupyter.kernel.global.Global";

    private LessonFiles() {
    }

    /** The lesson's own output folder, created when missing: {@code out/lessons/04-manual-backpropagation}. */
    public static Path folder(String lesson) {
        String configured = System.getProperty(OUT_PROPERTY);
        Path base = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("out", "lessons");
        Path folder = base.resolve(lesson);
        AtomicFiles.ensureFolder(folder);
        return folder;
    }

    /**
     * Writes {@code root}'s graph as DOT text beside {@code picture} ({@code L.dot} for {@code L.png}), then draws the
     * picture with Graphviz, and prints one line saying what it wrote. Without Graphviz it prints, on that one line,
     * how to install it and goes on: the lesson's numbers do not depend on the picture.
     *
     * @return the picture, or the DOT file when Graphviz is missing
     */
    public static Path drawGraph(Value root, Path picture) throws IOException {
        String dot = GraphDot.of(root);
        String name = picture.getFileName().toString();
        Path dotFile = AtomicFiles.writeString(picture.resolveSibling(name.replaceFirst("\\.[^.]*$", "") + ".dot"), dot);
        try {
            Path drawn = new Graphviz().render(dot, picture);
            System.out.println("wrote " + drawn + " and " + dotFile);
            show(drawn);
            return drawn;
        } catch (GraphvizNotFoundException e) {
            System.out.println("wrote " + dotFile + " but not " + name + ": " + e.getMessage());
            return dotFile;
        }
    }

    /**
     * Shows a PNG picture inline when the lesson runs as a notebook in the Rapaio Java kernel (through the kernel's
     * {@code display}, found by name: the kernel is not a dependency); anywhere else it does nothing, and the lesson's
     * "wrote ..." line says where the picture is.
     */
    public static void show(Path picture) throws IOException {
        Method display;
        try {
            display = Class.forName(RAPAIO_KERNEL_DISPLAY).getMethod("display", Object.class);
        } catch (ClassNotFoundException | NoSuchMethodException notInANotebook) {
            return;
        }
        BufferedImage image = ImageIO.read(picture.toFile());
        if (image == null) {
            return;
        }
        try {
            display.invoke(null, image);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IOException("the notebook could not display " + picture + ": " + e, e);
        }
    }
}
