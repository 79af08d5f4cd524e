package micrograd.expr;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import micrograd.data.Numbers;
import micrograd.engine.Value;

/**
 * Variables given their values, {@code a=2 b=-3}: a labelled leaf per name, in the order given. The one reader of
 * them for {@code micrograd grad} (one assignment per argument) and for the playground (one line, or a link's
 * fragment, separated by spaces, commas or {@code &}), so both take the same names and the same numbers
 * ({@link Numbers#parse}: no {@code NaN}, {@code Infinity}, {@code 1d} or {@code 1e999}).
 */
public final class Assignments {

    private Assignments() {
    }

    /**
     * The assignments in {@code text}, separated by spaces, commas or {@code &}.
     *
     * @throws IllegalArgumentException saying which assignment is wrong and how to write it
     */
    public static Map<String, Value> parse(String text) {
        return parse(Arrays.stream(text.strip().split("[\\s,&]+")).filter(part -> !part.isEmpty()).toList());
    }

    /**
     * One assignment per element of {@code assignments}, spaces around its name and number allowed.
     *
     * @throws IllegalArgumentException saying which assignment is wrong and how to write it
     */
    public static Map<String, Value> parse(List<String> assignments) {
        Map<String, Value> variables = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            String name = equals < 0 ? assignment : assignment.substring(0, equals).strip();
            if (equals < 0 || !ExpressionParser.isVariableName(name)) {
                throw new IllegalArgumentException("'" + Numbers.printable(assignment) + "' is not a variable "
                        + "assignment; write NAME=NUMBER, e.g. a=2 (names are letters, digits and _, and not a "
                        + "function name)");
            }
            double value;
            try {
                value = Numbers.parse(assignment.substring(equals + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the value of " + name + " is not a number: " + e.getMessage()
                        + "; write NAME=NUMBER, e.g. " + name + "=-3.5", e);
            }
            if (variables.put(name, Value.of(value, name)) != null) {
                throw new IllegalArgumentException("the variable '" + name + "' is given twice; give each variable "
                        + "one value");
            }
        }
        return variables;
    }
}
