package micrograd.engine;

/**
 * Every operation the engine knows, each defined in one place: its symbol in graph drawings, its name in words, its
 * forward value, and its local derivatives as chain-rule steps. This is the one home of the maths: {@link Value#backward()} and every
 * fast path (such as {@code micrograd.fast.Tape}) call these methods, so an operation is added here and nowhere else.
 *
 * <p>Each method takes the operands' data {@code a} and {@code b} ({@code b} is the constant exponent for
 * {@link #POW_CONST} and unused by unary operations), the operation's own result {@code out}, and, for the
 * derivatives, the gradient {@code g} arriving at the result. {@link #gradA} returns what the first operand's grad
 * gains, {@code g * d out / d a}, and {@link #gradB} what the second's gains; a caller adds them with {@code +=}, so a
 * node used twice receives both contributions. Each is written as it rounds best ({@code g / b}, not
 * {@code (1 / b) * g}), which is why it returns the product rather than the bare derivative.
 *
 * <p>A loop that runs many different operations, such as a tape's, calls the static forms
 * {@link #forward(Op, double, double)}, {@link #gradA(Op, double, double, double, double)} and
 * {@link #gradB(Op, double, double, double, double)}: the same definitions, reached in a way the JIT can inline.
 */
public enum Op {
    /** A leaf: a number given from outside; nothing to compute or to pass on. */
    LEAF("", "leaf", 0) {
        public double forward(double a, double b) { throw new UnsupportedOperationException("a leaf has no forward"); }
    },
    /** The n-ary sum: {@code forward} adds one term to the running total; every term's derivative is 1. */
    SUM("+", "sum", -1) {
        public double forward(double total, double term) { return total + term; }
        public double gradA(double a, double b, double out, double g) { return g; }
    },
    ADD("+", "addition", 2) {
        public double forward(double a, double b) { return a + b; }
        public double gradA(double a, double b, double out, double g) { return g; }
        public double gradB(double a, double b, double out, double g) { return g; }
    },
    SUB("-", "subtraction", 2) {
        public double forward(double a, double b) { return a - b; }
        public double gradA(double a, double b, double out, double g) { return g; }
        public double gradB(double a, double b, double out, double g) { return -g; }
    },
    MUL("*", "multiplication", 2) {
        public double forward(double a, double b) { return a * b; }
        public double gradA(double a, double b, double out, double g) { return b * g; }
        public double gradB(double a, double b, double out, double g) { return a * g; }
    },
    /** a / b: d/da = 1/b, d/db = -a/b^2 = -out/b. */
    DIV("/", "division", 2) {
        public double forward(double a, double b) { return a / b; }
        public double gradA(double a, double b, double out, double g) { return g / b; }
        public double gradB(double a, double b, double out, double g) { return -(g * out / b); }
    },
    /** a^k for a constant k (micrograd's {@code **k}); PyTorch's convention: k = 0 has gradient 0 everywhere. */
    POW_CONST("**", "power by a constant", 1) {
        public double forward(double a, double k) { return Math.pow(a, k); }
        public double gradA(double a, double k, double out, double g) {
            return k == 0 ? 0.0 : k * Math.pow(a, k - 1) * g;
        }
    },
    /**
     * a^b with both operands differentiable, with PyTorch's semantics: d/da = b a^(b-1) (0 when b = 0),
     * d/db = a^b ln(a) (NaN for a negative base, 0 where a = 0 and b &gt;= 0).
     */
    POW("**", "power", 2) {
        public double forward(double a, double b) { return Math.pow(a, b); }
        public double gradA(double a, double b, double out, double g) {
            return b == 0 ? 0.0 : b * Math.pow(a, b - 1) * g;
        }
        public double gradB(double a, double b, double out, double g) {
            return a == 0 && b >= 0 ? 0.0 : out * Math.log(a) * g;
        }
    },
    NEG("neg", "negation", 1) {
        public double forward(double a, double unused) { return -a; }
        public double gradA(double a, double unused, double out, double g) { return -g; }
    },
    EXP("exp", "exponential", 1) {
        public double forward(double a, double unused) { return Math.exp(a); }
        public double gradA(double a, double unused, double out, double g) { return out * g; }
    },
    LOG("log", "natural logarithm", 1) {
        public double forward(double a, double unused) { return Math.log(a); }
        public double gradA(double a, double unused, double out, double g) { return g / a; }
    },
    TANH("tanh", "hyperbolic tangent", 1) {
        public double forward(double a, double unused) { return Math.tanh(a); }
        public double gradA(double a, double unused, double out, double g) { return (1 - out * out) * g; }
    },
    /** micrograd's ReLU: the gradient at exactly 0 is 0. */
    RELU("ReLU", "rectified linear unit", 1) {
        public double forward(double a, double unused) { return a < 0 ? 0.0 : a; }
        public double gradA(double a, double unused, double out, double g) { return out > 0 ? g : 0.0; }
    },
    /** 1 / (1 + e^-a), evaluated so that neither branch overflows. */
    SIGMOID("sigmoid", "sigmoid", 1) {
        public double forward(double a, double unused) {
            if (a >= 0) {
                return 1 / (1 + Math.exp(-a));
            }
            double e = Math.exp(a);
            return e / (1 + e);
        }
        public double gradA(double a, double unused, double out, double g) { return out * (1 - out) * g; }
    };

