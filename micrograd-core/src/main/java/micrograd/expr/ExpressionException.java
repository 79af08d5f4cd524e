package micrograd.expr;

/** An expression that cannot be read or evaluated; the message names the 1-based column of the problem. */
public final class ExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int column;

    ExpressionException(int column, String problem) {
        super("column " + column + ": " + problem);
        this.column = column;
    }

    /** The 1-based column of the expression text where the problem was found. */
    public int column() {
        return column;
    }
}
