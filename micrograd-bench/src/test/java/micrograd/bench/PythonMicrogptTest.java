package micrograd.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import micrograd.testsupport.RequiredTool;
import micrograd.gpt.Documents;
import micrograd.gpt.Microgpt;
import org.junit.jupiter.api.Test;

/**
 * CPython runs the shipped microgpt.py for a few steps, and the step lines it prints are the ones our {@link Microgpt}
 * prints for the same run.
 */
class PythonMicrogptTest {

    @Test
    void timesTheOriginalsStepsWithItsOwnLosses() throws Exception {
        Optional<PythonMicrogpt.Timing> timing = PythonMicrogpt.time("python3", 3, 120);
        RequiredTool.require(timing.isPresent(), "Python 3", "sudo apt-get install python3");
        PythonMicrogpt.Timing seen = timing.orElseThrow();
        Microgpt ours = Microgpt.start(Documents.names(), 42, 1, 16, 4, 16);
        List<String> expected = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            expected.add(Microgpt.stepLine(step, 3, ours.trainStep(step, 3)));
        }
        assertThat(expected.get(0)).isEqualTo("step    1 /    3 | loss 3.3660"); // as published for seed 42
        assertThat(seen.stepLines()).containsExactlyElementsOf(expected);
        assertThat(seen.secondsPerStep()).isPositive();
        assertThat(seen.version()).startsWith("Python 3");
    }

    @Test
    void anInterpreterThatCannotStartGivesNoTiming() throws Exception {
        assertThat(PythonMicrogpt.time("no-such-python-for-micrograd", 3, 10)).isEmpty();
    }

    @Test
    void oneStepCannotBeTimed() {
        assertThatThrownBy(() -> PythonMicrogpt.time("python3", 1, 10))
                .hasMessage("timing a step needs at least 2 steps, got 1");
    }
}
