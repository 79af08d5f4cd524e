package micrograd.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * A seeded generator of random expressions over {@link #VARIABLES} variables, each evaluable with the engine and
 * with the commons-math3 oracle ({@link Expr}). Every sub-expression stays in the domain of the operation applied
 * to it: log and fractional powers only see positive arguments, division only denominators bounded away from zero.
 * Shared by the engine's property tests and the tape's.
 */
public final class RandomExpressions {

    /** How many variables the expressions use. */
    public static final int VARIABLES = 4;

    private final SplittableRandom random;

    public RandomExpressions(long seed) {
        random = new SplittableRandom(seed);
    }

    /** A random expression tree at most {@code depth} operations deep. */
    public Expr expression(int depth) {
        if (depth == 0 || random.nextInt(5) == 0) {
            return random.nextInt(6) == 0 ? Expr.constant(random.nextDouble(-2, 2)) : Expr.variable(random.nextInt(VARIABLES));
        }
        Expr x = expression(depth - 1);
        return switch (random.nextInt(13)) {
            case 0 -> x.binary("+", expression(depth - 1), Value::add, DerivativeStructure::add);
            case 1 -> x.binary("-", expression(depth - 1), Value::sub, DerivativeStructure::subtract);
            case 2, 3 -> x.binary("*", expression(depth - 1), Value::mul, DerivativeStructure::multiply);
            case 4 -> x.binary("/", positive(expression(depth - 1)), Value::div, DerivativeStructure::divide);
            case 5 -> x.unary("tanh", Value::tanh, DerivativeStructure::tanh);
            case 6 -> x.unary("sigmoid", Value::sigmoid, OperationDerivativesTest::sigmoid);
            case 7 -> positive(x).unary("log", Value::log, DerivativeStructure::log);
            case 8 -> x.unary("tanh", Value::tanh, DerivativeStructure::tanh).unary("exp", Value::exp, DerivativeStructure::exp);
            case 9 -> x.unary("**2", v -> v.pow(2), d -> d.pow(2));
            case 10 -> positive(x).unary("**-0.5", v -> v.pow(-0.5), d -> d.pow(-0.5));
            case 11 -> positive(x).binary("**", expression(depth - 1).unary("tanh", Value::tanh, DerivativeStructure::tanh),
                    Value::pow, DerivativeStructure::pow);
            default -> sumOfSeveral(x, depth);
        };
    }

    /** x*x + 0.5: positive, and at least 0.5. */
    private Expr positive(Expr x) {
        return x.unary("sq", v -> v.mul(v).add(0.5), d -> d.multiply(d).add(0.5));
    }

    private Expr sumOfSeveral(Expr first, int depth) {
        List<Expr> terms = new ArrayList<>(List.of(first));
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            terms.add(expression(depth - 1));
        }
        return new Expr("sum" + terms,
                x -> Value.sum(terms.stream().map(t -> t.onValues().apply(x)).toList()),
                x -> terms.stream().map(t -> t.onOracle().apply(x)).reduce(DerivativeStructure::add).orElseThrow());
    }

    /** A random point in [-1.5, 1.5)^VARIABLES. */
    public double[] point() {
        double[] p = new double[VARIABLES];
        for (int i = 0; i < VARIABLES; i++) {
            p[i] = random.nextDouble(-1.5, 1.5);
        }
        return p;
    }
}
