package micrograd.expr;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import micrograd.data.Numbers;
import micrograd.engine.Value;

/**
 * Reads an arithmetic expression over named variables and builds its graph with the engine, as Python would
 * evaluate it on micrograd values. The grammar, with Python's precedence (so {@code -x**2} is {@code -(x**2)} and
 * {@code 2**3**2} is {@code 2**(3**2)}):
 *
 * <pre>
 * sum     = product (("+" | "-") product)*
 * product = unary (("*" | "/") unary)*
 * unary   = "-" unary | power
 * power   = atom ("**" unary)?
 * atom    = number | variable | function "(" sum ")" | "(" sum ")"
 * </pre>
 *
 * <p>A number becomes a leaf, as micrograd wraps the {@code 2} of {@code a * 2}. An exponent without variables
 * becomes a constant power ({@code **2} in drawings, as micrograd's {@code __pow__}); an exponent with variables
 * becomes {@link Value#pow(Value)}, which differentiates both operands.
 *
 * <p>Every node the parser makes is labelled with the text it was made from, as the lecture labels {@code x1*w1}:
 * {@code x1*w1 + x2*w2}, {@code tanh(n)}, the number {@code 2}; spaces are collapsed, and a text longer than
 * {@value #LABEL_LENGTH} characters is cut with an ellipsis. A {@link Program} then gives named nodes their names.
 */
public final class ExpressionParser {

    /** The functions an expression may call, each an engine operation. */
    public static final Map<String, UnaryOperator<Value>> FUNCTIONS = Map.of(
            "exp", Value::exp, "log", Value::log, "tanh", Value::tanh, "relu", Value::relu, "sigmoid", Value::sigmoid);

    /** How deeply parentheses, functions, signs and exponents may nest: far beyond any typed expression. */
    static final int MAX_NESTING = 500;

    /** The longest label made from an expression's text; a longer text is cut and ends in an ellipsis. */
    public static final int LABEL_LENGTH = 20;

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Where the parser looks up a name: a variable given a value, or a node a program named earlier. */
    interface Scope {

        /** The node {@code name} stands for, or null when it has none. */
        Value valueOf(String name);

        /** Why {@code name} has no value, and what to do: one line. */
        String whyNoValue(String name);
    }

    private final String text;
    /** How many characters of its line come before the text: columns in messages count from the line's start. */
    private final int offset;
    private final Scope scope;
    /** The nodes reached by a name: an exponent that depends on none of them is a constant. */
    private final Set<Value> named;
    private int pos;
    private int nesting;

