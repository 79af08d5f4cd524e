package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The nudge against the expression evaluated anew at the moved value, and its slope against the gradient. */
class NudgeTest {

    private static final String EXPRESSION = "tanh(x1*w1 + x2*w2 + b)";
    private final Calculation neuron = new Calculation(EXPRESSION, "x1=2 x2=0 w1=-3 w2=1 b=6.8813735870195432");

    @Test
    void theNudgedOutputIsTheExpressionAtTheMovedValue() {
        Nudge nudge = neuron.nudge("w1", 0.25);
        double moved = new Calculation(EXPRESSION, "x1=2 x2=0 w1=-2.75 w2=1 b=6.8813735870195432").result().data();
        assertThat(nudge.report()).contains("out with w1 + h = " + moved + "\n",
                "out = " + neuron.result().data() + "\n");
        assertThat(nudge.slope()).isEqualTo((moved - neuron.result().data()) / 0.25);
    }

    @Test
    void asHShrinksTheSlopeApproachesTheGradientAndThePredictionIsOutPlusHTimesIt() {
        double gradient = gradientOf("w1");
        assertThat(gradient).isCloseTo(1.0, within(1e-9)); // x1 * (1 - tanh^2) = 2 * 0.5, as in the lecture
        assertThat(neuron.nudge("w1", 1e-6).slope()).isCloseTo(gradient, within(1e-5));
        assertThat(Math.abs(neuron.nudge("w1", 1e-1).slope() - gradient))
                .isGreaterThan(Math.abs(neuron.nudge("w1", 1e-3).slope() - gradient));
        Nudge small = neuron.nudge("x1", 1e-4);
        assertThat(small.predicted()).isEqualTo(neuron.result().data() + 1e-4 * gradientOf("x1"));
        assertThat(small.report()).contains("gradient dout/dx1 = " + gradientOf("x1") + "\n");
    }

    /** The variable's gradient as the calculation reports it ({@code d/dx1 = -1.5}). */
    private double gradientOf(String variable) {
        String prefix = "d/d" + variable + " = ";
        return Double.parseDouble(neuron.report().lines().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow().substring(prefix.length()));
    }

    @Test
    void anUnknownVariableOrAZeroHIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> neuron.nudge("z", 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no variable 'z' to nudge; the variables are x1, x2, w1, w2, b");
        assertThatThrownBy(() -> neuron.nudge("b", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("h is 0.0; nudge by a finite number other than 0");
    }
}
