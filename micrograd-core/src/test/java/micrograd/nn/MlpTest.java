package micrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;

class MlpTest {

    @Test
    void printsTheArchitectureAsMicrograd() {
        MLP model = new MLP(2, 16, 16, 1);
        String hidden1 = String.join(", ", Collections.nCopies(16, "ReLUNeuron(2)"));
        String hidden2 = String.join(", ", Collections.nCopies(16, "ReLUNeuron(16)"));
        assertThat(model.toString()).isEqualTo(
                "MLP of [Layer of [" + hidden1 + "], Layer of [" + hidden2 + "], Layer of [LinearNeuron(16)]]");
        assertThat(MLP.builder(3).layers(4, 4, 1).activation(Activation.TANH).build().toString())
                .startsWith("MLP of [Layer of [TanhNeuron(3), TanhNeuron(3)").endsWith("Layer of [TanhNeuron(4)]]");
        assertThat(MLP.builder(2).layers(1).output(Activation.SIGMOID).build().toString())
                .isEqualTo("MLP of [Layer of [SigmoidNeuron(2)]]");
    }

    @Test
    void hasMicrogradsParameterCountAndDefaults() {
        MLP model = new MLP(2, 16, 16, 1);
        assertThat(model.parameterCount()).isEqualTo(337);
        assertThat(model.nin()).isEqualTo(2);
        assertThat(model.nout()).isEqualTo(1);
        assertThat(model.sizes()).containsExactly(16, 16, 1);
        assertThat(model.hiddenActivation()).isEqualTo(Activation.RELU);
        assertThat(model.outputActivation()).isEqualTo(Activation.LINEAR);
        for (Layer layer : model.layers()) {
            for (Neuron n : layer.neurons()) {
                assertThat(n.bias().data()).isZero();
                assertThat(n.weights()).allSatisfy(w -> assertThat(w.data()).isBetween(-1.0, 1.0));
            }
        }
        assertThat(model.parameterData()).isEqualTo(MLP.builder(2).layers(16, 16, 1).seed(MLP.DEFAULT_SEED)
                .build().parameterData());
    }