    private ExpressionParser(String text, int offset, Scope scope) {
        this.text = text;
        this.offset = offset;
        this.scope = scope;
        this.named = Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /**
     * Builds the graph of {@code expression}, using the given leaf for each variable name.
     *
     * @throws ExpressionException naming the column of a syntax error, an unknown function or a variable without a value
     */
    public static Value parse(String expression, Map<String, Value> variables) {
        return parse(expression, new Scope() {
            public Value valueOf(String name) {
                return variables.get(name);
            }

            public String whyNoValue(String name) {
                return "the variable '" + name + "' has no value; give it one with " + name + "=NUMBER";
            }
        }, 0);
    }

    /**
     * Builds the graph of {@code expression}, looking names up in {@code scope}; {@code offset} characters of its
     * line come before it, which the columns in messages count.
     */
    static Value parse(String expression, Scope scope, int offset) {
        ExpressionParser parser = new ExpressionParser(expression, offset, scope);
        Value result = parser.sum();
        parser.skipSpaces();
        if (parser.pos < expression.length()) {
            throw parser.error("unexpected " + parser.describeNext() + " after a complete expression");
        }
        return result;
    }

    /** True when {@code name} can name a variable: letters, digits and underscores, not starting with a digit. */
    public static boolean isVariableName(String name) {
        return name.matches("[A-Za-z_][A-Za-z_0-9]*") && !FUNCTIONS.containsKey(name);
    }

    /** {@code text} as a label: spaces collapsed, and cut with an ellipsis past {@value #LABEL_LENGTH} characters. */
    public static String label(String text) {
        String label = SPACES.matcher(text.strip()).replaceAll(" ");
        return label.length() <= LABEL_LENGTH ? label : label.substring(0, LABEL_LENGTH - 1).strip() + "…";
    }

    /** Labels a node this parser made with the text from {@code start} to here. */
    private Value made(Value node, int start) {
        return node.label(label(text.substring(start, pos)));
    }

    private Value sum() {
        skipSpaces();
        int start = pos;
        Value left = product();
        while (true) {
            if (accept("+")) {
                left = made(left.add(product()), start);
            } else if (accept("-")) {
                left = made(left.sub(product()), start);
            } else {
                return left;
            }
        }
    }

    private Value product() {
        skipSpaces();
        int start = pos;
        Value left = unary();
        while (true) {
            if (accept("*")) {
                left = made(left.mul(unary()), start);
            } else if (accept("/")) {
                left = made(left.div(unary()), start);
            } else {
                return left;
            }
        }
    }

    private Value unary() {
        skipSpaces();
        int sign = pos;
        if (!accept("-")) {
            return power();
        }
        enter(sign);
        Value negated = made(unary().neg(), sign);
        nesting--;
        return negated;
    }

    /** Counts one more level of nesting; the parser recurses per level, so a limit keeps the stack safe. */
    private void enter(int at) {
        if (++nesting > MAX_NESTING) {
            throw errorAt(at, "the expression nests more than " + MAX_NESTING + " levels deep (parentheses, functions, "
                    + "minus signs and exponents)");
        }
    }

    private Value power() {
        skipSpaces();
        int start = pos;
        Value base = atom();
        if (!accept("**")) {
            return base;
        }
        enter(pos - 2);
        Value exponent = unary();
        nesting--;
        boolean constant = exponent.topologicalOrder().stream().noneMatch(named::contains);
        return made(constant ? base.pow(exponent.data()) : base.pow(exponent), start);
    }

    private Value atom() {
        skipSpaces();
        int start = pos;
        if (pos >= text.length()) {
            throw error("the expression ends where a number, a variable, a function or '(' should follow");
        }
        char c = text.charAt(pos);
        if (accept("(")) {
            enter(start);
            Value inner = sum();
            expect(")", start);
            nesting--;
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return made(Value.of(number()), start);
        }
        if (Character.isLetter(c) || c == '_') {
            String name = name();
            UnaryOperator<Value> function = FUNCTIONS.get(name);
            if (function != null) {
                skipSpaces();
                int open = pos;
                if (!accept("(")) {
                    throw error(name + " is a function: write " + name + "(...)");
                }
                enter(start);
                Value argument = sum();
                expect(")", open);
                nesting--;
                return made(function.apply(argument), start);
            }
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '(') {
                throw errorAt(start, "unknown function '" + name + "'; the functions are " + functionNames());
            }
            Value variable = scope.valueOf(name);
            if (variable == null) {
                throw errorAt(start, scope.whyNoValue(name));
            }
            named.add(variable);
            return variable;
        }
        throw error("expected a number, a variable, a function or '(' but found " + describeNext());
    }

    private double number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int exponentStart = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
                pos = exponentStart; // "2e" is the number 2 followed by the name e, which then fails clearly
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        String literal = text.substring(start, pos);
        try {
            return Numbers.parse(literal);
        } catch (NumberFormatException e) {
            throw errorAt(start, e.getMessage());
        }
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean accept(String token) {
        skipSpaces();
        if (text.startsWith(token, pos) && !(token.equals("*") && text.startsWith("**", pos))) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token, int openedAt) {
        if (!accept(token)) {
            throw error("expected '" + token + "' to close the '(' at column " + (openedAt + 1 + offset) + " but found "
                    + describeNext());
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String describeNext() {
        skipSpaces();
        return pos >= text.length() ? "the end of the expression" : "'" + text.charAt(pos) + "'";
    }

    private ExpressionException error(String problem) {
        skipSpaces();
        return errorAt(pos, problem);
    }

    private ExpressionException errorAt(int index, String problem) {
        return new ExpressionException(index + 1 + offset, problem);
    }

    private static String functionNames() {
        return String.join(", ", FUNCTIONS.keySet().stream().sorted().toList());
    }
}
