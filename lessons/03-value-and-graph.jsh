// # Lesson 3: the Value class and the expression graph
//
// A Value wraps one number. Every operation on Values returns a new Value that remembers which operation made it
// (op()) and from which operands (children()). So an ordinary-looking expression quietly builds a graph of how
// every number was computed, which is what backpropagation will walk backward. We build the lecture's
// L = (a*b + c) * f, look at the graph, and draw it: one box per value (label, data, grad) and one small node per
// operation, as micrograd's draw_dot does.

import micrograd.engine.*;
import micrograd.lessons.LessonFiles;

Value a = Value.of(2.0, "a");
Value b = Value.of(-3.0, "b");
Value c = Value.of(10.0, "c");
Value e = a.mul(b).label("e");
Value d = e.add(c).label("d");
Value f = Value.of(-2.0, "f");
Value L = d.mul(f).label("L");

System.out.println("a = " + a);
System.out.println("d = " + d.data() + ", made by '" + d.op() + "' from " + d.children().size() + " operands: "
        + d.children().get(0).label() + " and " + d.children().get(1).label());
System.out.println("L = " + L.data() + ", made by '" + L.op() + "'");

// The drawing: the DOT text is plain Graphviz input; dot turns it into a picture. Grads are 0: nothing has been
// backpropagated yet. LessonFiles.drawGraph writes the DOT text (GraphDot.of(L)) to L.dot, then has dot draw L.png;
// without Graphviz it says how to install it and the lesson goes on.
LessonFiles.drawGraph(L, LessonFiles.folder("03-value-and-graph").resolve("L.png"));
/exit
