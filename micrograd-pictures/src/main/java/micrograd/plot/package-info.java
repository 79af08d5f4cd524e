/**
 * Plots for code and JShell, drawn with XChart: {@link micrograd.plot.FunctionPlot} draws a function of one variable
 * (the lecture's {@code f(x) = 3x^2 - 4x + 5} over [-5, 5)), {@link micrograd.plot.TrainingPlot} draws a training
 * history (loss and accuracy per step), {@link micrograd.plot.DecisionBoundaryPlot} draws a classifier's decision
 * regions under the data points, like micrograd's demo picture, {@link micrograd.plot.GptLossPlot} microgpt's loss
 * curve with its running mean, and {@link micrograd.plot.AttentionPlot} a GPT's attention heatmaps (PNG). Each writes PNG or SVG as the file's extension says,
 * through {@link micrograd.plot.ChartFiles}, which writes to a temporary name and then renames, and works headless
 * (no display needed).
 */
package micrograd.plot;
