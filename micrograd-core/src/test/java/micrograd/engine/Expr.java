package micrograd.engine;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * A test expression over n variables that can be evaluated two independent ways: with the engine, and with
 * commons-math3's forward-mode {@link DerivativeStructure}, which is the oracle for every gradient.
 */
public record Expr(String text, Function<Value[], Value> onValues, Function<DerivativeStructure[], DerivativeStructure> onOracle) {

    static Expr variable(int i) {
        return new Expr("x" + i, x -> x[i], x -> x[i]);
    }

    static Expr constant(double c) {
        return new Expr(Double.toString(c), x -> Value.of(c), x -> x[0].getField().getZero().add(c));
    }

    Expr unary(String name, Function<Value, Value> v, Function<DerivativeStructure, DerivativeStructure> o) {
        return new Expr(name + "(" + text + ")", x -> v.apply(onValues.apply(x)), x -> o.apply(onOracle.apply(x)));
    }

    Expr binary(String name, Expr other, BiFunction<Value, Value, Value> v,
                BiFunction<DerivativeStructure, DerivativeStructure, DerivativeStructure> o) {
        return new Expr("(" + text + " " + name + " " + other.text + ")",
                x -> v.apply(onValues.apply(x), other.onValues.apply(x)),
                x -> o.apply(onOracle.apply(x), other.onOracle.apply(x)));
    }

    /** The oracle's value and partial derivatives at a point: index 0 is the value, i+1 is d/dx_i. */
    double[] oracle(double... point) {
        DerivativeStructure[] vars = new DerivativeStructure[point.length];
        for (int i = 0; i < point.length; i++) {
            vars[i] = new DerivativeStructure(point.length, 1, i, point[i]);
        }
        DerivativeStructure out = onOracle.apply(vars);
        double[] result = new double[point.length + 1];
        result[0] = out.getValue();
        for (int i = 0; i < point.length; i++) {
            int[] orders = new int[point.length];
            orders[i] = 1;
            result[i + 1] = out.getPartialDerivative(orders);
        }
        return result;
    }

    /** The engine's value and gradients at a point, in the same layout as {@link #oracle}. */
    public double[] engine(double... point) {
        Value[] vars = new Value[point.length];
        for (int i = 0; i < point.length; i++) {
            vars[i] = Value.of(point[i], "x" + i);
        }
        Value out = onValues.apply(vars);
        out.backward();
        double[] result = new double[point.length + 1];
        result[0] = out.data();
        for (int i = 0; i < point.length; i++) {
            result[i + 1] = vars[i].grad();
        }
        return result;
    }

    /** The gradient checker's report for this expression at a point. */
    public GradCheck.Report gradCheck(double... point) {
        Value[] vars = new Value[point.length];
        for (int i = 0; i < point.length; i++) {
            vars[i] = Value.of(point[i], "x" + i);
        }
        return GradCheck.check(() -> onValues.apply(vars), vars);
    }

    @Override
    public String toString() {
        return text;
    }
}
