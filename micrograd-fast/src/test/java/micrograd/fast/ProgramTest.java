package micrograd.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import micrograd.engine.Value;
import micrograd.gpt.Gpt;
import org.junit.jupiter.api.Test;

/** The compiler's inputs, its stop-gradient max and its prefixes, against graphs built afresh on the new data. */
class ProgramTest {

    private static Value[] leaves(double... data) {
        Value[] leaves = new Value[data.length];
        for (int i = 0; i < data.length; i++) {
            leaves[i] = Value.of(data[i]);
        }
        return leaves;
    }

    /** -log softmax(x * w)[1], with w a weight and x the inputs. */
    private static Value loss(Value[] x, Value w, Gpt.Shift shift) {
        Value[] logits = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            logits[i] = x[i].mul(w);
        }
        return Gpt.softmax(logits, shift)[1].log().mul(-1);
    }

    @Test
    void aSoftmaxReplayedWhereTheMaximumMovedGivesTheFreshGraphsNumbers() {
        SlotSpace slots = new SlotSpace();
        int weight = slots.allocate(1);
        int one = slots.allocate(1);
        slots.value[one] = 1;
        Value w = Value.of(0.5);
        Value[] x = leaves(0, 0, 0); // recorded with every logit equal; replayed with the largest last, then first
        DerivedGpt.RecordedShifts shifts = new DerivedGpt.RecordedShifts();
        Value output = loss(x, w, shifts);
        Program program = new Program(slots, List.of(output), Map.of(w, weight), List.of(x), shifts.sources, one);

        for (double[] data : new double[][] {{1, 3, 7}, {9, -2, 4}}) {
            for (int i = 0; i < x.length; i++) {
                slots.value[program.slot(x[i])] = data[i];
            }
            slots.value[weight] = 0.5;
            slots.grad[weight] = 0;
            program.forward();
            program.clearGradients();
            slots.grad[program.slot(output)] = 1;
            program.backward();

            Value[] fresh = leaves(data);
            Value freshW = Value.of(0.5);
            Value expected = loss(fresh, freshW, Gpt.CONSTANT_SHIFT);
            expected.backward();
            assertThat(slots.value[program.slot(output)]).isEqualTo(expected.data());
            assertThat(slots.grad[weight]).isEqualTo(freshW.grad());
            for (int i = 0; i < x.length; i++) {
                assertThat(slots.grad[program.slot(x[i])]).as("input %d", i).isEqualTo(fresh[i].grad());
            }
        }
    }

    /** exp(x0 * x1) and exp(x0 * x1) * x0 + tanh(x1), compiled on two placeholder inputs: the second uses the first. */
    private static final class TwoOutputs {
        final SlotSpace slots = new SlotSpace();
        final Value[] x = leaves(0, 0);
        final Value first = x[0].mul(x[1]).exp();
        final Value second = first.mul(x[0]).add(x[1].tanh());
        final Program program;

        TwoOutputs() {
            int one = slots.allocate(1);
            slots.value[one] = 1;
            program = new Program(slots, List.of(first, second), Map.of(), List.of(x), Map.of(), one);
        }
    }

    @Test
    void theFirstOutputsAloneRunAsAPrefix() {
        TwoOutputs graph = new TwoOutputs();
        SlotSpace slots = graph.slots;
        Value[] x = graph.x;
        Value first = graph.first;
        Value second = graph.second;
        Program program = graph.program;
        slots.value[program.slot(x[0])] = 2; // input slots hold what the caller writes, not the placeholders' data
        slots.value[program.slot(x[1])] = 3;
        slots.value[program.slot(second)] = 42;
        program.forward(1);
        program.clearGradients(1);
        slots.grad[program.slot(first)] = 1;
        program.backward(1);

        Value[] fresh = leaves(2, 3);
        Value expected = fresh[0].mul(fresh[1]).exp();
        expected.backward();
        assertThat(slots.value[program.slot(first)]).isEqualTo(expected.data());
        assertThat(slots.value[program.slot(second)]).as("the second output is not run").isEqualTo(42);
        assertThat(slots.grad[program.slot(x[0])]).isEqualTo(fresh[0].grad());
        assertThat(slots.grad[program.slot(x[1])]).isEqualTo(fresh[1].grad());
    }

    @Test
    void theLaterOutputsRunAfterTheFirstOnesFromWhatTheseLeft() {
        TwoOutputs graph = new TwoOutputs();
        SlotSpace slots = graph.slots;
        Value[] x = graph.x;
        Value first = graph.first;
        Value second = graph.second;
        Program program = graph.program;
        slots.value[program.slot(x[0])] = 0.5;
        slots.value[program.slot(x[1])] = -1.5;
        program.forward(0, 1);
        slots.value[program.slot(x[1])] = 2; // what the second output reads of x[1] is what it holds now
        program.forward(1, 2);

        Value expected = Value.of(0.5).mul(Value.of(-1.5)).exp().mul(Value.of(0.5)).add(Value.of(2).tanh());
        assertThat(slots.value[program.slot(second)]).isEqualTo(expected.data());
    }
}
