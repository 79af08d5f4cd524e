package micrograd.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import micrograd.engine.GradCheck;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;

/**
 * Seeded random expressions written as text: the parser's value must equal the same expression computed on plain
 * doubles, and its gradients must agree with central finite differences.
 */
class RandomExpressionPropertyTest {

    private static final String[] NAMES = {"a", "b", "c"};

    /** An expression as text and its value on plain doubles. */
    private record Expr(String text, double value) {
    }

    private static Expr random(SplittableRandom rng, double[] values, int depth) {
        if (depth == 0 || rng.nextInt(4) == 0) {
            if (rng.nextBoolean()) {
                int i = rng.nextInt(NAMES.length);
                return new Expr(NAMES[i], values[i]);
            }
            double c = Math.round(rng.nextDouble(0.5, 3.0) * 100) / 100.0;
            return new Expr(String.format(Locale.ROOT, "%.2f", c), c);
        }
        Expr l = random(rng, values, depth - 1);
        Expr r = random(rng, values, depth - 1);
        return switch (rng.nextInt(8)) {
            case 0 -> new Expr("(" + l.text + " + " + r.text + ")", l.value + r.value);
            case 1 -> new Expr("(" + l.text + " - " + r.text + ")", l.value - r.value);
            case 2 -> new Expr("(" + l.text + " * " + r.text + ")", l.value * r.value);
            case 3 -> new Expr("(" + l.text + " / (1.5 + " + r.text + "**2))", l.value / (1.5 + Math.pow(r.value, 2)));
            case 4 -> new Expr("(-" + l.text + ")", -l.value);
            case 5 -> new Expr("tanh(" + l.text + ")", Math.tanh(l.value));
            case 6 -> new Expr("sigmoid(" + l.text + ")", 1 / (1 + Math.exp(-l.value)));
            default -> new Expr("exp(tanh(" + l.text + "))", Math.exp(Math.tanh(l.value)));
        };
    }

    @Test
    void parsedExpressionsComputeWhatTheyReadAndDifferentiateCorrectly() {
        SplittableRandom rng = new SplittableRandom(20261122);
        for (int trial = 0; trial < 300; trial++) {
            double[] values = {rng.nextDouble(-2, 2), rng.nextDouble(-2, 2), rng.nextDouble(-2, 2)};
            Expr expr = random(rng, values, 4);
            Map<String, Value> vars = new LinkedHashMap<>();
            for (int i = 0; i < NAMES.length; i++) {
                vars.put(NAMES[i], Value.of(values[i], NAMES[i]));
            }
            Value parsed = ExpressionParser.parse(expr.text, vars);
            assertThat(parsed.data()).as(expr.text).isCloseTo(expr.value,
                    org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(expr.value))));

            GradCheck.Report report = GradCheck.check(() -> ExpressionParser.parse(expr.text, vars),
                    vars.values().toArray(new Value[0]));
            assertThat(report.worstRelativeError()).as(expr.text + "\n" + report).isLessThan(1e-6);
        }
    }
}
