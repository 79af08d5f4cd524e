package micrograd.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A GPT's attention on one document as heatmaps, one per layer and head, side by side in one PNG: a row per position
 * attending, a column per position attended to, the weight as colour. Cells after the row's position are the causal
 * mask, which a position cannot see; they are left empty.
 */
public final class AttentionPlot {

    private static final int SIZE = 420;

    static {
        ChartFiles.useHeadlessAwt();
    }

    private AttentionPlot() {
    }

    /**
     * One heatmap: {@code weights[position][earlier position]} of one head, its rows and columns labelled with
     * {@code labels} (the tokens at those positions).
     */
    public static HeatMapChart chart(String title, double[][] weights, List<String> labels) {
        HeatMapChart chart = new HeatMapChartBuilder().width(SIZE).height(SIZE).title(title).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1);
        chart.getStyler().setPlotContentSize(1);
        chart.setXAxisTitle("attended to");
        chart.setYAxisTitle("attending");
        List<Number[]> cells = new ArrayList<>();
        for (int row = 0; row < weights.length; row++) {
            for (int column = 0; column <= row; column++) {
                // rows from the top: position 0 at the top, as in the page
                cells.add(new Number[] {column, weights.length - 1 - row, weights[row][column]});
            }
        }
        List<String> rows = new ArrayList<>(labels);
        java.util.Collections.reverse(rows);
        chart.addSeries("attention", labels, rows, cells);
        return chart;
    }

    /**
     * Draws every head's heatmap, {@code attention[layer][position][head][earlier position]}, into {@code file},
     * which must end in .png.
     */
    public static Path save(Path file, double[][][][] attention, List<String> labels) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("cannot save the attention heatmaps as " + file
                    + ": the file name must end in .png");
        }
        List<BufferedImage> images = new ArrayList<>();
        for (int layer = 0; layer < attention.length; layer++) {
            int heads = attention[layer][0].length;
            for (int head = 0; head < heads; head++) {
                double[][] weights = new double[attention[layer].length][];
                for (int position = 0; position < weights.length; position++) {
                    weights[position] = attention[layer][position][head];
                }
                images.add(BitmapEncoder.getBufferedImage(chart("layer " + layer + ", head " + head, weights,
                        labels)));
            }
        }
        BufferedImage all = new BufferedImage(SIZE * images.size(), SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = all.createGraphics();
        for (int i = 0; i < images.size(); i++) {
            graphics.drawImage(images.get(i), i * SIZE, 0, null);
        }
        graphics.dispose();
        return ChartFiles.writePng(file, all, Map.of());
    }
}
