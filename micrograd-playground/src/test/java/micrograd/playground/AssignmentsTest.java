package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssignmentsTest {

    @Test
    void badAssignmentsSayWhatIsWrong() {
        assertThatThrownBy(() -> Assignments.parse("a=2 b")).hasMessageContaining("'b' is not a variable assignment");
        assertThatThrownBy(() -> Assignments.parse("a=two")).hasMessageContaining("the value of a is not a number");
        assertThatThrownBy(() -> Assignments.parse("a=1&a=2")).hasMessageContaining("'a' is given twice");
        assertThat(Assignments.parse(" a=1, b=-2&c=3e2 ")).containsOnlyKeys("a", "b", "c");
    }
}
