package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Every engine number in shared/reference/micrograd-reference.md. */
class ReferenceNumbersTest {

    /** 1e-12 relative, as the issue asks for the README expression. */
    private static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
    }

    private static final Offset<Double> FOUR_DECIMALS = within(5e-5);

    @Test
    void readmeExpression() {
        ReadmeExpression readme = ReadmeExpression.build();
        Value a = readme.a();
        Value b = readme.b();
        Value g = readme.g();
        g.backward();

        assertThat(readme.c().data()).isEqualTo(-1.0);
        assertThat(readme.d().data()).isEqualTo(6.0);
        assertThat(readme.e().data()).isEqualTo(-7.0);
        assertThat(readme.f().data()).isEqualTo(49.0);
        assertClose(g.data(), 24.70408163265306);
        assertClose(a.grad(), 138.83381924198252);
        assertClose(b.grad(), 645.5772594752187);
        assertThat(String.format("%.4f %.4f %.4f", g.data(), a.grad(), b.grad())).isEqualTo("24.7041 138.8338 645.5773");
    }

    @Test
    void sanityCheckIsExact() {
        Value x = Value.of(-4.0);
        Value z = x.mul(2).add(2).add(x);
        Value q = z.relu().add(z.mul(x));
        Value h = z.mul(z).relu();
        Value y = h.add(q).add(q.mul(x));
        y.backward();

        assertThat(y.data()).isEqualTo(-20.0);
        assertThat(x.grad()).isEqualTo(46.0);
    }

    @Test
    void manualBackpropExampleOfTheLecture() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(10.0, "c");
        Value f = Value.of(-2.0, "f");
        Value e = a.mul(b).label("e");
        Value d = e.add(c).label("d");
        Value L = d.mul(f).label("L");
        L.backward();

        assertThat(new double[] {e.data(), d.data(), L.data()}).containsExactly(-6.0, 4.0, -8.0);
        assertThat(new double[] {L.grad(), d.grad(), f.grad(), c.grad(), e.grad(), a.grad(), b.grad()})
                .containsExactly(1.0, -2.0, 4.0, -2.0, -2.0, 6.0, -4.0);

        // one step of gradient ascent on L, then a forward pass
        for (Value leaf : new Value[] {a, b, c, f}) {
            leaf.setData(leaf.data() + 0.01 * leaf.grad());
        }
        Value stepped = a.mul(b).add(c).mul(f);
        assertThat(stepped.data()).isCloseTo(-7.286496, within(1e-9));
    }

    @Test
    void numericalCheckOnBOfTheLecture() {
        double h = 0.001;
        double l1 = lectureL(2.0, -3.0, 10.0, -2.0);
        double l2 = lectureL(2.0, -3.0 + h, 10.0, -2.0);
        assertThat((l2 - l1) / h).isCloseTo(-3.9999999999995595, within(1e-12));
    }

    private static double lectureL(double a, double b, double c, double f) {
        return Value.of(a).mul(Value.of(b)).add(Value.of(c)).mul(Value.of(f)).data();
    }

    /** The lecture's neuron; returns {x1, x2, w1, w2, b, x1w1, x2w2, x1w1x2w2, n, o} after o.backward(). */
    private static Value[] tanhNeuron(boolean spelledWithExp) {
        Value x1 = Value.of(2.0, "x1");
        Value x2 = Value.of(0.0, "x2");
        Value w1 = Value.of(-3.0, "w1");
        Value w2 = Value.of(1.0, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value x1w1 = x1.mul(w1).label("x1*w1");
        Value x2w2 = x2.mul(w2).label("x2*w2");
        Value x1w1x2w2 = x1w1.add(x2w2).label("x1*w1 + x2*w2");
        Value n = x1w1x2w2.add(b).label("n");
        Value o;
        if (spelledWithExp) {
            Value e = n.mul(2).exp().label("e");
            o = e.sub(1).div(e.add(1)).label("o");
        } else {
            o = n.tanh().label("o");
        }
        o.backward();
        return new Value[] {x1, x2, w1, w2, b, x1w1, x2w2, x1w1x2w2, n, o};
    }

    @Test
    void tanhNeuron() {
        Value[] v = tanhNeuron(false);
        assertThat(v[5].data()).isEqualTo(-6.0);
        assertThat(v[6].data()).isEqualTo(0.0);
        assertThat(v[7].data()).isEqualTo(-6.0);
        assertThat(v[8].data()).isCloseTo(0.8813735870195432, within(1e-15));
        assertThat(v[9].data()).isCloseTo(0.7071067811865476, within(2e-16));
        assertThat(v[9].op()).isEqualTo("tanh");
        // grads of o, n, b, x1w1x2w2, x1w1, x2w2, x1, w1, x2, w2
        double[] expected = {1.0, 0.5, 0.5, 0.5, 0.5, 0.5, -1.5, 1.0, 0.5, 0.0};
        Value[] order = {v[9], v[8], v[4], v[7], v[5], v[6], v[0], v[2], v[1], v[3]};
        for (int i = 0; i < order.length; i++) {
            assertThat(order[i].grad()).as(order[i].label()).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void tanhNeuronSpelledWithExpHasTheSameLeafGradients() {
        Value[] plain = tanhNeuron(false);
        Value[] spelled = tanhNeuron(true);
        for (int i = 0; i < 5; i++) {
            assertThat(spelled[i].grad()).as(spelled[i].label()).isCloseTo(plain[i].grad(), within(1e-12));
        }
        assertThat(spelled[9].data()).isCloseTo(plain[9].data(), within(1e-15));
    }

    @Test
    void expSpelledNeuronIntermediatesAsTheLectureDrawsThem() {
        // The lecture's division is a * b**-1; spell it that way to see its nodes.
        Value n = Value.of(0.8813735870195432, "n");
        Value two = Value.of(2.0);
        Value twoN = n.mul(two);
        Value e = twoN.exp();
        Value eMinus1 = e.sub(1);
        Value ePlus1 = e.add(1);
        Value inverse = ePlus1.pow(-1);
        Value o = eMinus1.mul(inverse);
        o.backward();

        assertThat(inverse.op()).isEqualTo("**-1");
        assertThat(twoN.data()).isCloseTo(1.7627, FOUR_DECIMALS);
        // The reference lists "2n (grad 0.2203)": in the lecture's drawing 0.2203 is the grad of the constant 2
        // (n * 0.25); the 2n node's own grad is do/d(2n) = 0.25.
        assertThat(two.grad()).isCloseTo(0.2203, FOUR_DECIMALS);
        assertThat(twoN.grad()).isCloseTo(0.25, within(1e-12));
        assertThat(e.data()).isCloseTo(5.8284, FOUR_DECIMALS);
        assertThat(e.grad()).isCloseTo(0.0429, FOUR_DECIMALS);
        assertThat(eMinus1.data()).isCloseTo(4.8284, FOUR_DECIMALS);
        assertThat(eMinus1.grad()).isCloseTo(0.1464, FOUR_DECIMALS);
        assertThat(ePlus1.data()).isCloseTo(6.8284, FOUR_DECIMALS);
        assertThat(ePlus1.grad()).isCloseTo(-0.1036, FOUR_DECIMALS);
        assertThat(inverse.data()).isCloseTo(0.1464, FOUR_DECIMALS);
        assertThat(inverse.grad()).isCloseTo(4.8284, FOUR_DECIMALS);
        assertThat(n.grad()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aNodeUsedTwiceGetsBothContributions() {
        Value a = Value.of(3.0, "a");
        Value b = a.add(a).label("b");
        b.backward();
        assertThat(a.grad()).isEqualTo(2.0);
    }

    @Test
    void reuseExampleWithTwoPaths() {
        Value a = Value.of(-2.0, "a");
        Value b = Value.of(3.0, "b");
        Value d = a.mul(b).label("d");
        Value e = a.add(b).label("e");
        Value f = d.mul(e).label("f");
        f.backward();

        assertThat(new double[] {d.data(), e.data(), f.data()}).containsExactly(-6.0, 1.0, -6.0);
        assertThat(new double[] {a.grad(), b.grad(), d.grad(), e.grad()}).containsExactly(-3.0, -8.0, 1.0, -6.0);
    }

    @Test
    void traceGraphExamples() {
        Value x = Value.of(1.0, "x");
        Value y = x.mul(2).add(1).relu();
        y.backward();
        assertThat(y.data()).isEqualTo(3.0);
        assertThat(x.grad()).isEqualTo(2.0);

        Value x1 = Value.of(1.0, "x1");
        Value x2 = Value.of(-2.0, "x2");
        Value w1 = Value.of(0.23550571390294128, "w1");
        Value w2 = Value.of(0.06653114721000164, "w2");
        Value bias = Value.of(0.0, "b");
        Value p1 = x1.mul(w1);
        Value p2 = x2.mul(w2);
        Value neuron = p1.add(p2).add(bias).relu();
        neuron.backward();
        assertThat(neuron.data()).isCloseTo(0.1024, FOUR_DECIMALS);
        assertThat(p1.data()).isCloseTo(0.2355, FOUR_DECIMALS);
        assertThat(p2.data()).isCloseTo(-0.1331, FOUR_DECIMALS);
        assertThat(new double[] {w1.grad(), w2.grad(), bias.grad()}).containsExactly(1.0, -2.0, 1.0);
        assertThat(x1.grad()).isCloseTo(0.2355, FOUR_DECIMALS);
        assertThat(x2.grad()).isCloseTo(0.0665, FOUR_DECIMALS);
        assertThat(neuron.op()).isEqualTo("ReLU");
        assertThat(w1.data()).isCloseTo(0.2355, withinPercentage(0.01));
    }
}
