package micrograd.playground;

import java.util.LinkedHashMap;
import java.util.Map;
import micrograd.engine.Value;
import micrograd.expr.ExpressionParser;

/**
 * One variable of a calculation nudged by h, to feel what its gradient means (the lecture's first hour): the
 * expression evaluated again by the engine with that variable moved, the slope this measures,
 * {@code (out(x + h) - out(x)) / h}, and what the gradient predicts, {@code out + h * d(out)/dx}. As h shrinks, the
 * measured slope approaches the gradient (until the doubles' rounding takes over).
 */
final class Nudge {

    private final String variable;
    private final double h;
    private final double before;
    private final double after;
    private final double gradient;

    /** @throws IllegalArgumentException when the calculation has no such variable, or h is 0 or not finite */
    Nudge(String expression, Map<String, Value> variables, Value result, String variable, double h) {
        Value leaf = variables.get(variable);
        if (leaf == null) {
            throw new IllegalArgumentException("there is no variable '" + variable + "' to nudge; the variables are "
                    + String.join(", ", variables.keySet()));
        }
        if (h == 0 || !Double.isFinite(h)) {
            throw new IllegalArgumentException("h is " + h + "; nudge by a finite number other than 0");
        }
        Map<String, Value> moved = new LinkedHashMap<>();
        variables.forEach((name, value) -> moved.put(name, Value.of(value == leaf ? value.data() + h : value.data(),
                name)));
        this.variable = variable;
        this.h = h;
        this.before = result.data();
        this.after = ExpressionParser.parse(expression, moved).data();
        this.gradient = leaf.grad();
    }

    /** The measured slope, {@code (out(x + h) - out(x)) / h}. */
    double slope() {
        return (after - before) / h;
    }

    /** What the gradient predicts for the nudged output, {@code out + h * d(out)/dx}. */
    double predicted() {
        return before + h * gradient;
    }

    /** The nudge's numbers, one per line, each named as the page shows it. */
    String report() {
        String x = variable;
        return "h = " + h + "\n"
                + "out = " + before + "\n"
                + "out with " + x + " + h = " + after + "\n"
                + "measured slope (out(" + x + " + h) - out) / h = " + slope() + "\n"
                + "gradient d(out)/d" + x + " = " + gradient + "\n"
                + "predicted out + h × d(out)/d" + x + " = " + predicted() + "\n";
    }
}
