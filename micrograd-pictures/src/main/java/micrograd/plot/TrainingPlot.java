package micrograd.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import micrograd.train.TrainingStep;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss (left axis) and accuracy in percent (right axis) per training step. Steps whose loss is not finite (training
 * diverged) are left out of the loss line.
 */
public final class TrainingPlot {

    private TrainingPlot() {
    }

    /** The chart of {@code history}, titled {@code title}. */
    public static XYChart chart(String title, List<TrainingStep> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a training history needs at least one step");
        }
        double[] steps = new double[history.size()];
        double[] loss = new double[history.size()];
        double[] accuracy = new double[history.size()];
        for (int i = 0; i < history.size(); i++) {
            TrainingStep step = history.get(i);
            steps[i] = step.step();
            loss[i] = Double.isFinite(step.loss()) ? step.loss() : Double.NaN; // a diverged step leaves a gap
            accuracy[i] = 100 * step.accuracy();
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("step").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(1, 0.0);
        chart.getStyler().setYAxisMax(1, 100.0);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(0, "loss");
        chart.setYAxisGroupTitle(1, "accuracy (%)");
        chart.addSeries("loss", steps, loss).setMarker(SeriesMarkers.NONE);
        XYSeries accuracySeries = chart.addSeries("accuracy (%)", steps, accuracy);
        accuracySeries.setMarker(SeriesMarkers.NONE);
        accuracySeries.setYAxisGroup(1);
        return chart;
    }

    /** Draws {@code history} into {@code file} (.png or .svg). */
    public static Path save(Path file, String title, List<TrainingStep> history) throws IOException {
        return ChartFiles.save(chart(title, history), file);
    }
}
