package micrograd.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import micrograd.files.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Saves an XChart chart as PNG or SVG, chosen by the file's extension, atomically and headless. */
public final class ChartFiles {

    static {
        useHeadlessAwt();
    }

    /** XChart draws with AWT; without this, a machine with no display can fail to create fonts and images. */
    static void useHeadlessAwt() {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /**
     * Writes {@code chart} to {@code file}: PNG for {@code .png}, SVG for {@code .svg}.
     *
     * @throws IllegalArgumentException for another extension
     * @throws IOException              if the file cannot be written
     */
    public static Path save(Chart<?, ?> chart, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        }
        if (name.endsWith(".svg")) {
            return AtomicFiles.write(file, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        }
        throw new IllegalArgumentException("cannot save a plot as " + file + ": the file name must end in .png or .svg");
    }
}
