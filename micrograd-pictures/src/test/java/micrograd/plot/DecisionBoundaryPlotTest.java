package micrograd.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.nn.MLP;
import micrograd.train.Metrics;
import micrograd.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision-boundary picture must show each class's colour where the classifier predicts that class. The plot
 * area is found as the bounding box of the region colours (the regions fill exactly the axes' range); sample points
 * are mapped to pixels linearly and compared with the classifier, away from the boundary and from the drawn points.
 */
class DecisionBoundaryPlotTest {

    @TempDir
    Path dir;

    /** Pixels of margin around boundaries and points, for the ±1 pixel of the linear mapping and anti-aliasing. */
    private static final int SLACK = 3;
    private static final int POINT_RADIUS = 4 + SLACK;

    @Test
    void trainedModelsRegionsAreDrawnInTheColoursOfItsPredictions() throws Exception {
        Dataset moons = Datasets.moons(100, 0.1, 7);
        MLP model = MLP.builder(2).layers(16, 16, 1).seed(7).build();
        Trainer.builder().steps(60).build().fit(model, moons);
        assertThat(Metrics.accuracy(model, moons)).isGreaterThan(0.9);

        Path png = DecisionBoundaryPlot.save(dir.resolve("moons.png"), "moons", model, moons);
        int[] checked = checkRegions(png, Classifier.of(model), moons);
        assertThat(checked[0]).as("samples checked in class 0's region").isGreaterThan(100);
        assertThat(checked[1]).as("samples checked in class 1's region").isGreaterThan(100);
    }

    @Test
    void aKnownSplitIsDrawnOnItsSide() throws Exception {
        Dataset blobs = Datasets.blobs(60, 3, 0.5, 3);
        Classifier byAngle = x -> x[0] > 0.5 ? 0 : x[1] > 0 ? 1 : 2;
        Path png = DecisionBoundaryPlot.save(dir.resolve("blobs.png"), "blobs", byAngle, blobs);
        int[] checked = checkRegions(png, byAngle, blobs);
        for (int k = 0; k < 3; k++) {
            assertThat(checked[k]).as("samples checked in class %d's region", k).isGreaterThan(50);
        }
    }

    @Test
    void svgToo() throws Exception {
        Dataset moons = Datasets.moons(40, 0.1, 1);
        Path svg = DecisionBoundaryPlot.save(dir.resolve("m.svg"), "moons", x -> x[0] > 0.5 ? 1 : 0, moons);
        PlotFilesTest.parseSvg(svg);
        String text = Files.readString(svg);
        assertThat(text).contains(svgFill(DecisionBoundaryPlot.REGION_COLORS[0]), svgFill(DecisionBoundaryPlot.REGION_COLORS[1]),
                svgFill(DecisionBoundaryPlot.POINT_COLORS[0]), svgFill(DecisionBoundaryPlot.POINT_COLORS[1]));
    }

    @Test
    void needsTwoFeatures() {
        Dataset threeFeatures = new Dataset(new double[][] {{1, 2, 3}, {4, 5, 6}}, new int[] {0, 1}, 2);
        assertThatThrownBy(() -> DecisionBoundaryPlot.chart("x", x -> 0, threeFeatures))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 2 features");
    }

    /** Checks the picture against the classifier; returns how many samples were checked per class. */
    private static int[] checkRegions(Path png, Classifier classifier, Dataset data) throws Exception {
        BufferedImage image = PlotFilesTest.decodePng(png);
        int classes = data.classes();
        int left = Integer.MAX_VALUE;
        int right = -1;
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (regionClass(image.getRGB(x, y), classes) >= 0) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        assertThat(right - left).as("plot width in pixels").isGreaterThan(400);
        double[] extent = DecisionBoundaryPlot.extent(data);
        double xPerPixel = (extent[1] - extent[0]) / (right - left);
        double yPerPixel = (extent[3] - extent[2]) / (bottom - top);

        int[] checked = new int[classes];
        for (int py = top + SLACK; py <= bottom - SLACK; py += 7) {
            for (int px = left + SLACK; px <= right - SLACK; px += 7) {
                double x = extent[0] + (px - left) * xPerPixel;
                double y = extent[3] - (py - top) * yPerPixel;
                int predicted = classifier.classify(new double[] {x, y});
                if (nearBoundary(classifier, predicted, x, y, xPerPixel, yPerPixel) || nearPoint(data, x, y, xPerPixel, yPerPixel)) {
                    continue;
                }
                assertThat(regionClass(image.getRGB(px, py), classes))
                        .as("pixel (%d, %d) at (%.3f, %.3f), predicted class %d", px, py, x, y, predicted)
                        .isEqualTo(predicted);
                checked[predicted]++;
            }
        }
        // each point is drawn in its class's strong colour
        int pointsSeen = 0;
        for (int i = 0; i < data.size(); i++) {
            double[] p = data.row(i);
            int px = left + (int) Math.round((p[0] - extent[0]) / xPerPixel);
            int py = top + (int) Math.round((extent[3] - p[1]) / yPerPixel);
            Color expected = DecisionBoundaryPlot.POINT_COLORS[data.label(i)];
            pointsSeen += close(image.getRGB(px, py), expected) ? 1 : 0;
        }
        assertThat(pointsSeen).as("points drawn in their class colour").isGreaterThanOrEqualTo(data.size() * 9 / 10);
        return checked;
    }

    private static boolean nearBoundary(Classifier classifier, int predicted, double x, double y, double dx, double dy) {
        // the grid is coarser than a pixel: look a cell (up to 5 pixels here) plus the slack around the sample
        int reach = SLACK + 5;
        for (int i = -reach; i <= reach; i += 2) {
            for (int j = -reach; j <= reach; j += 2) {
                if (classifier.classify(new double[] {x + i * dx, y + j * dy}) != predicted) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean nearPoint(Dataset data, double x, double y, double dx, double dy) {
        for (int i = 0; i < data.size(); i++) {
            double[] p = data.row(i);
            if (Math.hypot((p[0] - x) / dx, (p[1] - y) / dy) <= POINT_RADIUS) {
                return true;
            }
        }
        return false;
    }

    private static int regionClass(int rgb, int classes) {
        for (int k = 0; k < classes; k++) {
            if ((rgb & 0xFFFFFF) == (DecisionBoundaryPlot.REGION_COLORS[k].getRGB() & 0xFFFFFF)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean close(int rgb, Color expected) {
        Color actual = new Color(rgb);
        return Math.abs(actual.getRed() - expected.getRed()) + Math.abs(actual.getGreen() - expected.getGreen())
                + Math.abs(actual.getBlue() - expected.getBlue()) < 30;
    }

    private static String svgFill(Color color) {
        return "fill:rgb(" + color.getRed() + "," + color.getGreen() + "," + color.getBlue() + ")";
    }
}
