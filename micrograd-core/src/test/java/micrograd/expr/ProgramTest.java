package micrograd.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgramTest {

    static final String L_PROGRAM = "a = 2.0; b = -3.0; c = 10.0; e = a*b; d = e + c; f = -2.0; L = d*f";
    static final String NEURON = "x1 = 2.0; x2 = 0.0; w1 = -3.0; w2 = 1.0; b = 6.8813735870195432; "
            + "n = x1*w1 + x2*w2 + b; o = tanh(n)";

    private static Map<String, Double> grads(Program program) {
        program.output().backward();
        Map<String, Double> grads = new LinkedHashMap<>();
        program.names().forEach((name, node) -> grads.put(name, node.grad()));
        return grads;
    }

    @Test
    void theLecturesLGraphHasItsNamesAndGrads() {
        Program program = Program.parse(L_PROGRAM, Map.of());
        assertThat(program.output().data()).isEqualTo(-8.0);
        assertThat(program.output().label()).isEqualTo("L");
        assertThat(grads(program)).containsExactly(Map.entry("a", 6.0), Map.entry("b", -4.0), Map.entry("c", -2.0),
                Map.entry("e", -2.0), Map.entry("d", -2.0), Map.entry("f", 4.0), Map.entry("L", 1.0));
        assertThat(program.leafNames()).containsExactly("a", "b", "c", "f");
        assertThat(program.names().get("b").children()).as("a number is a leaf, not neg(3.0)").isEmpty();
        assertThat(program.output().topologicalOrder()).extracting(Value::label)
                .containsExactly("a", "b", "e", "c", "d", "f", "L");
    }

    @Test
    void theNeuronsUnnamedNodesAreLabelledWithTheirText() {
        Program program = Program.parse(NEURON, Map.of());
        Value o = program.output();
        o.backward();
        assertThat(o.topologicalOrder()).extracting(Value::label).containsExactly("x1", "w1", "x1*w1", "x2", "w2",
                "x2*w2", "x1*w1 + x2*w2", "b", "n", "o");
        assertThat(o.data()).isCloseTo(0.7071067811865476, within(1e-15));
        assertThat(program.names().get("x1").grad()).isCloseTo(-1.5, within(1e-12));
        assertThat(program.names().get("w1").grad()).isCloseTo(1.0, within(1e-12));
        assertThat(program.names().get("n").grad()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void longSubexpressionsAreCutWithAnEllipsisAndSpacesCollapsed() {
        Value out = Program.parse("y = tanh(a*b   +   c*d + a*a*a*a)", vars("a", 1, "b", 2, "c", 3, "d", 4)).output();
        List<String> labels = out.topologicalOrder().stream().map(Value::label).toList();
        assertThat(labels).contains("a*b + c*d", "a*b + c*d + a*a*a*a");
        Value sum = out.children().get(0);
        assertThat(sum.label()).isEqualTo("a*b + c*d + a*a*a*a");
        assertThat(ExpressionParser.label("x1*w1 + x2*w2 + x3*w3 + b")).isEqualTo("x1*w1 + x2*w2 + x3*…")
                .hasSize(ExpressionParser.LABEL_LENGTH);
    }

    @Test
    void aSingleExpressionStillWorksAndItsOutputIsOut() {
        Program program = Program.parse("(a*b + c) * f", vars("a", 2, "b", -3, "c", 10, "f", -2));
        assertThat(program.output().label()).isEqualTo("out");
        assertThat(program.output().data()).isEqualTo(-8.0);
        assertThat(program.output().children().get(0).label()).isEqualTo("a*b + c");
        assertThat(Program.parse("a", vars("a", 2)).output().label()).as("a bare name keeps its name").isEqualTo("a");
    }

    @Test
    void freeVariablesNewlinesBlankLinesAndATrailingSemicolon() {
        Program program = Program.parse("\n  e = a*b;\n\n  L = e*2;\n", vars("a", 3, "b", 4));
        assertThat(program.output().data()).isEqualTo(24.0);
        assertThat(program.names().keySet()).containsExactly("a", "b", "e", "L");
        assertThat(program.leafNames()).containsExactly("a", "b");
    }

    @Test
    void aNodeUsedTwiceGetsBothContributions() {
        Program program = Program.parse("a = 3.0; b = a + a", Map.of());
        assertThat(grads(program)).containsEntry("a", 2.0);
        Program lecture = Program.parse("a = -2.0; b = 3.0; d = a*b; e = a + b; f = d*e", Map.of());
        assertThat(grads(lecture)).containsEntry("a", -3.0).containsEntry("b", -8.0).containsEntry("d", 1.0)
                .containsEntry("e", -6.0);
    }

    @Test
    void aNamedLeafUsedAsAnExponentGetsAGradient() {
        Program program = Program.parse("k = 2; x = 3; y = x**k", Map.of());
        assertThat(program.output().op()).isEqualTo("**");
        assertThat(Program.parse("x = 3; y = x**2", Map.of()).output().op()).isEqualTo("**2");
    }

    @Test
    void withLeafRunsTheProgramAgainWithOneLeafMoved() {
        Program program = Program.parse("x = 3.0; f = 3*x**2 - 4*x + 5", Map.of());
        assertThat(program.output().data()).isEqualTo(20.0);
        double h = 0.000001;
        double slope = (program.withLeaf("x", 3.0 + h).output().data() - 20.0) / h;
        assertThat(slope).isCloseTo(14.000003, within(1e-6));
        Program withVariable = Program.parse("f = 3*x**2", vars("x", 1));
        assertThat(withVariable.withLeaf("x", 2).output().data()).isEqualTo(12.0);
        assertThat(program.output().data()).as("the first graph is left alone").isEqualTo(20.0);
        assertThatThrownBy(() -> program.withLeaf("f", 1)).hasMessageContaining("no leaf 'f'")
                .hasMessageContaining("the leaves are x");
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
        "a = 1; b = n + 1; n = 2 | statement 2, column 12: 'n' is used before it is assigned (in statement 3)",
        "a = 1; a = 2 | statement 2, column 8: 'a' is assigned twice (first in statement 1)",
        "a = 1;; b = a | statement 2, column 7: an empty statement",
        "; a = 1 | statement 1, column 1: an empty statement",
        "a*2; b = 1 | statement 1, column 1: this statement is not an assignment; write NAME = EXPRESSION",
        "a = 1; 2x = a | statement 2, column 8: '2x' cannot be assigned",
        "a = 1; tanh = a | statement 2, column 8: 'tanh' cannot be assigned",
        "a = 1; = a | statement 2, column 8: '=' with no name before it",
        "a = 1; b = a + * 2 | statement 2, column 16: expected a number",
        "a = 1; b = z | statement 2, column 12: the variable 'z' has no value; give it one with z=NUMBER or a "
                + "statement z = NUMBER",
        "v = 1; w = v | statement 1, column 1: 'v' is assigned here and also given as a variable",
        "b = (v | column 7: expected ')' to close the '(' at column 5",
        "'' | column 1: the expression ends where"})
    void mistakesNameTheStatementAndColumn(String program, String message) {
        assertThatThrownBy(() -> Program.parse(program, vars("v", 5))).isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void inAProgramOfManyLinesAMistakeNamesItsLine() {
        assertThatThrownBy(() -> Program.parse("a = 1\nb = 2\nc = a +\n", Map.of()))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("statement 3 (line 3), column 8: the expression ends where")
                .satisfies(e -> assertThat(((ExpressionException) e).statement()).isEqualTo(3));
    }

    private static Map<String, Value> vars(Object... namesAndValues) {
        Map<String, Value> vars = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            vars.put(name, Value.of(((Number) namesAndValues[i + 1]).doubleValue(), name));
        }
        return vars;
    }
}
