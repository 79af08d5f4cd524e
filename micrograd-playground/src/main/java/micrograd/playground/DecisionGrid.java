package micrograd.playground;

import micrograd.data.Dataset;
import micrograd.nn.MLP;
import micrograd.train.Metrics;

/**
 * What the page's decision-boundary plot draws, for the training view and {@code #demo} alike: the plot's extent
 * around the data, and the model's class and confidence on a grid over it.
 */
final class DecisionGrid {

    private DecisionGrid() {
    }

    /** The data's extent with a margin of 0.5: xmin, xmax, ymin, ymax. */
    static double[] boundsOf(Dataset data) {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] row : data.features()) {
            b[0] = Math.min(b[0], row[0]);
            b[1] = Math.max(b[1], row[0]);
            b[2] = Math.min(b[2], row[1]);
            b[3] = Math.max(b[3], row[1]);
        }
        return new double[] {b[0] - 0.5, b[1] + 0.5, b[2] - 0.5, b[3] + 0.5};
    }

    /**
     * The model's class and confidence over a {@code cells} x {@code cells} grid of {@code bounds}, row by row from
     * the top: {@code 100 * class + confidence}, confidence from 0 (on the boundary) to 99 (sure). For one output the
     * confidence is {@code tanh(|score - threshold|)}; for one output per class, how far the softmax's largest
     * probability is from a uniform guess.
     */
    static int[] of(MLP model, double[] bounds, int cells) {
        int[] grid = new int[cells * cells];
        for (int row = 0; row < cells; row++) {
            double y = bounds[3] - (row + 0.5) * (bounds[3] - bounds[2]) / cells;
            for (int col = 0; col < cells; col++) {
                double x = bounds[0] + (col + 0.5) * (bounds[1] - bounds[0]) / cells;
                double[] outputs = model.predict(x, y);
                int label = Metrics.predictedClass(model, outputs);
                double confidence = confidence(model, outputs);
                // not Math.round: TeaVM's throws on NaN (a diverged model), where Java's gives 0
                grid[row * cells + col] = label < 0 || Double.isNaN(confidence) ? 0
                        : 100 * label + (int) (99 * confidence + 0.5);
            }
        }
        return grid;
    }

    private static double confidence(MLP model, double[] outputs) {
        if (outputs.length == 1) {
            return Math.tanh(Math.abs(outputs[0] - model.outputActivation().decisionThreshold()));
        }
        double max = outputs[Metrics.argmax(outputs)];
        double total = 0;
        for (double o : outputs) {
            total += Math.exp(o - max);
        }
        double top = 1 / total;
        double uniform = 1.0 / outputs.length;
        return (top - uniform) / (1 - uniform);
    }

    /** A grid as the page reads it: the cells comma-separated. */
    static String text(int[] grid) {
        StringBuilder text = new StringBuilder();
        for (int cell : grid) {
            text.append(cell).append(',');
        }
        return text.substring(0, text.length() - 1);
    }

    /** A dataset's points as the page reads them: {@code x,y,class} per point, separated by {@code ;}. */
    static String points(Dataset data) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            double[] row = data.row(i);
            text.append(i == 0 ? "" : ";").append(row[0]).append(',').append(row[1]).append(',').append(data.label(i));
        }
        return text.toString();
    }
}
