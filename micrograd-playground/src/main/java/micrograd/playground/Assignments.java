package micrograd.playground;

import java.util.LinkedHashMap;
import java.util.Map;
import micrograd.engine.Value;
import micrograd.expr.ExpressionParser;

/**
 * The page's variables, {@code a=2 b=-3} (separated by spaces, commas or {@code &}, as in the link's fragment): a
 * labelled leaf per name, in the order given.
 */
final class Assignments {

    private Assignments() {
    }

    /** @throws IllegalArgumentException saying which assignment is wrong and how to write it */
    static Map<String, Value> parse(String text) {
        Map<String, Value> variables = new LinkedHashMap<>();
        for (String assignment : text.strip().split("[\\s,&]+")) {
            if (assignment.isEmpty()) {
                continue;
            }
            int equals = assignment.indexOf('=');
            String name = equals < 0 ? assignment : assignment.substring(0, equals);
            if (equals < 0 || !ExpressionParser.isVariableName(name)) {
                throw new IllegalArgumentException("'" + assignment + "' is not a variable assignment; write "
                        + "NAME=NUMBER, e.g. a=2");
            }
            double value;
            try {
                value = Double.parseDouble(assignment.substring(equals + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + assignment + "': the value of " + name + " is not a number");
            }
            if (variables.put(name, Value.of(value, name)) != null) {
                throw new IllegalArgumentException("the variable '" + name + "' is given twice");
            }
        }
        return variables;
    }
}
