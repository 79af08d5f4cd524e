package micrograd.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
     * Writes the curves as a PNG to {@code file} (atomically, with {@link ChartFiles}): the engine's time per node,
     * the same without the garbage collector's pauses, and the hand-written linked list's.
     */
    public static void write(Path file, double[] nodes, double[] engine, double[] engineOutsideGc,
            double[] handWritten) throws IOException {
        XYChart chart = new XYChartBuilder().width(720).height(420)
                .title("Build + backward of a chain: time per node")
                .xAxisTitle("nodes in the chain").yAxisTitle("ns per node").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(Math.max(10, 1.5 * Arrays.stream(engine).max().orElse(0)));
        chart.addSeries("engine (Value): build + backward", nodes, engine).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("engine outside GC pauses", nodes, engineOutsideGc).setMarker(SeriesMarkers.DIAMOND);
        chart.addSeries("hand-written linked list", nodes, handWritten).setMarker(SeriesMarkers.SQUARE);
        ChartFiles.save(chart, file);
    }
}
