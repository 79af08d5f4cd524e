// # Lesson 5: a neuron, backpropagated by hand and then automatically
//
// A neuron multiplies each input by a weight, adds a bias and squashes the sum with tanh:
// o = tanh(x1*w1 + x2*w2 + b). The lecture picks b = 6.8813735870195432 so that n = 0.8813..., and o = 1/sqrt(2).
// Going backward: do/dn = 1 - tanh(n)^2 = 1 - o^2 = 0.5; the additions pass 0.5 on unchanged; each product
// sends the other factor times 0.5 to each side. Setting these by hand and then calling backward() must agree.

import java.util.List;
import micrograd.engine.*;
import micrograd.lessons.LessonFiles;

Value x1 = Value.of(2.0, "x1");
Value x2 = Value.of(0.0, "x2");
Value w1 = Value.of(-3.0, "w1");
Value w2 = Value.of(1.0, "w2");
Value b = Value.of(6.8813735870195432, "b");
Value x1w1 = x1.mul(w1).label("x1*w1");
Value x2w2 = x2.mul(w2).label("x2*w2");
Value x1w1x2w2 = x1w1.add(x2w2).label("x1*w1 + x2*w2");
Value n = x1w1x2w2.add(b).label("n");
Value o = n.tanh().label("o");
List<Value> nodes = List.of(o, n, b, x1w1x2w2, x1w1, x2w2, x1, w1, x2, w2);
System.out.println("n = " + n.data() + ", o = " + o.data());
// The lecture shows o = 0.7071067811865476; Java's Math.tanh (like Python's math.tanh) gives 0.7071067811865477.
// Both are 1/sqrt(2) rounded to a double, one unit in the last place apart: the lecture computed tanh from exp,
// (e^2n - 1)/(e^2n + 1), whose rounding lands on the other neighbour (lesson 7 does the same and prints ...476).
// The last digits of the grads below differ from the lecture's for the same reason (x1: -1.4999999999999993
// here, -1.4999999999999996 there): 1 - o^2 is computed from this o.

// By hand, from the output back.
o.setGrad(1.0);
n.setGrad(1 - o.data() * o.data());
b.setGrad(n.grad());
x1w1x2w2.setGrad(n.grad());
x1w1.setGrad(x1w1x2w2.grad());
x2w2.setGrad(x1w1x2w2.grad());
x1.setGrad(w1.data() * x1w1.grad());
w1.setGrad(x1.data() * x1w1.grad());
x2.setGrad(w2.data() * x2w2.grad());
w2.setGrad(x2.data() * x2w2.grad());
for (Value v : nodes) {
    System.out.println("by hand:    grad " + v.label() + " = " + v.grad());
}

// Automatically: zero, then backward().
for (Value v : nodes) { v.setGrad(0); }
o.backward();
for (Value v : nodes) {
    System.out.println("backward(): grad " + v.label() + " = " + v.grad());
}
// w2's gradient is 0 because its input x2 is 0: wiggling w2 changes nothing.

// The neuron after backward(), drawn.
LessonFiles.drawGraph(o, LessonFiles.folder("05-tanh-neuron").resolve("neuron.png"));
/exit
