package micrograd.expr;

/**
 * An expression or program that cannot be read or evaluated. The message names where: the 1-based column of the
 * problem in its line, and, in a program of more than one statement, the statement (and the line, when the program
 * has several).
 */
public final class ExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int statement;
    private final int column;
    private final String problem;

    ExpressionException(int column, String problem) {
        this(0, 0, column, problem);
    }

    /** A problem in statement {@code statement} (0: the program is one statement) on line {@code line} (0: one line). */
    ExpressionException(int statement, int line, int column, String problem) {
        super((statement > 0 ? "statement " + statement + (line > 0 ? " (line " + line + ")" : "") + ", " : "")
                + "column " + column + ": " + problem);
        this.statement = statement;
        this.column = column;
        this.problem = problem;
    }

    /** The 1-based column, in its line, where the problem was found. */
    public int column() {
        return column;
    }

    /** The 1-based statement of a program where the problem was found; 0 when the program is one statement. */
    public int statement() {
        return statement;
    }

    /** What is wrong, without where. */
    String problem() {
        return problem;
    }
}
