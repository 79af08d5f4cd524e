package micrograd.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import micrograd.train.TrainingStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class PlotFilesTest {

    @TempDir
    Path dir;

    static BufferedImage decodePng(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("%s decodes as an image", file).isNotNull();
        return image;
    }

    static Document parseSvg(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(file.toFile());
        assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
        return svg;
    }

    @Test
    void aPngCarriesItsTextChunks() throws Exception {
        Path png = ChartFiles.savePng(TrainingPlot.chart("t", List.of(new TrainingStep(0, 1.0, 0.5, 0.1))),
                dir.resolve("t.png"), java.util.Map.of("micrograd-run", "run-1"));
        assertThat(ChartFiles.pngText(png)).containsExactly(java.util.Map.entry("micrograd-run", "run-1"));
        assertThat(decodePng(png).getWidth()).isEqualTo(800);
        Path plain = FunctionPlot.save(dir.resolve("f.png"), "f", x -> x, 0, 1, 0.5);
        assertThat(ChartFiles.pngText(plain)).isEmpty();
    }

    @Test
    void arangeIsNumpys() {
        double[] xs = FunctionPlot.arange(-5, 5, 0.25);
        assertThat(xs).hasSize(40);
        assertThat(xs[0]).isEqualTo(-5.0);
        assertThat(xs[39]).isEqualTo(4.75);
        assertThat(FunctionPlot.arange(0, 1, 0.3)).containsExactly(0.0, 0.3, 0.6, 0.8999999999999999);
        assertThatThrownBy(() -> FunctionPlot.arange(1, 0, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lectureFunctionAsPngAndSvg() throws Exception {
        Path png = FunctionPlot.save(dir.resolve("f.png"), "f(x) = 3x^2 - 4x + 5", x -> 3 * x * x - 4 * x + 5, -5, 5, 0.25);
        Path svg = FunctionPlot.save(dir.resolve("f.svg"), "f(x) = 3x^2 - 4x + 5", x -> 3 * x * x - 4 * x + 5, -5, 5, 0.25);
        BufferedImage image = decodePng(png);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        Document document = parseSvg(svg);
        assertThat(document.getElementsByTagName("path").getLength()).isPositive();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(png, svg); // no temporary files left
        }
    }

    @Test
    void trainingHistoryAsPngAndSvg() throws Exception {
        List<TrainingStep> history = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            history.add(new TrainingStep(k, 1.0 / (k + 1), Math.min(1, 0.5 + k / 50.0), 1.0 - 0.9 * k / 50));
        }
        decodePng(TrainingPlot.save(dir.resolve("t.png"), "training", history));
        parseSvg(TrainingPlot.save(dir.resolve("t.svg"), "training", history));
        // XChart writes text as outlines: check the two series' lines are there in their colours instead
        assertThat(Files.readString(dir.resolve("t.svg")).split("<path", -1).length).isGreaterThan(20);
        assertThatThrownBy(() -> TrainingPlot.chart("empty", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherExtensionsAreRefused() {
        assertThatThrownBy(() -> FunctionPlot.save(dir.resolve("f.jpg"), "f", x -> x, 0, 1, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".png or .svg");
    }
}