    @Test
    void listsParametersLayerByLayerNeuronByNeuronWeightsThenBias() {
        MLP model = MLP.builder(3).layers(2, 1).seed(5).build();
        List<Value> expected = new ArrayList<>();
        for (Layer layer : model.layers()) {
            for (Neuron n : layer.neurons()) {
                expected.addAll(n.weights());
                expected.add(n.bias());
            }
        }
        List<Value> actual = model.parameters();
        assertThat(actual).hasSize(11);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).isSameAs(expected.get(i));
        }
        // the weights are drawn in the same order, so parameter 0 is the first number the generator gives
        assertThat(actual.get(0).data()).isEqualTo(new SplittableRandom(5).nextDouble(-1, 1));
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        double[] a = MLP.builder(2).layers(8, 1).seed(7).build().parameterData();
        double[] b = MLP.builder(2).layers(8, 1).seed(7).build().parameterData();
        double[] c = MLP.builder(2).layers(8, 1).seed(8).build().parameterData();
        double[] d = MLP.builder(2).layers(8, 1).random(new SplittableRandom(7)).build().parameterData();
        assertThat(a).isEqualTo(b).isEqualTo(d).isNotEqualTo(c);
    }

    @Test
    void forwardComputesTheNetworkByHand() {
        MLP model = MLP.builder(2).layers(2, 1).hidden(Activation.TANH).output(Activation.LINEAR).build();
        // neuron 1: w = (0.5, -1), b = 0.1; neuron 2: w = (2, 0.25), b = -0.3; output: w = (1.5, -0.5), b = 0.2
        model.setParameterData(new double[] {0.5, -1, 0.1, 2, 0.25, -0.3, 1.5, -0.5, 0.2});
        double x1 = 0.7;
        double x2 = -1.2;
        double h1 = Math.tanh(0.1 + 0.5 * x1 + -1 * x2);
        double h2 = Math.tanh(-0.3 + 2 * x1 + 0.25 * x2);
        List<Value> out = model.forward(x1, x2);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).data()).isEqualTo(0.2 + 1.5 * h1 + -0.5 * h2);
    }

    @Test
    void reproducesTheTraceGraphNeuron() {
        // micrograd's trace_graph notebook: a 2-input ReLU neuron, w = [0.2355, 0.0665], b = 0, x = [1, -2]
        Neuron n = new Neuron(2, Activation.RELU, Init.UNIFORM, new SplittableRandom(0));
        n.weights().get(0).setData(0.23550571390294128);
        n.weights().get(1).setData(0.06653114721000164);
        Value x1 = Value.of(1.0);
        Value x2 = Value.of(-2.0);
        Value y = n.forward(List.of(x1, x2));
        y.backward();
        assertThat(y.data()).isCloseTo(0.1024, within(5e-5));
        assertThat(n.weights().get(0).grad()).isEqualTo(1.0);
        assertThat(n.weights().get(1).grad()).isEqualTo(-2.0);
        assertThat(n.bias().grad()).isEqualTo(1.0);
        assertThat(x1.grad()).isEqualTo(0.23550571390294128);
        assertThat(x2.grad()).isEqualTo(0.06653114721000164);
        assertThat(n.toString()).isEqualTo("ReLUNeuron(2)");
    }

    @Test
    void aLayerOfWidthOneWorksAnywhere() {
        MLP model = MLP.builder(2).layers(1, 3, 1, 1).seed(3).build();
        assertThat(model.parameterCount()).isEqualTo(3 + 3 * 2 + 4 + 2);
        List<Value> out = model.forward(0.5, -0.25);
        assertThat(out).hasSize(1);
        out.get(0).backward();
        assertThat(model.parameters()).anySatisfy(p -> assertThat(p.grad()).isNotZero());
        Layer single = new Layer(3, 1, Activation.TANH, Init.UNIFORM, new SplittableRandom(1));
        assertThat(single.forward(List.of(Value.of(1), Value.of(2), Value.of(3)))).hasSize(1);
        assertThat(single.toString()).isEqualTo("Layer of [TanhNeuron(3)]");
    }

    @Test
    void predictIsBitIdenticalToForwardForEveryActivation() {
        SplittableRandom rng = new SplittableRandom(11);
        for (Activation act : Activation.values()) {
            MLP model = MLP.builder(3).layers(5, 4, 2).activation(act).seed(act.ordinal()).build();
            for (int trial = 0; trial < 50; trial++) {
                double[] x = {rng.nextDouble(-3, 3), rng.nextDouble(-3, 3), rng.nextDouble(-3, 3)};
                double[] fast = model.predict(x);
                List<Value> graph = model.forward(x);
                for (int k = 0; k < 2; k++) {
                    assertThat(fast[k]).as("%s output %d", act, k).isEqualTo(graph.get(k).data());
                }
            }
        }
    }

    @Test
    void inputsNamesTheInputCountOfMicrogradsMlp() {
        MLP named = MLP.inputs(2).layers(16, 16, 1).build();
        MLP positional = new MLP(2, 16, 16, 1);
        assertThat(named.nin()).isEqualTo(2);
        assertThat(named.sizes()).containsExactly(16, 16, 1);
        assertThat(named.toString()).isEqualTo(positional.toString());
        assertThat(named.parameters()).extracting(Value::data)
                .containsExactlyElementsOf(positional.parameters().stream().map(Value::data).toList());
    }

    @Test
    void forwardOneIsTheOnlyOutput() {
        MLP model = MLP.inputs(3).layers(4, 1).seed(5).build();
        Value y = model.forwardOne(1.0, -2.0, 0.5);
        assertThat(y.data()).isEqualTo(model.forward(1.0, -2.0, 0.5).get(0).data()).isEqualTo(model.predict(1.0, -2.0, 0.5)[0]);
        y.backward();
        assertThat(model.parameters()).anySatisfy(p -> assertThat(p.grad()).isNotZero());
        assertThatThrownBy(() -> MLP.inputs(3).layers(4, 2).build().forwardOne(1.0, -2.0, 0.5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("this MLP has 2 outputs");
    }

    @Test
    void setParameterDataChecksEverythingBeforeWriting() {
        MLP model = new MLP(2, 3, 1);
        double[] before = model.parameterData();
        assertThatThrownBy(() -> model.setParameterData(new double[12]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 13 parameters, got 12 values");
        double[] withNaN = new double[13];
        withNaN[12] = Double.NaN;
        assertThatThrownBy(() -> model.setParameterData(withNaN)).hasMessageContaining("parameter 12 is NaN");
        assertThat(model.parameterData()).isEqualTo(before);
        double[] values = new double[13];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 10.0;
        }
        model.setParameterData(values);
        assertThat(model.parameterData()).isEqualTo(values);
    }

    @Test
    void rejectsWrongShapesWithAClearMessage() {
        MLP model = new MLP(2, 3, 1);
        assertThatThrownBy(() -> model.forward(1, 2, 3)).hasMessage("this MLP takes 2 inputs, got 3");
        assertThatThrownBy(() -> model.predict(1)).hasMessage("this MLP takes 2 inputs, got 1");
        assertThatThrownBy(() -> new MLP(2)).hasMessageContaining("at least one layer");
        assertThatThrownBy(() -> new MLP(2, 4, 0)).hasMessageContaining("layer 2 has width 0");
        assertThatThrownBy(() -> new MLP(0, 1)).hasMessageContaining("at least 1 input");
        assertThatThrownBy(() -> Activation.parse("softsign")).hasMessageContaining("relu, tanh, sigmoid, linear");
    }

    @Test
    void zeroGradZeroesEveryParameter() {
        MLP model = new MLP(2, 4, 1);
        model.forward(1.0, -1.0).get(0).backward();
        model.forward(0.5, 2.0).get(0).backward();
        assertThat(model.parameters()).anySatisfy(p -> assertThat(p.grad()).isNotZero());
        model.zeroGrad();
        assertThat(model.parameters()).allSatisfy(p -> assertThat(p.grad()).isZero());
    }

    @Test
    void activationsMatchTheirDefinitions() {
        assertThat(Activation.RELU.apply(-2.0)).isZero();
        assertThat(Activation.RELU.apply(1.5)).isEqualTo(1.5);
        assertThat(Activation.TANH.apply(0.5)).isEqualTo(Math.tanh(0.5));
        assertThat(Activation.SIGMOID.apply(0.0)).isEqualTo(0.5);
        assertThat(Activation.SIGMOID.apply(-800)).isZero();
        assertThat(Activation.LINEAR.apply(-3.25)).isEqualTo(-3.25);
        Value x = Value.of(2.0);
        assertThat(Activation.LINEAR.apply(x)).isSameAs(x);
        assertThat(Activation.parse("ReLU")).isEqualTo(Activation.RELU);
        assertThat(Activation.parse("tanh")).isEqualTo(Activation.TANH);
    }

    @Test
    void initialisationsDrawWithinTheirBounds() {
        assertThat(Init.UNIFORM.bound(2, 16)).isEqualTo(1.0);
        assertThat(Init.XAVIER_UNIFORM.bound(16, 8)).isEqualTo(Math.sqrt(6.0 / 24));
        assertThat(Init.KAIMING_UNIFORM.bound(24, 8)).isEqualTo(0.5);
        assertThat(Init.parse("xavier")).isEqualTo(Init.XAVIER_UNIFORM);
        assertThat(Init.parse("KAIMING_UNIFORM")).isEqualTo(Init.KAIMING_UNIFORM);
        assertThat(Init.parse("Uniform")).isEqualTo(Init.UNIFORM);
        assertThatThrownBy(() -> Init.parse("he")).hasMessage("unknown initialisation \"he\"; use one of uniform, xavier, kaiming");
        for (Init init : Init.values()) {
            MLP model = MLP.builder(24).layers(40, 8).init(init).seed(2).build();
            Layer first = model.layers().get(0);
            double bound = init.bound(24, 40);
            double largest = 0;
            for (Neuron n : first.neurons()) {
                assertThat(n.bias().data()).isZero();
                for (Value w : n.weights()) {
                    assertThat(Math.abs(w.data())).isLessThanOrEqualTo(bound);
                    largest = Math.max(largest, Math.abs(w.data()));
                }
            }
            // 960 uniform draws: the largest is within 1% of the bound unless the bound is wrong
            assertThat(largest).as(init.name()).isGreaterThan(0.99 * bound);
        }
    }
}
