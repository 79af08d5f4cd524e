package micrograd.plot;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * microgpt's loss curve: each step's loss (one name, so noisy) and its running mean over the last {@link #MEAN_OVER}
 * steps, which shows the trend, with the loss of a uniform guess over the vocabulary, {@code log(vocabSize)}, marked.
 */
public final class GptLossPlot {

    /** The running mean's window, in steps. */
    public static final int MEAN_OVER = 50;

    private GptLossPlot() {
    }

    /** The mean of each step's loss and the (up to) {@link #MEAN_OVER} - 1 before it. */
    public static double[] runningMean(double[] losses) {
        double[] means = new double[losses.length];
        double total = 0;
        for (int i = 0; i < losses.length; i++) {
            total += losses[i] - (i >= MEAN_OVER ? losses[i - MEAN_OVER] : 0);
            means[i] = total / Math.min(i + 1, MEAN_OVER);
        }
        return means;
    }

    /** The chart of {@code losses} (step 1 first) of a model over {@code vocabSize} tokens. */
    public static XYChart chart(double[] losses, int vocabSize) {
        if (losses.length == 0) {
            throw new IllegalArgumentException("a loss curve needs at least one step");
        }
        double[] steps = new double[losses.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i + 1;
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title("microgpt's loss").xAxisTitle("step")
                .yAxisTitle("loss").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(0.0);
        chart.addSeries("loss (one name per step)", steps, losses).setMarker(SeriesMarkers.NONE);
        chart.addSeries("mean over the last " + MEAN_OVER + " steps", steps, runningMean(losses))
                .setMarker(SeriesMarkers.NONE);
        double uniform = Math.log(vocabSize);
        chart.addSeries(String.format(java.util.Locale.ROOT, "-log(1/%d) = %.2f, a uniform guess", vocabSize,
                uniform), new double[] {1, losses.length}, new double[] {uniform, uniform})
                .setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /** Draws the curve into {@code file} (.png or .svg). */
    public static Path save(Path file, double[] losses, int vocabSize) throws IOException {
        return ChartFiles.save(chart(losses, vocabSize), file);
    }
}
