package micrograd.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import micrograd.data.Numbers;
import micrograd.engine.Value;

/**
 * A program like the lecture's notebook cells: statements separated by newlines or {@code ;}, each
 * {@code name = expression}, the last one the output (it may also be a bare expression). For example
 * {@code a = 2.0; b = -3.0; c = 10.0; e = a*b; d = e + c; f = -2.0; L = d*f}.
 *
 * <ul>
 *   <li>A name assigned a number is a leaf with that label, as {@code a = Value(2.0, label='a')}.</li>
 *   <li>A name assigned an expression labels the node the expression makes; the nodes inside it keep the text they
 *       were made from ({@link ExpressionParser}), and an unnamed output is labelled {@code out}.</li>
 *   <li>Names no statement assigns are variables: they take their values from the map given (the page's variables
 *       field, the command's {@code name=value} arguments), as a single expression's do.</li>
 * </ul>
 *
 * <p>A mistake is an {@link ExpressionException} naming the statement and column: a name used before it is
 * assigned, a name assigned twice (or given as a variable too), an empty statement, and a statement other than the
 * last that is not an assignment. A program of one statement reports as an expression does, by column alone. Blank
 * lines and a {@code ;} ending a line are allowed.
 */
public final class Program {

    /** One statement: where it is and what it says. {@code name} is null for a bare expression. */
    private record Statement(int number, int line, String name, int nameColumn, String expression,
            int expressionColumn) {
    }

    private final String text;
    private final Map<String, Value> variables;
    private final Map<String, Double> moved;
    private final Value output;
    /** Every name with its node: the variables in the order given, then the program's names in statement order. */
    private final Map<String, Value> names = new LinkedHashMap<>();
    /** The names that stand for leaves (a number, or a variable): what a nudge may move. */
    private final List<String> leafNames = new ArrayList<>();

    private Program(String text, Map<String, Value> variables, Map<String, Double> moved) {
        this.text = text;
        this.variables = variables;
        this.moved = moved;
        List<Statement> statements = statements(text);
        boolean oneStatement = statements.size() == 1;
        boolean manyLines = text.strip().contains("\n");
        Map<String, Integer> assignedIn = new HashMap<>();
        for (Statement s : statements) {
            if (s.name() == null) {
                continue;
            }
            if (variables.containsKey(s.name())) {
                throw error(s, oneStatement, manyLines, s.nameColumn(), "'" + s.name() + "' is assigned here and also "
                        + "given as a variable (" + s.name() + "=NUMBER); give it one value");
            }
            Integer first = assignedIn.putIfAbsent(s.name(), s.number());
            if (first != null) {
                throw error(s, oneStatement, manyLines, s.nameColumn(), "'" + s.name() + "' is assigned twice (first "
                        + "in statement " + first + "); give each value its own name");
            }
        }
        names.putAll(variables);
        leafNames.addAll(variables.keySet());
        Map<String, Value> assigned = new HashMap<>();
        Value last = null;
        for (Statement s : statements) {
            last = evaluate(s, assigned, assignedIn, oneStatement, manyLines);
            if (s.name() != null) {
                assigned.put(s.name(), last);
                names.put(s.name(), last);
            }
        }
        Statement final_ = statements.get(statements.size() - 1);
        if (final_.name() == null && !names.containsValue(last)) {
            last.label("out"); // a bare output; a bare name keeps its own
        }
        output = last;
    }

    /**
     * Runs {@code text} over {@code variables} (a labelled leaf per name).
     *
     * @throws ExpressionException naming the statement and column of the first mistake
     */
    public static Program parse(String text, Map<String, Value> variables) {
        return new Program(text, variables, Map.of());
    }

    /** The output: the last statement's node. */
    public Value output() {
        return output;
    }

    /** Every name and its node: the variables in the order given, then the program's names in statement order. */
    public Map<String, Value> names() {
        return Collections.unmodifiableMap(names);
    }

    /** The names of leaves, the variables' and those the program assigns a number, in that order. */
    public List<String> leafNames() {
        return List.copyOf(leafNames);
    }

    /**
     * The same program run again with the leaf {@code name} holding {@code value} (a new graph; this one is left
     * alone): what a nudge compares against.
     *
     * @throws IllegalArgumentException when {@code name} is no leaf of this program
     */
    public Program withLeaf(String name, double value) {
        if (!leafNames.contains(name)) {
            throw new IllegalArgumentException("there is no leaf '" + name + "'; the leaves are "
                    + String.join(", ", leafNames));
        }
        Map<String, Value> newVariables = new LinkedHashMap<>();
        variables.forEach((n, leaf) -> newVariables.put(n, Value.of(n.equals(name) ? value : leaf.data(), n)));
        Map<String, Double> newMoved = new HashMap<>(moved);
        if (!variables.containsKey(name)) {
            newMoved.put(name, value);
        }
        return new Program(text, newVariables, newMoved);
    }

