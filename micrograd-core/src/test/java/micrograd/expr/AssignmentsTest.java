package micrograd.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one reader of {@code a=2 b=-3}, for grad's arguments and the playground's line alike. */
class AssignmentsTest {

    @Test
    void aLineOrOneAssignmentPerArgumentGiveTheSameVariablesInOrder() {
        assertThat(Assignments.parse(" a=1, b=-2&c=3e2 ")).containsOnlyKeys("a", "b", "c");
        assertThat(Assignments.parse(List.of("a = 1", "b=-2", "c=3e2")).get("c").data()).isEqualTo(300.0);
        assertThat(Assignments.parse("x1=.5").get("x1").label()).isEqualTo("x1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=NaN", "a=Infinity", "a=-Infinity", "a=1d", "a=2f", "a=0x1p3", "a=1e999", "a=",
        "a=1_000", "a=\u0661", "a=two"})
    void numbersThePageOnceTookAndTheTerminalRefusesAreRefusedByBoth(String assignment) {
        assertThatThrownBy(() -> Assignments.parse(assignment)).hasMessageContaining("the value of a is not a number");
        assertThatThrownBy(() -> Assignments.parse(List.of(assignment)))
                .hasMessageContaining("the value of a is not a number");
    }

    @Test
    void badAssignmentsSayWhatIsWrong() {
        assertThatThrownBy(() -> Assignments.parse("a=2 b")).hasMessageContaining("'b' is not a variable assignment");
        assertThatThrownBy(() -> Assignments.parse("a=1&a=2")).hasMessageContaining("'a' is given twice");
        assertThatThrownBy(() -> Assignments.parse("exp=1")).hasMessageContaining("not a variable assignment");
        assertThatThrownBy(() -> Assignments.parse("\u001b[2J=1")).hasMessageContaining("\\u001b")
                .hasMessageNotContaining("\u001b");
    }
}