    /** micrograd's symbol for the operation node in a graph drawing ("+", "*", "ReLU", ...; "" for a leaf). */
    final String symbol;
    /** The operation in words ("addition", "power by a constant", ...), as the graph's JSON and the stepper name it. */
    private final String words;
    /** How many operands get a gradient: 0 for a leaf, 1 or 2, or -1 for the n-ary {@link #SUM}. */
    private final int arity;

    Op(String symbol, String words, int arity) {
        this.symbol = symbol;
        this.words = words;
        this.arity = arity;
    }

    /**
     * micrograd's symbol for the operation ("+", "*", "**", "ReLU", ...; "" for a leaf); a node made by
     * {@code pow(k)} adds its exponent ({@link Value#op()}: "**2").
     */
    public String symbol() {
        return symbol;
    }

    /** The operation in words: "addition", "power by a constant", "rectified linear unit", ... ("leaf" for a leaf). */
    public String words() {
        return words;
    }

    /** Whether the operation has a second operand that gets a gradient ({@link #gradB} applies). */
    public boolean isBinary() {
        return arity == 2;
    }

    /** The result from the operands' data; for {@link #SUM}, the running total plus one term. */
    public abstract double forward(double a, double b);

    /** What the first operand's grad gains when {@code g} arrives at the result {@code out}: {@code g * dout/da}. */
    public double gradA(double a, double b, double out, double g) {
        throw new UnsupportedOperationException(this + " passes no gradient on");
    }

    /**
     * What the second operand's grad gains when {@code g} arrives at the result {@code out}: {@code g * dout/db}. 0
     * when b is no operand (a constant exponent, or the b a unary operation ignores): nothing to pass on, so a loop
     * may add it into b's slot for every operation alike.
     */
    public double gradB(double a, double b, double out, double g) {
        return 0.0;
    }

    // ---- the same three methods for loops that run every operation --------------------------------------------

    /**
     * {@code op.forward(a, b)} for loops that call it for many operations, such as a tape's. There, the call
     * {@code op.forward} meets a dozen classes and the JIT compiles it as a call through a table, which slowed the
     * tape's step by a third; each case here calls one constant, which it inlines. The switch has no default, so a
     * new operation does not compile until it is listed here too.
     */
    public static double forward(Op op, double a, double b) {
        return switch (op) {
            case LEAF -> LEAF.forward(a, b);
            case SUM -> SUM.forward(a, b);
            case ADD -> ADD.forward(a, b);
            case SUB -> SUB.forward(a, b);
            case MUL -> MUL.forward(a, b);
            case DIV -> DIV.forward(a, b);
            case POW_CONST -> POW_CONST.forward(a, b);
            case POW -> POW.forward(a, b);
            case NEG -> NEG.forward(a, b);
            case EXP -> EXP.forward(a, b);
            case LOG -> LOG.forward(a, b);
            case TANH -> TANH.forward(a, b);
            case RELU -> RELU.forward(a, b);
            case SIGMOID -> SIGMOID.forward(a, b);
        };
    }

    /** {@code op.gradA(a, b, out, g)}, for loops that call it for many operations; see forward(Op, a, b). */
    public static double gradA(Op op, double a, double b, double out, double g) {
        return switch (op) {
            case LEAF -> LEAF.gradA(a, b, out, g);
            case SUM -> SUM.gradA(a, b, out, g);
            case ADD -> ADD.gradA(a, b, out, g);
            case SUB -> SUB.gradA(a, b, out, g);
            case MUL -> MUL.gradA(a, b, out, g);
            case DIV -> DIV.gradA(a, b, out, g);
            case POW_CONST -> POW_CONST.gradA(a, b, out, g);
            case POW -> POW.gradA(a, b, out, g);
            case NEG -> NEG.gradA(a, b, out, g);
            case EXP -> EXP.gradA(a, b, out, g);
            case LOG -> LOG.gradA(a, b, out, g);
            case TANH -> TANH.gradA(a, b, out, g);
            case RELU -> RELU.gradA(a, b, out, g);
            case SIGMOID -> SIGMOID.gradA(a, b, out, g);
        };
    }