    private Value evaluate(Statement s, Map<String, Value> assigned, Map<String, Integer> assignedIn,
            boolean oneStatement, boolean manyLines) {
        if (s.name() != null) {
            Double number = numberOrNull(s.expression());
            if (number != null) {
                leafNames.add(s.name());
                return Value.of(moved.getOrDefault(s.name(), number), s.name());
            }
        }
        ExpressionParser.Scope scope = new ExpressionParser.Scope() {
            public Value valueOf(String name) {
                Value value = assigned.get(name);
                return value != null ? value : variables.get(name);
            }

            public String whyNoValue(String name) {
                Integer later = assignedIn.get(name);
                if (later != null) {
                    return "'" + name + "' is used before it is assigned (in statement " + later + "); assign it "
                            + "first";
                }
                return "the variable '" + name + "' has no value; give it one with " + name + "=NUMBER"
                        + (oneStatement ? "" : " or a statement " + name + " = NUMBER");
            }
        };
        Value value;
        try {
            value = ExpressionParser.parse(s.expression(), scope, s.expressionColumn() - 1);
        } catch (ExpressionException e) {
            throw error(s, oneStatement, manyLines, e.column(), e.problem());
        }
        return s.name() == null ? value : value.label(s.name());
    }

    /** The number a statement assigns, such as {@code -3.0}; null when it assigns an expression. */
    private static Double numberOrNull(String expression) {
        try {
            return Numbers.parse(expression.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ExpressionException error(Statement s, boolean oneStatement, boolean manyLines, int column,
            String problem) {
        return new ExpressionException(oneStatement ? 0 : s.number(), manyLines ? s.line() : 0, column, problem);
    }

    /** A piece of text between separators, where it starts (its line, its 0-based offset there). */
    private record Piece(int line, int start, String text) {
    }

    /** The statements, in order, each with where it starts; refuses empty ones and misplaced bare expressions. */
    private static List<Statement> statements(String text) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1); // String.lines() is not in the browser's library
        List<Piece> pieces = new ArrayList<>();
        for (int lineIndex = 0; lineIndex < lines.length; lineIndex++) {
            String line = lines[lineIndex];
            if (line.strip().isEmpty()) {
                continue;
            }
            String[] parts = line.split(";", -1);
            int start = 0;
            for (int i = 0; i < parts.length; i++) {
                if (!(parts[i].strip().isEmpty() && i == parts.length - 1 && i > 0)) { // "a = 1;" may end its line
                    pieces.add(new Piece(lineIndex + 1, start, parts[i]));
                }
                start += parts[i].length() + 1;
            }
        }
        if (pieces.isEmpty()) {
            throw new ExpressionException(1, "the expression ends where a number, a variable, a function or '(' "
                    + "should follow");
        }
        boolean one = pieces.size() == 1;
        boolean manyLines = text.strip().contains("\n");
        List<Statement> statements = new ArrayList<>();
        for (Piece piece : pieces) {
            int number = statements.size() + 1;
            String where = piece.text();
            if (where.strip().isEmpty()) {
                throw new ExpressionException(number, manyLines ? piece.line() : 0, piece.start() + 1, "an empty "
                        + "statement; remove the extra ';' or write NAME = EXPRESSION there");
            }
            int column = piece.start() + where.indexOf(where.strip().charAt(0)) + 1;
            int equals = where.indexOf('=');
            if (equals < 0) {
                if (number < pieces.size()) {
                    throw new ExpressionException(number, manyLines ? piece.line() : 0, column, "this statement is not "
                            + "an assignment; write NAME = EXPRESSION (only the last statement, the output, may be an "
                            + "expression alone)");
                }
                statements.add(new Statement(number, piece.line(), null, 0, where, piece.start() + 1));
                continue;
            }
            String name = where.substring(0, equals).strip();
            if (!ExpressionParser.isVariableName(name)) {
                String problem = name.isEmpty() ? "'=' with no name before it; write NAME = EXPRESSION"
                        : "'" + Numbers.printable(name) + "' cannot be assigned: a name is letters, digits and _, not "
                                + "starting with a digit, and not a function's name";
                throw new ExpressionException(one ? 0 : number, manyLines ? piece.line() : 0, column, problem);
            }
            statements.add(new Statement(number, piece.line(), name, column, where.substring(equals + 1),
                    piece.start() + equals + 2));
        }
        return statements;
    }
}
