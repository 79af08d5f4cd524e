// # Lesson 6: the topological sort behind backward(), and the bug of a node used twice
//
// backward() must visit a node only after every node that uses it has pushed its gradient into it. Ordering the
// graph so that each node comes after its operands (a topological order) and walking it in reverse does exactly
// that. topologicalOrder() returns that list; backward() sets the output's grad to 1 and applies each node's local
// derivative in reverse order.

import java.util.List;
import micrograd.engine.*;

Value a = Value.of(-2.0, "a");
Value b = Value.of(3.0, "b");
Value d = a.mul(b).label("d");
Value e = a.add(b).label("e");
Value f = d.mul(e).label("f");
List<Value> order = f.topologicalOrder();
System.out.println("topological order: " + order.stream().map(Value::label).toList());
f.backward();
System.out.println("a.grad = " + a.grad() + ", b.grad = " + b.grad() + ", d.grad = " + d.grad() + ", e.grad = " + e.grad());

// The bug: b = a + a. If each operation SET its operands' grads (=) instead of adding to them (+=), the second
// operand would overwrite the first and a.grad would be 1. Here is backward written that buggy way, for "+":
Value x = Value.of(3.0, "a");
Value y = x.add(x).label("b");
y.setGrad(1.0);
List<Value> reversed = new java.util.ArrayList<>(y.topologicalOrder());
java.util.Collections.reverse(reversed);
for (Value node : reversed) {
    for (Value child : node.children()) {
        child.setGrad(node.grad());          // the bug: = instead of +=
    }
}
System.out.println("buggy backward: a.grad = " + x.grad());

// The fix, which the engine uses for every operation: gradients accumulate. The derivative of a + a is 2.
x.setGrad(0);
y.setGrad(0);
y.backward();
System.out.println("fixed backward: a.grad = " + x.grad());
/exit
