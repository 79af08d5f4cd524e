package micrograd.bench;

import java.util.Arrays;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.nn.Activation;
import micrograd.nn.Layer;
import micrograd.nn.MLP;

/**
 * The demo's training step written by hand on {@code double[]} arrays: forward, hinge loss plus L2, backward and
 * SGD for an MLP with ReLU hidden layers and a linear output. No graph, no objects per step: the stand-in for what
 * the hardware can do, against which the engine and the tape are measured. It computes the same loss and gradient
 * as the object graph (a test checks it), so the comparison is of equal work.
 */
public final class HandWrittenMlp {

    private final int[] width;        // width[0] = inputs, width[l + 1] = neurons of layer l
    private final double[][] weight;  // weight[l][j * width[l] + i]: neuron j of layer l, input i
    private final double[][] bias;
    private final double[][] weightGrad;
    private final double[][] biasGrad;
    private final double[][] activation; // activation[l][sample * width[l] + j]; activation[0] holds the inputs
    private final double[][] delta;      // d loss / d (pre-activation) of layer l, same layout as activation[l + 1]
    private final double[] signedLabels;
    private final int samples;
    private final double alpha;

    /** Copies the model's current parameters and the data; the model itself is not touched afterwards. */
    public HandWrittenMlp(MLP model, Dataset data, double alpha) {
        if (model.hiddenActivation() != Activation.RELU || model.outputActivation() != Activation.LINEAR
                || model.nout() != 1) {
            throw new IllegalArgumentException("the hand-written loop is the demo's: ReLU hidden layers and one linear"
                    + " output, got " + model);
        }
        List<Layer> layers = model.layers();
        int depth = layers.size();
        width = new int[depth + 1];
        width[0] = model.nin();
        weight = new double[depth][];
        bias = new double[depth][];
        weightGrad = new double[depth][];
        biasGrad = new double[depth][];
        activation = new double[depth + 1][];
        delta = new double[depth][];
        samples = data.size();
        for (int l = 0; l < depth; l++) {
            width[l + 1] = layers.get(l).nout();
            weight[l] = new double[width[l + 1] * width[l]];
            bias[l] = new double[width[l + 1]];
            weightGrad[l] = new double[weight[l].length];
            biasGrad[l] = new double[bias[l].length];
            activation[l + 1] = new double[samples * width[l + 1]];
            delta[l] = new double[samples * width[l + 1]];
        }
        setParameters(model.parameterData());
        activation[0] = new double[samples * width[0]];
        for (int s = 0; s < samples; s++) {
            System.arraycopy(data.row(s), 0, activation[0], s * width[0], width[0]);
        }
        signedLabels = data.signedLabels();
        this.alpha = alpha;
    }

    /** Sets the parameters from {@code values} in {@link MLP#parameters()} order (neuron by neuron, weights then bias). */
    public void setParameters(double[] values) {
        int k = 0;
        for (int l = 0; l < weight.length; l++) {
            for (int j = 0; j < width[l + 1]; j++) {
                System.arraycopy(values, k, weight[l], j * width[l], width[l]);
                k += width[l];
                bias[l][j] = values[k++];
            }
        }
    }

    /** The gradient of the last {@link #lossAndGradient()}, in {@link MLP#parameters()} order. */
    public double[] gradient() {
        double[] g = new double[parameterCount()];
        int k = 0;
        for (int l = 0; l < weight.length; l++) {
            for (int j = 0; j < width[l + 1]; j++) {
                System.arraycopy(weightGrad[l], j * width[l], g, k, width[l]);
                k += width[l];
                g[k++] = biasGrad[l][j];
            }
        }
        return g;
    }

    private int parameterCount() {
        int n = 0;
        for (int l = 0; l < weight.length; l++) {
            n += weight[l].length + bias[l].length;
        }
        return n;
    }

    /** One training step: the loss and gradient at the current parameters, then {@code p -= lr * grad}. */
    public double step(double learningRate) {
        double loss = lossAndGradient();
        for (int l = 0; l < weight.length; l++) {
            for (int i = 0; i < weight[l].length; i++) {
                weight[l][i] -= learningRate * weightGrad[l][i];
            }
            for (int j = 0; j < bias[l].length; j++) {
                bias[l][j] -= learningRate * biasGrad[l][j];
            }
        }
        return loss;
    }

    /** Mean hinge loss plus {@code alpha * sum p^2}; fills the gradient arrays. */
    public double lossAndGradient() {
        int last = weight.length - 1;
        for (int l = 0; l <= last; l++) {
            forwardLayer(l, l < last);
        }
        double[] scores = activation[last + 1];
        double hingeSum = 0;
        double perSample = 1.0 / samples;
        for (int s = 0; s < samples; s++) {
            double y = signedLabels[s];
            double margin = scores[s] * -y + 1;
            hingeSum += margin < 0 ? 0.0 : margin;
            delta[last][s] = margin > 0 ? -y * perSample : 0.0;
        }
        for (int l = last; l >= 0; l--) {
            backwardLayer(l);
        }
        double squares = 0;
        for (int l = 0; l <= last; l++) {
            for (int j = 0; j < width[l + 1]; j++) {
                for (int i = 0; i < width[l]; i++) {
                    double w = weight[l][j * width[l] + i];
                    squares += w * w;
                    weightGrad[l][j * width[l] + i] += 2 * alpha * w;
                }
                squares += bias[l][j] * bias[l][j];
                biasGrad[l][j] += 2 * alpha * bias[l][j];
            }
        }
        return hingeSum * perSample + squares * alpha;
    }

    private void forwardLayer(int l, boolean relu) {
        int in = width[l];
        int out = width[l + 1];
        double[] x = activation[l];
        double[] w = weight[l];
        double[] y = activation[l + 1];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < out; j++) {
                double total = bias[l][j];
                for (int i = 0; i < in; i++) {
                    total += w[j * in + i] * x[s * in + i];
                }
                y[s * out + j] = relu && total < 0 ? 0.0 : total;
            }
        }
    }

    /** Turns delta[l] into layer l's gradients and, below the first layer, delta[l - 1] (through the ReLU). */
    private void backwardLayer(int l) {
        int in = width[l];
        int out = width[l + 1];
        double[] x = activation[l];
        double[] w = weight[l];
        double[] d = delta[l];
        double[] wg = weightGrad[l];
        double[] bg = biasGrad[l];
        Arrays.fill(wg, 0.0);
        Arrays.fill(bg, 0.0);
        double[] below = l > 0 ? delta[l - 1] : null;
        if (below != null) {
            Arrays.fill(below, 0.0);
        }
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < out; j++) {
                double g = d[s * out + j];
                bg[j] += g;
                for (int i = 0; i < in; i++) {
                    wg[j * in + i] += g * x[s * in + i];
                    if (below != null) {
                        below[s * in + i] += g * w[j * in + i];
                    }
                }
            }
            if (below != null) {
                for (int i = 0; i < in; i++) {
                    if (!(x[s * in + i] > 0)) {
                        below[s * in + i] = 0.0; // ReLU: no gradient where the activation was not positive
                    }
                }
            }
        }
    }
}
