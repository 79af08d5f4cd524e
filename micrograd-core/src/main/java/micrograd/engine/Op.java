package micrograd.engine;

/**
 * Every operation the engine knows, each defined in one place: its graph label, its forward value and its
 * local derivative (the chain-rule step that pushes {@code out.grad} into the operands).
 *
 * <p>Binary operations read their operands as {@code out.a} and {@code out.b}; unary ones read {@code out.a};
 * {@link #POW_CONST} reads its constant exponent from the leaf {@code out.b}; {@link #SUM} reads {@code out.operands}.
 * Every rule accumulates with {@code +=}, so a node used twice receives both contributions.
 *
 * <p>Public so that code compiling a graph (such as {@code micrograd.tape}) can tell the operations apart
 * ({@link Value#operation()}) and compute forward values with exactly the engine's formulas ({@link #forward}).
 */
public enum Op {
    LEAF("") {
        public double forward(double a, double b) { throw new UnsupportedOperationException("a leaf has no forward"); }
        void backward(Value out) { }
    },
    /** n-ary sum recorded as one node: d/dx_i = 1 for every operand. */
    SUM("+") {
        public double forward(double a, double b) { throw new UnsupportedOperationException("SUM is n-ary"); }
        void backward(Value out) {
            for (Value x : out.operands) {
                x.grad += out.grad;
            }
        }
    },
    ADD("+") {
        public double forward(double a, double b) { return a + b; }
        void backward(Value out) { out.a.grad += out.grad; out.b.grad += out.grad; }
    },
    SUB("-") {
        public double forward(double a, double b) { return a - b; }
        void backward(Value out) { out.a.grad += out.grad; out.b.grad -= out.grad; }
    },
    MUL("*") {
        public double forward(double a, double b) { return a * b; }
        void backward(Value out) { out.a.grad += out.b.data * out.grad; out.b.grad += out.a.data * out.grad; }
    },
    /** a / b: d/da = 1/b, d/db = -a/b^2 = -out/b. */
    DIV("/") {
        public double forward(double a, double b) { return a / b; }
        void backward(Value out) {
            out.a.grad += out.grad / out.b.data;
            out.b.grad -= out.grad * out.data / out.b.data;
        }
    },
    /** a^k for a constant k (micrograd's {@code **k}); PyTorch's convention: k = 0 has gradient 0 everywhere. */
    POW_CONST("**") {
        public double forward(double a, double k) { return Math.pow(a, k); }
        void backward(Value out) {
            double k = out.b.data;
            if (k != 0) {
                out.a.grad += k * Math.pow(out.a.data, k - 1) * out.grad;
            }
        }
    },
    /**
     * a^b with both operands differentiable, with PyTorch's semantics: d/da = b a^(b-1) (0 when b = 0),
     * d/db = a^b ln(a) (NaN for a negative base, 0 where a = 0 and b &gt;= 0).
     */
    POW("**") {
        public double forward(double a, double b) { return Math.pow(a, b); }
        void backward(Value out) {
            double base = out.a.data;
            double exponent = out.b.data;
            if (exponent != 0) {
                out.a.grad += exponent * Math.pow(base, exponent - 1) * out.grad;
            }
            if (!(base == 0 && exponent >= 0)) {
                out.b.grad += out.data * Math.log(base) * out.grad;
            }
        }
    },
    NEG("neg") {
        public double forward(double a, double unused) { return -a; }
        void backward(Value out) { out.a.grad -= out.grad; }
    },
    EXP("exp") {
        public double forward(double a, double unused) { return Math.exp(a); }
        void backward(Value out) { out.a.grad += out.data * out.grad; }
    },
    LOG("log") {
        public double forward(double a, double unused) { return Math.log(a); }
        void backward(Value out) { out.a.grad += out.grad / out.a.data; }
    },
    TANH("tanh") {
        public double forward(double a, double unused) { return Math.tanh(a); }
        void backward(Value out) { out.a.grad += (1 - out.data * out.data) * out.grad; }
    },
    /** micrograd's ReLU: the gradient at exactly 0 is 0. */
    RELU("ReLU") {
        public double forward(double a, double unused) { return a < 0 ? 0.0 : a; }
        void backward(Value out) { out.a.grad += (out.data > 0 ? out.grad : 0.0); }
    },
    /** 1 / (1 + e^-a), evaluated so that neither branch overflows. */
    SIGMOID("sigmoid") {
        public double forward(double a, double unused) {
            if (a >= 0) {
                return 1 / (1 + Math.exp(-a));
            }
            double e = Math.exp(a);
            return e / (1 + e);
        }
        void backward(Value out) { out.a.grad += out.data * (1 - out.data) * out.grad; }
    };

    /** micrograd's label for the operation node in a graph drawing. */
    final String label;

    Op(String label) {
        this.label = label;
    }

    /**
     * The forward value from the operands' data ({@code b} is the exponent for POW_CONST, unused for unary ops);
     * not defined for LEAF and SUM.
     */
    public abstract double forward(double a, double b);

    /** Adds this operation's contribution to its operands' gradients, given {@code out.grad}. */
    abstract void backward(Value out);
}