    /** {@code op.gradB(a, b, out, g)}, for loops that call it for many operations; see forward(Op, a, b). */
    public static double gradB(Op op, double a, double b, double out, double g) {
        return switch (op) {
            case LEAF -> LEAF.gradB(a, b, out, g);
            case SUM -> SUM.gradB(a, b, out, g);
            case ADD -> ADD.gradB(a, b, out, g);
            case SUB -> SUB.gradB(a, b, out, g);
            case MUL -> MUL.gradB(a, b, out, g);
            case DIV -> DIV.gradB(a, b, out, g);
            case POW_CONST -> POW_CONST.gradB(a, b, out, g);
            case POW -> POW.gradB(a, b, out, g);
            case NEG -> NEG.gradB(a, b, out, g);
            case EXP -> EXP.gradB(a, b, out, g);
            case LOG -> LOG.gradB(a, b, out, g);
            case TANH -> TANH.gradB(a, b, out, g);
            case RELU -> RELU.gradB(a, b, out, g);
            case SIGMOID -> SIGMOID.gradB(a, b, out, g);
        };
    }
    // ---- the chain rule as text, for a page or a lesson that shows backward() step by step ----------------------

    /**
     * What operand {@code operand} of {@code node} gains in the backward step of {@code node}, as text:
     * {@code inNames} in the nodes' names ({@code f.data × L.grad}), {@code inNumbers} with their numbers filled in
     * ({@code (-2.0) × 1.0}, a negative number in parentheses). The amount itself is the engine's: {@link #gradA},
     * {@link #gradB}, written the same way round.
     */
    public record GradientText(String inNames, String inNumbers) {
    }

    /**
     * The text of the chain rule for operand {@code operand} (its position among {@code node.children()}) of
     * {@code node}, with each node named by {@code name} ({@code "d"}, {@code "(x1*w1)"}).
     */
    public static GradientText gradientText(Value node, int operand, java.util.function.Function<Value, String> name) {
        Op op = node.op;
        Value a = op == SUM ? node.children().get(operand) : node.a;
        Value b = op == SUM ? null : node.b;
        double bData = b == null ? Double.NaN : b.data;
        String bName = b == null ? "" : name.apply(b) + ".data";
        String bNumber = b == null ? "" : number(b.data);
        String inNames = op.gradientText(operand, name.apply(a) + ".data", bName, bData, name.apply(node) + ".data",
                name.apply(node) + ".grad");
        String inNumbers = op.gradientText(operand, number(a.data), bNumber, bData, number(node.data),
                number(node.grad));
        return new GradientText(inNames, inNumbers);
    }

    /** A number as Java prints a double, in parentheses when negative, so that "x × (-2.0)" reads as it should. */
    private static String number(double x) {
        return x < 0 || (x == 0 && 1 / x < 0) ? "(" + x + ")" : Double.toString(x);
    }

    /**
     * The local rule of one operand as text, from the texts of the first operand {@code a}, the second {@code b}, the
     * result {@code out} and the grad {@code g} arriving at it; a constant exponent {@code k} is written as its number.
     */
    private String gradientText(int operand, String a, String b, double k, String out, String g) {
        boolean second = operand == 1 && this != SUM;
        return switch (this) {
            case LEAF -> "";
            case SUM, ADD -> g;
            case SUB -> second ? "-" + g : g;
            case MUL -> (second ? a : b) + " × " + g;
            case DIV -> second ? "-(" + g + " × " + out + " / " + b + ")" : g + " / " + b;
            case POW_CONST -> powerRule(k, a, g);
            case POW -> second ? out + " × ln(" + a + ") × " + g : b + " × " + a + "^(" + b + " - 1) × " + g;
            case NEG -> "-" + g;
            case EXP -> out + " × " + g;
            case LOG -> g + " / " + a;
            case TANH -> "(1 - " + out + "²) × " + g;
            case RELU -> "(" + out + " > 0 ? 1 : 0) × " + g;
            case SIGMOID -> out + " × (1 - " + out + ") × " + g;
        };
    }

    /** {@code k × a^(k-1) × g} for a constant k written as a number: {@code 2 × a × g}, {@code 0} for k = 0. */
    private static String powerRule(double exponent, String a, String g) {
        if (exponent == 0) {
            return "0";
        }
        String power = exponent - 1 == 1 ? a : a + "^" + shortNumber(exponent - 1);
        return shortNumber(exponent) + " × " + power + " × " + g;
    }

    /** "2" for 2.0, "-1" for -1.0, as micrograd prints its integer exponents; "0.5" otherwise. */
    private static String shortNumber(double k) {
        return k == Math.rint(k) && Math.abs(k) < 1e15 ? Long.toString((long) k) : Double.toString(k);
    }
}
