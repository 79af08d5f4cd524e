package micrograd.playground;

import java.util.List;
import micrograd.engine.Value;
import micrograd.nn.Activation;
import micrograd.nn.Layer;
import micrograd.nn.MLP;
import micrograd.nn.Neuron;

/**
 * The lecture's examples, in its order, each a program the page's menu loads in one click ({@code #lecture=ID}), with
 * the leaf to nudge and by how much. Their numbers are the lecture's (tested against
 * ../shared/reference/micrograd-reference.md).
 */
enum LectureExample {

    DERIVATIVE("derivative", "the derivative of f(x) = 3x² − 4x + 5, by nudging x", "x = 3.0\nf = 3*x**2 - 4*x + 5",
            "x", 0.000001),
    L_GRAPH("L", "L = d·f: manual backpropagation",
            "a = 2.0\nb = -3.0\nc = 10.0\ne = a*b\nd = e + c\nf = -2.0\nL = d*f", "a", 0.001),
    NEURON("neuron", "a neuron with tanh", "x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\nb = 6.8813735870195432\n"
            + "n = x1*w1 + x2*w2 + b\no = tanh(n)", "w1", 0.001),
    NEURON_EXP("neuron-exp", "the same neuron, tanh written with exp", "x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\n"
            + "b = 6.8813735870195432\nn = x1*w1 + x2*w2 + b\ne = exp(2*n)\no = (e - 1)/(e + 1)", "w1", 0.001),
    A_PLUS_A("a-plus-a", "a node used twice: b = a + a", "a = 3.0\nb = a + a", "a", 0.001),
    MLP_FORWARD("mlp", "one forward pass of MLP(3, [4, 4, 1]) on x = [2.0, 3.0, -1.0]", mlpProgram(), "x1", 0.001);

    final String id;
    final String title;
    final String program;
    final String nudged;
    final double h;

    LectureExample(String id, String title, String program, String nudged, double h) {
        this.id = id;
        this.title = title;
        this.program = program;
        this.nudged = nudged;
        this.h = h;
    }

    /** The lecture's MLP: 3 inputs, two layers of 4 and one output, tanh on every neuron; seeded, weights to 4 places. */
    static MLP lectureMlp() {
        MLP mlp = MLP.builder(3).layers(4, 4, 1).activation(Activation.TANH).build();
        double[] weights = mlp.parameterData();
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.round(weights[i] * 1e4) / 1e4;
        }
        mlp.setParameterData(weights);
        return mlp;
    }

    /** The lecture's first example input, {@code xs[0]} (a method: the constants above are made before any field). */
    static double[] mlpInput() {
        return new double[] {2.0, 3.0, -1.0};
    }

    /**
     * The forward pass of {@link #lectureMlp()} on {@link #mlpInput()} as a program: each neuron
     * {@code h1_2 = tanh(b1_2 + w1_2_1*x1 + ...)}, the bias first as micrograd sums it, the last neuron {@code o}.
     */
    private static String mlpProgram() {
        StringBuilder program = new StringBuilder();
        double[] input = mlpInput();
        for (int i = 0; i < input.length; i++) {
            program.append("x").append(i + 1).append(" = ").append(input[i]).append('\n');
        }
        List<Layer> layers = lectureMlp().layers();
        String[] inputs = {"x1", "x2", "x3"};
        for (int l = 0; l < layers.size(); l++) {
            List<Neuron> neurons = layers.get(l).neurons();
            String[] outputs = new String[neurons.size()];
            for (int j = 0; j < neurons.size(); j++) {
                Neuron neuron = neurons.get(j);
                String suffix = (l + 1) + "_" + (j + 1);
                StringBuilder sum = new StringBuilder("b" + suffix);
                program.append("b").append(suffix).append(" = ").append(neuron.bias().data()).append('\n');
                List<Value> weights = neuron.weights();
                for (int i = 0; i < weights.size(); i++) {
                    String w = "w" + suffix + "_" + (i + 1);
                    program.append(w).append(" = ").append(weights.get(i).data()).append('\n');
                    sum.append(" + ").append(w).append('*').append(inputs[i]);
                }
                outputs[j] = l == layers.size() - 1 ? "o" : "h" + suffix;
                program.append(outputs[j]).append(" = tanh(").append(sum).append(")\n");
            }
            inputs = outputs;
        }
        return program.toString().strip();
    }

    /** The example with this id; null for none. */
    static LectureExample byId(String id) {
        for (LectureExample example : values()) {
            if (example.id.equals(id)) {
                return example;
            }
        }
        return null;
    }
}
