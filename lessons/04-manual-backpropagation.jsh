// # Lesson 4: backpropagation by hand, and the chain rule
//
// L = (a*b + c) * f, built from named nodes: e = a*b, d = e + c, L = d * f. Backpropagation fills in dL/dx for
// every node x, from the output back. dL/dL = 1. For L = d * f, dL/dd = f and dL/df = d. For d = e + c, a plus
// routes the gradient unchanged: dL/de = dL/dc = dL/dd. For e = a * b, the chain rule multiplies the local
// derivative by the gradient that arrived: dL/da = b * dL/de and dL/db = a * dL/de.
// Here we set every grad by hand, exactly as the lecture does, and only then let backward() confirm it.

import java.util.List;
import micrograd.engine.*;
import micrograd.lessons.LessonFiles;

Value a = Value.of(2.0, "a");
Value b = Value.of(-3.0, "b");
Value c = Value.of(10.0, "c");
Value f = Value.of(-2.0, "f");
Value e = a.mul(b).label("e");
Value d = e.add(c).label("d");
Value L = d.mul(f).label("L");
System.out.println("e = " + e.data() + ", d = " + d.data() + ", L = " + L.data());

// The gradients, by hand, from the output back.
L.setGrad(1.0);
d.setGrad(f.data() * L.grad());
f.setGrad(d.data() * L.grad());
c.setGrad(d.grad());
e.setGrad(d.grad());
a.setGrad(b.data() * e.grad());
b.setGrad(a.data() * e.grad());
for (Value v : List.of(L, d, f, c, e, a, b)) {
    System.out.println("grad " + v.label() + " = " + v.grad());
}

// The same numbers from backward(): zero the grads first, because backward() accumulates.
for (Value v : List.of(L, d, f, c, e, a, b)) { v.setGrad(0); }
L.backward();
System.out.println("backward() agrees: a.grad = " + a.grad() + ", b.grad = " + b.grad() + ", c.grad = " + c.grad() + ", f.grad = " + f.grad());

// The graph now, drawn before anything moves: every box shows its data and the grad just computed. (Without
// Graphviz the lesson writes the DOT text, L.dot, says how to install Graphviz, and goes on.)
LessonFiles.drawGraph(L, LessonFiles.folder("04-manual-backpropagation").resolve("L.png"));

// A gradient says which way to nudge each input to make L go up. One small step along it:
for (Value leaf : List.of(a, b, c, f)) {
    leaf.setData(leaf.data() + 0.01 * leaf.grad());
}
Value L2 = a.mul(b).add(c).mul(f);
System.out.println("after one step of gradient ascent: L = " + L2.data());

// And a numerical check of dL/db, the lecture's way: nudge b by h = 0.001 and measure.
double h = 0.001;
double L1 = Value.of(2.0).mul(Value.of(-3.0)).add(Value.of(10.0)).mul(Value.of(-2.0)).data();
double Lh = Value.of(2.0).mul(Value.of(-3.0 + h)).add(Value.of(10.0)).mul(Value.of(-2.0)).data();
System.out.println("numerical dL/db = " + (Lh - L1) / h);

// A second example from the notes, L = a(b + cd), with the nodes named by what they compute. By hand, from the
// output back: L = a * (b+cd), so dL/da = b+cd and dL/d(b+cd) = a. The plus passes a on unchanged to b and to cd.
// And cd = c * d sends d times that to c and c times it to d.
Value a2 = Value.of(-2.0, "a");
Value b2 = Value.of(10.0, "b");
Value c2 = Value.of(2.0, "c");
Value d2 = Value.of(-3.0, "d");
Value cd = c2.mul(d2).label("cd");
Value bcd = b2.add(cd).label("b+cd");
Value L3 = a2.mul(bcd).label("a(b+cd)");
System.out.println("cd = " + cd.data() + ", b+cd = " + bcd.data() + ", a(b+cd) = " + L3.data());
double byHandA = bcd.data(), byHandBcd = a2.data();
double byHandB = byHandBcd, byHandCd = byHandBcd;
double byHandC = d2.data() * byHandCd, byHandD = c2.data() * byHandCd;
System.out.println("by hand:    dL/da = " + byHandA + ", dL/db = " + byHandB + ", dL/dc = " + byHandC + ", dL/dd = " + byHandD + ", dL/d(cd) = " + byHandCd + ", dL/d(b+cd) = " + byHandBcd);
L3.backward();
System.out.println("backward(): dL/da = " + a2.grad() + ", dL/db = " + b2.grad() + ", dL/dc = " + c2.grad() + ", dL/dd = " + d2.grad() + ", dL/d(cd) = " + cd.grad() + ", dL/d(b+cd) = " + bcd.grad());
/exit
