package micrograd.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import micrograd.engine.Value;
import micrograd.expr.Program;
import org.junit.jupiter.api.Test;

/** The backward pass told step by step: the lecture's words and numbers, and the engine's grads bit for bit. */
class BackwardStepsTest {

    static final String L_PROGRAM = "a = 2.0; b = -3.0; c = 10.0; e = a*b; d = e + c; f = -2.0; L = d*f";

    /** The lecture's L example, every line: what {@code grad --steps} prints and the page shows. */
    static final List<String> L_STEPS = List.of(
            "step 0: before backward(): every grad is 0, except L.grad = 1.0, as dL/dL = 1 (L moves one for one with "
                    + "itself)",
            "step 1: d.grad += f.data × L.grad = (-2.0) × 1.0 = -2.0; f.grad += d.data × L.grad = 4.0 × 1.0 = 4.0",
            "step 2: e.grad += d.grad = -2.0; c.grad += d.grad = -2.0",
            "step 3: a.grad += b.data × e.grad = (-3.0) × (-2.0) = 6.0; b.grad += a.data × e.grad = 2.0 × (-2.0) = "
                    + "-4.0");

    private static BackwardSteps stepsOf(String program) {
        Value output = Program.parse(program, Map.of()).output();
        output.backward();
        return new BackwardSteps(output);
    }

    @Test
    void theLecturesLExampleInItsOwnNames() {
        BackwardSteps steps = stepsOf(L_PROGRAM);
        assertThat(steps.summary()).isEqualTo(L_STEPS);
        List<String> labels = steps.nodes().stream().map(Value::label).toList();
        assertThat(labels).containsExactly("a", "b", "e", "c", "d", "f", "L");
        assertThat(steps.count()).as("leaves are no steps").isEqualTo(3);
        assertThat(steps.step(1).node()).isEqualTo(labels.indexOf("L"));
        assertThat(steps.step(1).receivers()).containsExactly(labels.indexOf("d"), labels.indexOf("f"));
        assertThat(steps.step(3).receivers()).containsExactly(labels.indexOf("a"), labels.indexOf("b"));
    }

    @Test
    void stepZeroIsTheOutputsOneAloneAndTheLastStepGivesTheEnginesGradsBitForBit() {
        Value g = Program.parse("c = a + b; d = a*b + b**3; e = c - relu(d); f = e**2; g = f / 2.0 + 10.0 / f",
                Map.of("a", Value.of(-4, "a"), "b", Value.of(2, "b"))).output();
        g.backward();
        BackwardSteps steps = new BackwardSteps(g);
        double[] start = steps.gradsAfter(0);
        assertThat(start[steps.rootId()]).isEqualTo(1.0);
        start[steps.rootId()] = 0;
        assertThat(start).containsOnly(0.0);
        double[] end = steps.gradsAfter(steps.count());
        for (int i = 0; i < end.length; i++) {
            assertThat(Double.doubleToLongBits(end[i])).as("node %d", i)
                    .isEqualTo(Double.doubleToLongBits(steps.nodes().get(i).grad()));
        }
    }

    @Test
    void aNodeUsedTwiceShowsBothContributionsArriving() {
        BackwardSteps steps = stepsOf("a = 3.0; b = a + a");
        assertThat(steps.lines(1)).containsExactly("a.grad += b.grad = 1.0", "a.grad += b.grad = 1.0, so a.grad = 2.0");
        assertThat(steps.step(1).receivers()).containsExactly(0, 0);
    }

    @Test
    void expressionsAreNamedInParenthesesAndTheNeuronsTanhRuleHasItsNumbers() {
        BackwardSteps steps = stepsOf("x1 = 2.0; x2 = 0.0; w1 = -3.0; w2 = 1.0; b = 6.8813735870195432; "
                + "n = x1*w1 + x2*w2 + b; o = tanh(n)");
        assertThat(steps.lines(1)).containsExactly("n.grad += (1 - o.data²) × o.grad = (1 - 0.7071067811865477²) × "
                + "1.0 = 0.4999999999999998"); // Math.tanh: one ulp from the lecture's, as the reference notes
        assertThat(steps.lines(2)).containsExactly("(x1*w1 + x2*w2).grad += n.grad = 0.4999999999999998",
                "b.grad += n.grad = 0.4999999999999998");
        assertThat(steps.lines(4)).contains("x2.grad += w2.data × (x2*w2).grad = 1.0 × 0.4999999999999998 = "
                + "0.4999999999999998");
    }

    @Test
    void aConstantPowerWritesItsExponent() {
        assertThat(stepsOf("x = 2; y = x**3").lines(1)).containsExactly("x.grad += 3 × x.data^2 × y.grad = 3 × "
                + "2.0^2 × 1.0 = 12.0");
        assertThat(stepsOf("x = 2; y = x**2").lines(1)).containsExactly("x.grad += 2 × x.data × y.grad = 2 × 2.0 × "
                + "1.0 = 4.0");
    }
}
