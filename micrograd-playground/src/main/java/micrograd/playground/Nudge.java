package micrograd.playground;

import micrograd.expr.Program;

/**
 * One leaf of a calculation nudged by h, to feel what its gradient means (the lecture's first hour): the
 * program run again by the engine with that leaf moved, the slope this measures,
 * {@code (out(x + h) - out(x)) / h}, and what the gradient predicts, {@code out + h * d(out)/dx}. As h shrinks, the
 * measured slope approaches the gradient (until the doubles' rounding takes over).
 */
final class Nudge {

    private final String variable;
    private final String out;
    private final double h;
    private final double before;
    private final double after;
    private final double gradient;

    /**
     * @param program a program that has run backward
     * @throws IllegalArgumentException when the program has no such leaf, or h is 0 or not finite
     */
    Nudge(Program program, String variable, double h) {
        if (!program.leafNames().contains(variable)) {
            throw new IllegalArgumentException("there is no variable '" + variable + "' to nudge; the variables are "
                    + String.join(", ", program.leafNames()));
        }
        if (h == 0 || !Double.isFinite(h)) {
            throw new IllegalArgumentException("h is " + h + "; nudge by a finite number other than 0");
        }
        double x = program.names().get(variable).data();
        this.variable = variable;
        this.out = program.output().label();
        this.h = h;
        this.before = program.output().data();
        this.after = program.withLeaf(variable, x + h).output().data();
        this.gradient = program.names().get(variable).grad();
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
                + out + " = " + before + "\n"
                + out + " with " + x + " + h = " + after + "\n"
                + "measured slope (" + out + "(" + x + " + h) - " + out + ") / h = " + slope() + "\n"
                + "gradient d" + out + "/d" + x + " = " + gradient + "\n"
                + "predicted " + out + " + h × d" + out + "/d" + x + " = " + predicted() + "\n";
    }
}
