package micrograd.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import micrograd.engine.Value;
import micrograd.nn.Activation;
import micrograd.nn.MLP;
import micrograd.fast.Tape;
import org.junit.jupiter.api.Test;

/** The benchmark's three ways of taking a demo step do the same work: same loss, same gradient, same update. */
class HandWrittenMlpTest {

    /** Within 1e-12 relative to {@code scale} or to the larger of the two, whichever is larger. */
    private static void assertSameTo1e12(double actual, double expected, double scale, String what) {
        assertThat(Math.abs(actual - expected))
                .as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(1e-12 * Math.max(scale, Math.max(Math.abs(actual), Math.abs(expected))));
    }

    @Test
    void theHandWrittenLoopComputesTheObjectGraphsLossAndGradient() {
        DemoProblem demo = new DemoProblem(DemoProblem.POINTS);
        DemoProblem handsSteps = new DemoProblem(DemoProblem.POINTS);
        HandWrittenMlp hand = new HandWrittenMlp(demo.model(), demo.data(), DemoProblem.ALPHA);
        for (int step = 0; step < 3; step++) {
            Value loss = demo.buildLoss(new ArrayList<>());
            demo.zeroGrad();
            loss.backward();
            assertSameTo1e12(hand.lossAndGradient(), loss.data(), 0, "loss at step " + step);
            double[] gradient = hand.gradient();
            List<Value> params = demo.parameters();
            // The loop sums in another order, so a component that cancels to about 0 (the output bias's, with
            // balanced classes) is compared relative to the gradient's largest component.
            double scale = params.stream().mapToDouble(p -> Math.abs(p.grad())).max().orElseThrow();
            for (int i = 0; i < params.size(); i++) {
                assertSameTo1e12(gradient[i], params.get(i).grad(), scale, "parameter " + i + " at step " + step);
            }
            demo.update();
            handsSteps.handWrittenStep(hand);
        }
    }

    @Test
    void theTapeStepFollowsTheObjectGraphStep() {
        DemoProblem onGraph = new DemoProblem(DemoProblem.POINTS);
        DemoProblem onTape = new DemoProblem(DemoProblem.POINTS);
        Tape tape = onTape.recordTape();
        for (int step = 0; step < 3; step++) {
            assertThat(onTape.tapeStep(tape)).isEqualTo(onGraph.objectGraphStep());
        }
        assertThat(onTape.model().parameterData()).containsExactly(onGraph.model().parameterData());
        assertThat(onGraph.nodesPerStep()).isEqualTo(tape.recordedNodes());
    }

    @Test
    void theStepsAreTheNotebooksHundredOverAndOver() {
        DemoProblem demo = new DemoProblem(DemoProblem.POINTS);
        double[] losses = new double[201];
        for (int step = 0; step < losses.length; step++) {
            losses[step] = demo.objectGraphStep();
        }
        assertThat(losses[0]).isEqualTo(0.8958441028683222); // the notebook's step 0
        assertThat(losses[99]).isCloseTo(0.010978, within(5e-7)); // and its step 99
        assertThat(losses[100]).isEqualTo(losses[0]);
        assertThat(losses[199]).isEqualTo(losses[99]);
        assertThat(losses[200]).isEqualTo(losses[0]);
    }

    @Test
    void onlyTheDemosArchitectureIsHandWritten() {
        MLP tanhNet = MLP.builder(2).layers(4, 1).activation(Activation.TANH).build();
        assertThatThrownBy(() -> new HandWrittenMlp(tanhNet, new DemoProblem(10).data(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ReLU hidden layers");
    }
}
