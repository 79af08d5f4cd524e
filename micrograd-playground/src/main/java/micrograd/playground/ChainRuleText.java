package micrograd.playground;

import micrograd.engine.Op;

/**
 * The chain rule of one operation, as the page shows it while stepping: {@code a.grad += b.data × out.grad}, then the
 * same with the numbers. Only words: the amounts themselves come from {@link Op}, the engine's one home of every
 * derivative.
 */
final class ChainRuleText {

    private ChainRuleText() {
    }

    /**
     * The formula of what {@code op} adds to one operand's grad, in the names {@code a.data}, {@code b.data},
     * {@code out.data} and {@code out.grad}; {@code second} chooses the operand ({@code b}); {@code b} is the
     * second operand's data, for {@link Op#POW_CONST} the constant exponent, written into its formula.
     */
    static String formula(Op op, boolean second, double b) {
        return switch (op) {
            case LEAF -> "";
            case SUM, ADD -> "out.grad";
            case SUB -> second ? "-out.grad" : "out.grad";
            case MUL -> second ? "a.data × out.grad" : "b.data × out.grad";
            case DIV -> second ? "-(out.grad × out.data / b.data)" : "out.grad / b.data";
            case POW_CONST -> b == 0 ? "0" : b + " × a.data^" + (b - 1) + " × out.grad";
            case POW -> second ? "out.data × ln(a.data) × out.grad" : "b.data × a.data^(b.data - 1) × out.grad";
            case NEG -> "-out.grad";
            case EXP -> "out.data × out.grad";
            case LOG -> "out.grad / a.data";
            case TANH -> "(1 - out.data²) × out.grad";
            case RELU -> "(out.data > 0 ? 1 : 0) × out.grad";
            case SIGMOID -> "out.data × (1 - out.data) × out.grad";
        };
    }

    /** {@code formula} with each name replaced by its number. */
    static String withNumbers(String formula, double a, double b, double out, double outGrad) {
        return formula.replace("out.grad", number(outGrad)).replace("out.data", number(out))
                .replace("a.data", number(a)).replace("b.data", number(b));
    }

    /** A number as Java prints a double, in parentheses when negative so that "x × -2.0" reads as it should. */
    private static String number(double x) {
        return x < 0 ? "(" + x + ")" : Double.toString(x);
    }
}
