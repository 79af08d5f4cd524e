package micrograd.plot;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import micrograd.files.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Saves an XChart chart as PNG or SVG, chosen by the file's extension, atomically and headless. */
public final class ChartFiles {

    private static final String PNG_METADATA = "javax_imageio_png_1.0";

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
            return savePng(chart, file, Map.of());
        }
        if (name.endsWith(".svg")) {
            return AtomicFiles.write(file, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        }
        throw new IllegalArgumentException("cannot save a plot as " + file + ": the file name must end in .png or .svg");
    }

    /** Writes {@code chart} to {@code file} as PNG, with {@code text} in it as {@link #writePng} writes it. */
    public static Path savePng(Chart<?, ?> chart, Path file, Map<String, String> text) throws IOException {
        return writePng(file, BitmapEncoder.getBufferedImage(chart), text);
    }

    /**
     * Writes {@code image} to {@code file} as PNG, atomically, with each entry of {@code text} as a tEXt chunk (its
     * keyword and its Latin-1 text), which {@code strings FILE} shows and image tools list as the picture's properties.
     *
     * @throws IOException if the file cannot be written: the system's own error (a full disk's "No space left on
     *                     device"), not ImageIO's "I/O error writing PNG file!" around it
     */
    public static Path writePng(Path file, RenderedImage image, Map<String, String> text) throws IOException {
        try {
            return AtomicFiles.write(file, out -> {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
                try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    IIOMetadata metadata = writer.getDefaultImageMetadata(
                            ImageTypeSpecifier.createFromRenderedImage(image), param);
                    if (!text.isEmpty()) {
                        IIOMetadataNode chunks = new IIOMetadataNode("tEXt");
                        text.forEach((keyword, value) -> {
                            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                            entry.setAttribute("keyword", keyword);
                            entry.setAttribute("value", value);
                            chunks.appendChild(entry);
                        });
                        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
                        root.appendChild(chunks);
                        metadata.mergeTree(PNG_METADATA, root);
                    }
                    writer.setOutput(stream);
                    writer.write(null, new IIOImage(image, null, metadata), param);
                } finally {
                    writer.dispose();
                }
            });
        } catch (IIOException e) {
            if (e.getCause() instanceof IOException systemError) {
                throw systemError;
            }
            throw e;
        }
    }

    /** The tEXt chunks of the PNG {@code file}, keyword to text, as {@link #writePng} writes them. */
    public static Map<String, String> pngText(Path file) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            try {
                reader.setInput(stream);
                Map<String, String> text = new LinkedHashMap<>();
                Node root = reader.getImageMetadata(0).getAsTree(PNG_METADATA);
                for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                    if (chunk.getNodeName().equals("tEXt")) {
                        for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                            NamedNodeMap attributes = entry.getAttributes();
                            text.put(attributes.getNamedItem("keyword").getNodeValue(),
                                    attributes.getNamedItem("value").getNodeValue());
                        }
                    }
                }
                return text;
            } finally {
                reader.dispose();
            }
        }
    }
}
