package micrograd.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A function of one variable sampled as numpy's {@code arange(from, to, step)} does (from included, to excluded),
 * as the lecture plots {@code f(x) = 3x^2 - 4x + 5} over {@code arange(-5, 5, 0.25)}.
 */
public final class FunctionPlot {

    private FunctionPlot() {
    }

    /** The sample points {@code from, from + step, ...} below {@code to}, each computed as {@code from + i * step}. */
    public static double[] arange(double from, double to, double step) {
        if (!(step > 0) || !(to > from)) {
            throw new IllegalArgumentException("need from < to and step > 0, got from " + from + ", to " + to
                    + ", step " + step);
        }
        int n = (int) Math.ceil((to - from) / step);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = from + i * step;
        }
        return xs;
    }

    /** The chart of {@code f} over {@code arange(from, to, step)}, titled {@code title}. */
    public static XYChart chart(String title, DoubleUnaryOperator f, double from, double to, double step) {
        double[] xs = arange(from, to, step);
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = f.applyAsDouble(xs[i]);
        }
        XYChart chart = new XYChartBuilder().width(800).height(600).title(title).xAxisTitle("x").yAxisTitle("f(x)")
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(title, xs, ys).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /** Draws {@code f} over {@code arange(from, to, step)} into {@code file} (.png or .svg). */
    public static Path save(Path file, String title, DoubleUnaryOperator f, double from, double to, double step)
            throws IOException {
        return ChartFiles.save(chart(title, f, from, to, step), file);
    }
}
