// # Lesson 7: tanh broken into exp, a power and a division
//
// tanh(n) = (e^(2n) - 1) / (e^(2n) + 1). Building it from smaller operations gives a bigger graph but the same
// value and, because each small operation knows its own local derivative, the same gradients: backpropagation does
// not care how coarse or fine the operations are, only that each one's derivative is right. Like the lecture, we
// write the division as a times b to the power -1, so that every node of its drawing appears.

import java.util.List;
import micrograd.engine.*;
import micrograd.lessons.LessonFiles;

Value x1 = Value.of(2.0, "x1");
Value x2 = Value.of(0.0, "x2");
Value w1 = Value.of(-3.0, "w1");
Value w2 = Value.of(1.0, "w2");
Value b = Value.of(6.8813735870195432, "b");
Value n = x1.mul(w1).add(x2.mul(w2)).add(b).label("n");
Value two = Value.of(2.0, "2");
Value twoN = n.mul(two).label("2n");
Value e = twoN.exp().label("e");
Value eMinus1 = e.sub(1).label("e - 1");
Value ePlus1 = e.add(1).label("e + 1");
Value inverse = ePlus1.pow(-1).label("(e + 1)**-1");
Value o = eMinus1.mul(inverse).label("o");
o.backward();

// The lecture's Value.tanh computed (exp(2n) - 1) / (exp(2n) + 1) on plain numbers, one division rounded once: that
// gives its 0.7071067811865476. The graph spells the division as a product with a power, rounded twice, and lands one
// unit in the last place higher, on Math.tanh's 0.7071067811865477 (lesson 5). Both are 1/sqrt(2) to 16 digits.
double exp2n = Math.exp(2 * n.data());
System.out.println("o = " + (exp2n - 1) / (exp2n + 1) + " from (exp(2n) - 1) / (exp(2n) + 1), as the lecture");
System.out.println("o = " + o.data() + " from the graph, (e - 1) * (e + 1)**-1");
for (Value v : List.of(n, twoN, e, eMinus1, ePlus1, inverse)) {
    System.out.println(String.format("%s: data %.4f, grad %.4f", v.label(), v.data(), v.grad()));
}
System.out.println(String.format("the constant 2: data %.4f, grad %.4f", two.data(), two.grad()));
for (Value v : List.of(x1, w1, x2, w2, b)) {
    System.out.println("grad " + v.label() + " = " + v.grad());
}

// The bigger graph, drawn: compare it with lesson 5's.
LessonFiles.drawGraph(o, LessonFiles.folder("07-tanh-from-exp").resolve("neuron-exp.png"));
/exit
