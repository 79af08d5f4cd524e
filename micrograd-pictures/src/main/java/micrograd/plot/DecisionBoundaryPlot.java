package micrograd.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import micrograd.data.Dataset;
import micrograd.nn.MLP;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A classifier's decision regions on a two-feature dataset with the points drawn over them, like the picture at the
 * end of micrograd's demo. The classifier is evaluated at the centre of every cell of a grid spanning each feature's
 * range widened by 1 on both sides (micrograd's {@code [min - 1, max + 1]}); each row's runs of cells of one class
 * are filled as one rectangle in that class's light colour; the points are drawn in the class's strong colour.
 */
public final class DecisionBoundaryPlot {

    /** The light fill of class k's region is {@code REGION_COLORS[k % length]}. */
    public static final Color[] REGION_COLORS = {
        new Color(0xF4, 0xA5, 0x82), new Color(0x92, 0xC5, 0xDE), new Color(0xB8, 0xE1, 0x86),
        new Color(0xD5, 0xB3, 0xE0), new Color(0xFF, 0xE0, 0x8A), new Color(0xC0, 0xC0, 0xC0)};
    /** The points of class k are drawn in {@code POINT_COLORS[k % length]}. */
    public static final Color[] POINT_COLORS = {
        new Color(0xB2, 0x18, 0x2B), new Color(0x21, 0x66, 0xAC), new Color(0x1B, 0x78, 0x37),
        new Color(0x76, 0x2A, 0x83), new Color(0xB3, 0x6B, 0x00), new Color(0x40, 0x40, 0x40)};

    /** Grid cells along the longer side: fine enough for a smooth boundary, cheap enough to evaluate. */
    static final int CELLS = 160;
    /** How far the grid reaches beyond the data on every side, as micrograd's demo. */
    static final double MARGIN = 1.0;
    /**
     * Each row's rectangles reach this many cells up into the next row, which is drawn over them: rectangles that
     * only touch would leave anti-aliased light seams between rows.
     */
    private static final double ROW_OVERLAP = 1.0;

    private DecisionBoundaryPlot() {
    }

    /**
     * The extent of the grid for {@code data}: {@code {xMin, xMax, yMin, yMax}}, each feature's range widened by
     * {@link #MARGIN}; the regions fill exactly this rectangle, which is also the axes' range.
     */
    public static double[] extent(Dataset data) {
        if (data.dimension() != 2) {
            throw new IllegalArgumentException("a decision boundary picture needs 2 features, the data has "
                    + data.dimension() + " " + data.featureNames());
        }
        double[] extent = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] row : data.features()) {
            extent[0] = Math.min(extent[0], row[0] - MARGIN);
            extent[1] = Math.max(extent[1], row[0] + MARGIN);
            extent[2] = Math.min(extent[2], row[1] - MARGIN);
            extent[3] = Math.max(extent[3], row[1] + MARGIN);
        }
        return extent;
    }

    /** The chart of {@code classifier}'s regions over {@link #extent} with {@code data}'s points, titled {@code title}. */
    public static XYChart chart(String title, Classifier classifier, Dataset data) {
        double[] extent = extent(data);
        double width = extent[1] - extent[0];
        double height = extent[3] - extent[2];
        double cell = Math.max(width, height) / CELLS;
        int columns = (int) Math.ceil(width / cell);
        int rows = (int) Math.ceil(height / cell);
        double cellWidth = width / columns;
        double cellHeight = height / rows;

        XYChart chart = new XYChartBuilder().width(800).height(600).title(title)
                .xAxisTitle(data.featureNames().get(0)).yAxisTitle(data.featureNames().get(1)).build();
        XYStyler styler = chart.getStyler();
        styler.setXAxisMin(extent[0]);
        styler.setXAxisMax(extent[1]);
        styler.setYAxisMin(extent[2]);
        styler.setYAxisMax(extent[3]);
        styler.setPlotContentSize(1.0);
        styler.setPlotGridLinesVisible(false);
        styler.setPlotBorderVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setMarkerSize(8);

        int regions = 0;
        double[] point = new double[2];
        for (int r = 0; r < rows; r++) {
            double y0 = extent[2] + r * cellHeight;
            double y1 = r == rows - 1 ? extent[3] : y0 + cellHeight * (1 + ROW_OVERLAP);
            point[1] = y0 + cellHeight / 2;
            int runStart = 0;
            int runClass = -1;
            for (int c = 0; c <= columns; c++) {
                int cls = -1;
                if (c < columns) {
                    point[0] = extent[0] + (c + 0.5) * cellWidth;
                    cls = classifier.classify(point.clone());
                }
                if (cls != runClass) {
                    if (runClass >= 0) {
                        double x0 = extent[0] + runStart * cellWidth;
                        double x1 = c == columns ? extent[1] : extent[0] + c * cellWidth;
                        addRectangle(chart, "region " + regions++, x0, x1, y0, y1, REGION_COLORS[runClass % REGION_COLORS.length]);
                    }
                    runStart = c;
                    runClass = cls;
                }
            }
        }
        addPoints(chart, data);
        return chart;
    }

    private static void addRectangle(XYChart chart, String name, double x0, double x1, double y0, double y1, Color color) {
        XYSeries rectangle = chart.addSeries(name, new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1});
        rectangle.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        rectangle.setMarker(SeriesMarkers.NONE);
        rectangle.setFillColor(color);
        rectangle.setLineColor(color);
        rectangle.setLineWidth(0.5f);
        rectangle.setShowInLegend(false);
    }

    private static void addPoints(XYChart chart, Dataset data) {
        for (int k = 0; k < data.classes(); k++) {
            int count = 0;
            for (int label : data.labels()) {
                count += label == k ? 1 : 0;
            }
            if (count == 0) {
                continue;
            }
            double[] xs = new double[count];
            double[] ys = new double[count];
            int i = 0;
            for (int row = 0; row < data.size(); row++) {
                if (data.label(row) == k) {
                    double[] x = data.row(row);
                    xs[i] = x[0];
                    ys[i++] = x[1];
                }
            }
            XYSeries points = chart.addSeries("class " + k, xs, ys);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
            points.setMarkerColor(POINT_COLORS[k % POINT_COLORS.length]);
        }
    }

    /** Draws {@code classifier}'s regions and {@code data}'s points into {@code file} (.png or .svg). */
    public static Path save(Path file, String title, Classifier classifier, Dataset data) throws IOException {
        return ChartFiles.save(chart(title, classifier, data), file);
    }

    /** Draws the regions {@code model} predicts (see {@link Classifier#of}) and {@code data}'s points. */
    public static Path save(Path file, String title, MLP model, Dataset data) throws IOException {
        return save(file, title, Classifier.of(model), data);
    }
}
