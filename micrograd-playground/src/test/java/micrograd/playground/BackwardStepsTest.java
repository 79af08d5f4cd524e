package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;

class BackwardStepsTest {

    @Test
    void afterTheLastStepEveryGradIsTheEnginesBitForBit() {
        Calculation calculation = new Calculation(PlaygroundBrowserTest.README_EXPRESSION, "a=-4 b=2");
        List<Value> order = calculation.result().topologicalOrder();
        BackwardSteps steps = calculation.steps();
        assertThat(steps.size()).isEqualTo(order.size());
        double[] grads = steps.gradsAfter(steps.size());
        for (int i = 0; i < order.size(); i++) {
            assertThat(Double.doubleToLongBits(grads[i])).as("node %d", i)
                    .isEqualTo(Double.doubleToLongBits(order.get(i).grad()));
        }
        assertThat(steps.gradsAfter(0)).containsOnly(0.0);
    }

    @Test
    void stepsGoInReverseTopologicalOrderAndFillGradsInAsTheyArrive() {
        Calculation calculation = new Calculation("(a*b + c) * f", "a=2 b=-3 c=10 f=-2");
        List<Value> order = calculation.result().topologicalOrder();
        BackwardSteps steps = calculation.steps();
        for (int k = 0; k < steps.size(); k++) {
            assertThat(steps.step(k).node()).isEqualTo(order.size() - 1 - k);
        }
        // after the first step (the final product), only out, f and (a*b + c) have grads
        double[] afterOne = steps.gradsAfter(1);
        int f = order.indexOf(order.stream().filter(v -> v.label().equals("f")).findFirst().orElseThrow());
        assertThat(afterOne[order.size() - 1]).isEqualTo(1.0);
        assertThat(afterOne[f]).isEqualTo(4.0);
        assertThat(afterOne[0]).isZero();
        assertThat(steps.step(0).heading()).startsWith("out = #" + (order.size() - 1) + " out, multiplication (*)");
    }

    @Test
    void aConstantPowerShowsItsExponentInTheRule() {
        BackwardSteps steps = new Calculation("x**3", "x=2").steps();
        assertThat(steps.step(0).contributions()).singleElement().extracting(BackwardSteps.Contribution::rule)
                .isEqualTo("a.grad += 3.0 × a.data^2.0 × out.grad = 3.0 × 2.0^2.0 × 1.0 = 12.0");
    }
}
