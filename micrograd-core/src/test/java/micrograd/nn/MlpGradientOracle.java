package micrograd.nn;

import micrograd.train.Loss;

/**
 * The oracle for the engine's network gradients: a multi-layer perceptron on plain {@code double[]} arrays, with its
 * forward and backward pass written out by hand (no graph, no {@code Value}). Hidden layers use ReLU or tanh, the
 * last layer is linear; the loss is micrograd's hinge or the mean squared error against ±1, plus
 * {@code alpha * sum p^2}.
 */
final class MlpGradientOracle {

    /** weights[l][j][i]: layer l, neuron j, input i. */
    final double[][][] weights;
    final double[][] biases;
    private final boolean tanhHidden;

    /** The loss at the current parameters and its gradient, in micrograd's parameter order. */
    record LossAndGradient(double loss, double[] gradient) {
    }

    MlpGradientOracle(int nin, int[] sizes, boolean tanhHidden, double[] parameters) {
        this.tanhHidden = tanhHidden;
        weights = new double[sizes.length][][];
        biases = new double[sizes.length][];
        int in = nin;
        for (int l = 0; l < sizes.length; l++) {
            weights[l] = new double[sizes[l]][in];
            biases[l] = new double[sizes[l]];
            in = sizes[l];
        }
        setParameters(parameters);
    }

    void setParameters(double[] p) {
        int k = 0;
        for (int l = 0; l < weights.length; l++) {
            for (int j = 0; j < weights[l].length; j++) {
                for (int i = 0; i < weights[l][j].length; i++) {
                    weights[l][j][i] = p[k++];
                }
                biases[l][j] = p[k++];
            }
        }
    }

    double[] parameters() {
        double[] p = new double[gradientSize()];
        int k = 0;
        for (int l = 0; l < weights.length; l++) {
            for (int j = 0; j < weights[l].length; j++) {
                for (int i = 0; i < weights[l][j].length; i++) {
                    p[k++] = weights[l][j][i];
                }
                p[k++] = biases[l][j];
            }
        }
        return p;
    }

    private int gradientSize() {
        int n = 0;
        for (double[][] layer : weights) {
            n += layer.length * (layer[0].length + 1);
        }
        return n;
    }

    /** Loss and gradient over all samples; {@code hinge} picks the loss, {@code y} holds ±1 labels. */
    LossAndGradient lossAndGradient(double[][] x, double[] y, boolean hinge, double alpha) {
        int layers = weights.length;
        double[][][] gw = new double[layers][][];
        double[][] gb = new double[layers][];
        for (int l = 0; l < layers; l++) {
            gw[l] = new double[weights[l].length][weights[l][0].length];
            gb[l] = new double[weights[l].length];
        }
        double dataLoss = 0;
        int n = x.length;
        for (int s = 0; s < n; s++) {
            // forward, keeping every layer's input and pre-activation
            double[][] inputs = new double[layers + 1][];
            double[][] pre = new double[layers][];
            inputs[0] = x[s];
            for (int l = 0; l < layers; l++) {
                pre[l] = new double[weights[l].length];
                inputs[l + 1] = new double[weights[l].length];
                for (int j = 0; j < weights[l].length; j++) {
                    double z = biases[l][j];
                    for (int i = 0; i < inputs[l].length; i++) {
                        z += weights[l][j][i] * inputs[l][i];
                    }
                    pre[l][j] = z;
                    inputs[l + 1][j] = l == layers - 1 ? z : tanhHidden ? Math.tanh(z) : Math.max(0, z);
                }
            }
            double score = inputs[layers][0];
            double dScore;
            if (hinge) {
                double margin = 1 - y[s] * score;
                dataLoss += Math.max(0, margin);
                dScore = margin > 0 ? -y[s] / n : 0;
            } else {
                dataLoss += (score - y[s]) * (score - y[s]);
                dScore = 2 * (score - y[s]) / n;
            }
            // backward
            double[] delta = {dScore};
            for (int l = layers - 1; l >= 0; l--) {
                double[] dz = new double[delta.length];
                for (int j = 0; j < delta.length; j++) {
                    double slope;
                    if (l == layers - 1) {
                        slope = 1;
                    } else if (tanhHidden) {
                        slope = 1 - inputs[l + 1][j] * inputs[l + 1][j];
                    } else {
                        slope = pre[l][j] > 0 ? 1 : 0;
                    }
                    dz[j] = delta[j] * slope;
                }
                double[] previous = new double[inputs[l].length];
                for (int j = 0; j < dz.length; j++) {
                    gb[l][j] += dz[j];
                    for (int i = 0; i < previous.length; i++) {
                        gw[l][j][i] += dz[j] * inputs[l][i];
                        previous[i] += weights[l][j][i] * dz[j];
                    }
                }
                delta = previous;
            }
        }
        double[] p = parameters();
        double sumSquares = 0;
        double[] gradient = new double[p.length];
        int k = 0;
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < weights[l].length; j++) {
                for (int i = 0; i < weights[l][j].length; i++) {
                    gradient[k++] = gw[l][j][i];
                }
                gradient[k++] = gb[l][j];
            }
        }
        for (int i = 0; i < p.length; i++) {
            sumSquares += p[i] * p[i];
            gradient[i] += 2 * alpha * p[i];
        }
        return new LossAndGradient(dataLoss / n + alpha * sumSquares, gradient);
    }
}
