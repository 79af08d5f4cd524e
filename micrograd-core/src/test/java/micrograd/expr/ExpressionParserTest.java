package micrograd.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    private static Map<String, Value> vars(Object... namesAndValues) {
        Map<String, Value> vars = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            vars.put(name, Value.of(((Number) namesAndValues[i + 1]).doubleValue(), name));
        }
        return vars;
    }

    private static double eval(String expression, Object... namesAndValues) {
        return ExpressionParser.parse(expression, vars(namesAndValues)).data();
    }

    @Test
    void readmeExpressionGivesMicrogradsNumbers() {
        // micrograd's README expression with c and d substituted step by step
        Map<String, Value> v = vars("a", -4.0, "b", 2.0);
        String c1 = "(a + b)";
        String c2 = "(" + c1 + " + " + c1 + " + 1)";
        String c3 = "(" + c2 + " + 1 + " + c2 + " + (-a))";
        String d1 = "(a * b + b**3)";
        String d2 = "(" + d1 + " + " + d1 + " * 2 + relu(b + a))";
        String d3 = "(" + d2 + " + 3 * " + d2 + " + relu(b - a))";
        String e = "(" + c3 + " - " + d3 + ")";
        String f = "(" + e + "**2)";
        Value g = ExpressionParser.parse(f + " / 2.0 + 10.0 / " + f, v);
        g.backward();
        assertThat(g.data()).isCloseTo(24.70408163265306, within(1e-12));
        assertThat(v.get("a").grad()).isCloseTo(138.83381924198252, within(1e-9));
        assertThat(v.get("b").grad()).isCloseTo(645.5772594752187, within(1e-9));
    }

    @Test
    void lectureExamples() {
        Map<String, Value> v = vars("a", 2.0, "b", -3.0, "c", 10.0, "f", -2.0);
        Value loss = ExpressionParser.parse("(a*b + c) * f", v);
        loss.backward();
        assertThat(loss.data()).isEqualTo(-8.0);
        assertThat(new double[] {v.get("a").grad(), v.get("b").grad(), v.get("c").grad(), v.get("f").grad()})
                .containsExactly(6.0, -4.0, -2.0, 4.0);

        Map<String, Value> n = vars("x1", 2.0, "x2", 0.0, "w1", -3.0, "w2", 1.0, "b", 6.8813735870195432);
        Value o = ExpressionParser.parse("tanh(x1*w1 + x2*w2 + b)", n);
        o.backward();
        assertThat(o.data()).isCloseTo(0.7071067811865476, within(1e-15));
        assertThat(n.get("x1").grad()).isCloseTo(-1.5, within(1e-12));
        assertThat(n.get("w1").grad()).isCloseTo(1.0, within(1e-12));
        assertThat(n.get("w2").grad()).isEqualTo(0.0);

        assertThat(eval("3*x**2 - 4*x + 5", "x", 3.0)).isEqualTo(20.0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "-x**2; -9.0",          // Python: -(x**2)
        "2**3**2; 512.0",       // right-associative
        "2**-1; 0.5",
        "-2*-x; 6.0",
        "x - 1 - 1; 1.0",       // left-associative
        "x / 3 / 3; 0.3333333333333333",
        "(1 + 2) * x; 9.0",
        "--x; 3.0",
        "1e-3 * x; 0.003",
        "2.5E1 + .5; 25.5",
        "exp(0) + log(1) + relu(-x) + sigmoid(0); 1.5",
        "  x*x  ; 9.0"})
    void precedenceAndFunctionsFollowPython(String expression, double expected) {
        assertThat(eval(expression, "x", 3.0)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void constantExponentIsMicrogradsPowAndVariableExponentGetsAGradient() {
        Map<String, Value> v = vars("x", 3.0, "k", 2.0);
        Value constant = ExpressionParser.parse("x ** (1 + 1)", v);
        assertThat(constant.op()).isEqualTo("**2");
        assertThat(constant.children()).containsExactly(v.get("x"));

        Value variable = ExpressionParser.parse("x ** k", v);
        variable.backward();
        assertThat(variable.op()).isEqualTo("**");
        assertThat(v.get("k").grad()).isCloseTo(9 * Math.log(3), within(1e-12));
        assertThat(v.get("x").grad()).isCloseTo(6.0, within(1e-12));
    }

    @Test
    void aVariableUsedTwiceAccumulatesBothContributions() {
        Map<String, Value> v = vars("a", 3.0);
        Value b = ExpressionParser.parse("a + a", v);
        b.backward();
        assertThat(v.get("a").grad()).isEqualTo(2.0);
    }

    @ParameterizedTest(name = "\"{0}\" fails at column {1}")
    @CsvSource(delimiter = ';', value = {
        "a +; 4; ends where",
        "(a + 1; 7; expected ')' to close the '(' at column 1",
        "a + * 2; 5; expected a number",
        "a 2; 3; unexpected '2'",
        "foo(a); 1; unknown function 'foo'",
        "a + c; 5; the variable 'c' has no value",
        "tanh a; 6; tanh is a function",
        "a ** ; 5; ends where",
        "a + #; 5; found '#'",
        "''; 1; ends where",
        "1.2.3; 1; '1.2.3' is not a number",
        "exp(a)); 7; unexpected ')'"})
    void mistakesNameTheirColumn(String expression, int column, String problem) {
        assertThatThrownBy(() -> ExpressionParser.parse(expression, vars("a", 1.0)))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("column " + column + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((ExpressionException) e).column()).isEqualTo(column));
    }

    @Test
    void variableNames() {
        assertThat(ExpressionParser.isVariableName("x_1")).isTrue();
        assertThat(ExpressionParser.isVariableName("_")).isTrue();
        assertThat(ExpressionParser.isVariableName("1x")).isFalse();
        assertThat(ExpressionParser.isVariableName("tanh")).isFalse();
        assertThat(ExpressionParser.isVariableName("a-b")).isFalse();
    }

    @Test
    void nestingIsLimitedWithAClearMessageInsteadOfAStackOverflow() {
        int depth = ExpressionParser.MAX_NESTING;
        String deepButFine = "(".repeat(depth) + "a" + ")".repeat(depth);
        assertThat(eval(deepButFine, "a", 2.0)).isEqualTo(2.0);
        String tooDeep = "(".repeat(20_000) + "a" + ")".repeat(20_000);
        assertThatThrownBy(() -> eval(tooDeep, "a", 2.0)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nests more than " + depth + " levels deep");
        assertThatThrownBy(() -> eval("-".repeat(20_000) + "a", "a", 2.0)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("levels deep");
        assertThat(eval("-".repeat(depth) + "a", "a", 2.0)).isEqualTo(2.0);
        assertThatThrownBy(() -> eval("(".repeat(depth + 1) + "a" + ")".repeat(depth + 1), "a", 2.0))
                .hasMessageStartingWith("column " + (depth + 1) + ": ");
    }
}
