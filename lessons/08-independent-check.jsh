// # Lesson 8: checking the gradients against independent implementations
//
// The lecture checked its neuron against PyTorch. We check it two independent ways. First, the gradient checker
// nudges each leaf up and down by a tiny h and compares (f(x+h) - f(x-h)) / 2h with backward(): central
// differences, the idea of lesson 1 done carefully. Second, forward-mode differentiation with dual numbers: carry
// (value, derivative) pairs through the same formula, seeding one input's derivative with 1. It shares no code
// with the engine, so agreement means something.

import micrograd.engine.*;

Value x1 = Value.of(2.0, "x1");
Value x2 = Value.of(0.0, "x2");
Value w1 = Value.of(-3.0, "w1");
Value w2 = Value.of(1.0, "w2");
Value b = Value.of(6.8813735870195432, "b");
GradCheck.Report report = GradCheck.check(() -> x1.mul(w1).add(x2.mul(w2)).add(b).tanh(), x1, x2, w1, w2, b);
System.out.println(report);

// A dual number a + a'ε with ε^2 = 0: arithmetic on pairs carries the derivative along.
record Dual(double value, double derivative) {
    Dual plus(Dual o) { return new Dual(value + o.value, derivative + o.derivative); }
    Dual times(Dual o) { return new Dual(value * o.value, derivative * o.value + value * o.derivative); }
    Dual tanh() { double t = Math.tanh(value); return new Dual(t, (1 - t * t) * derivative); }
    static Dual constant(double v) { return new Dual(v, 0); }
    static Dual variable(double v) { return new Dual(v, 1); }
}
String[] names = {"x1", "x2", "w1", "w2", "b"};
double[] point = {2.0, 0.0, -3.0, 1.0, 6.8813735870195432};
Value[] leaves = {x1, x2, w1, w2, b};
for (int i = 0; i < 5; i++) {
    Dual[] in = new Dual[5];
    for (int j = 0; j < 5; j++) {
        in[j] = j == i ? Dual.variable(point[j]) : Dual.constant(point[j]);
    }
    Dual o = in[0].times(in[2]).plus(in[1].times(in[3])).plus(in[4]).tanh();
    System.out.println("forward mode d o/d" + names[i] + " = " + o.derivative() + ", backward() = " + leaves[i].grad());
}
/exit
