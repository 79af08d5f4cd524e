package micrograd.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks {@link Value#backward()} against central finite differences, the way the lecture checks a derivative
 * by nudging its input.
 *
 * <p>Give it the leaves and a function that builds the output from their current data:
 * <pre>{@code
 * Value x = Value.of(0.5, "x"), w = Value.of(-1.2, "w");
 * GradCheck.Report r = GradCheck.check(() -> x.mul(w).tanh(), x, w);
 * System.out.println(r);                  // one line per leaf: analytic, numeric, relative error
 * assert r.worstRelativeError() < 1e-6;
 * }</pre>
 * The function is called again for every nudge, so it must rebuild the graph from the leaves (a lambda that
 * composes operations does). The leaves' data are restored afterwards; their grads hold the analytic gradient.
 *
 * <p>The step for a leaf holding x is {@code h = 1e-6 * max(1, |x|)}; central differences are accurate to O(h^2),
 * so a relative error around 1e-8 or below is a pass for smooth functions. Kinks (ReLU at 0) legitimately disagree.
 */
public final class GradCheck {

    /** Relative step of the central difference. */
    public static final double DEFAULT_STEP = 1e-6;

    private GradCheck() {
    }

    /** One leaf's comparison. */
    public record LeafResult(String label, double point, double analytic, double numeric, double relativeError) {
        @Override
        public String toString() {
            return String.format("%-8s x=%-12.6g analytic=%-16.9g numeric=%-16.9g relErr=%.2e",
                    label.isEmpty() ? "?" : label, point, analytic, numeric, relativeError);
        }
    }

    /** The comparison for every leaf, in the order they were given. */
    public record Report(double output, List<LeafResult> leaves) {
        /** The largest relative error over all leaves (0 for no leaves). */
        public double worstRelativeError() {
            return leaves.stream().mapToDouble(LeafResult::relativeError).max().orElse(0);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("GradCheck of f = " + output + '\n');
            leaves.forEach(leaf -> s.append("  ").append(leaf).append('\n'));
            return s.append("  worst relative error ").append(String.format("%.2e", worstRelativeError())).toString();
        }
    }

    /** Compares backward() with central differences for every leaf, using {@link #DEFAULT_STEP}. */
    public static Report check(Supplier<Value> function, Value... leaves) {
        return check(function, List.of(leaves), DEFAULT_STEP);
    }

    /** Compares backward() with central differences for every leaf, with step {@code relativeStep * max(1, |x|)}. */
    public static Report check(Supplier<Value> function, List<Value> leaves, double relativeStep) {
        for (Value leaf : leaves) {
            leaf.setGrad(0);
        }
        Value out = function.get();
        out.backward();
        List<LeafResult> results = new ArrayList<>(leaves.size());
        for (Value leaf : leaves) {
            double x = leaf.data();
            double h = relativeStep * Math.max(1, Math.abs(x));
            leaf.setData(x + h);
            double up = function.get().data();
            leaf.setData(x - h);
            double down = function.get().data();
            leaf.setData(x);
            double numeric = (up - down) / (2 * h);
            results.add(new LeafResult(leaf.label(), x, leaf.grad(), numeric, relativeError(leaf.grad(), numeric)));
        }
        return new Report(out.data(), List.copyOf(results));
    }

    /**
     * |a - b| / max(|a|, |b|), with an absolute floor of 1 on the denominator (so that two tiny gradients that
     * differ by rounding noise do not count as far apart); infinite where exactly one side is not finite.
     */
    public static double relativeError(double a, double b) {
        if (a == b) {
            return 0;
        }
        double diff = Math.abs(a - b);
        return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
