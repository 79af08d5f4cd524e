package micrograd.bench;

import java.io.IOException;
import java.nio.file.Path;
import micrograd.plot.ChartFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The picture of target 4: time per node against the chain's length, on a logarithmic length axis. */
public final class ChainChart {

    private ChainChart() {
    }

    /**
     * Writes the curves as a PNG to {@code file} (atomically, with {@link ChartFiles}): the
     * time per node, and the same without the garbage collector's pauses.
     */
    public static void write(Path file, double[] nodes, double[] nanosPerNode, double[] outsideGc) throws IOException {
        XYChart chart = new XYChartBuilder().width(720).height(420)
                .title("Build + backward of a chain: time per node")
                .xAxisTitle("nodes in the chain").yAxisTitle("ns per node").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(Math.max(10, 1.5 * max(nanosPerNode)));
        chart.addSeries("build + backward", nodes, nanosPerNode).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("the same outside GC pauses", nodes, outsideGc).setMarker(SeriesMarkers.DIAMOND);
        ChartFiles.save(chart, file);
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
