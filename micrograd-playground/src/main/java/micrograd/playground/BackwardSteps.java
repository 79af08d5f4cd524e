package micrograd.playground;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import micrograd.engine.Op;
import micrograd.engine.Value;
import micrograd.graph.GraphJson;

/**
 * A backward pass split into steps, one per node in reverse {@link Value#topologicalOrder()} (the result first), as
 * {@link Value#backward()} visits them: each step passes the node's grad on to its operands. Built from a graph that
 * has already run {@code backward()}: a node's grad is final when its step runs, so each step's amounts are the
 * engine's own ({@link Op#gradA}, {@link Op#gradB} of that grad), added in the engine's order, and the grads after
 * the last step equal the engine's bit for bit. Nodes are named by their position in the topological order, the ids
 * of {@link GraphJson} and {@link micrograd.graph.GraphDot}.
 */
final class BackwardSteps {

    /** What one step adds to one operand's grad, and the rule that says why. */
    record Contribution(int operand, double amount, String rule) {
    }

    /** The node whose grad is passed on, a line naming the roles, and what each operand receives. */
    record Step(int node, String heading, List<Contribution> contributions) {
    }

    private final int nodeCount;
    private final int rootId;
    private final List<Step> steps = new ArrayList<>();

    BackwardSteps(Value root) {
        List<Value> order = root.topologicalOrder();
        Map<Value, Integer> ids = new IdentityHashMap<>();
        order.forEach(node -> ids.put(node, ids.size()));
        nodeCount = order.size();
        rootId = nodeCount - 1;
        for (int i = order.size() - 1; i >= 0; i--) {
            steps.add(step(order.get(i), ids));
        }
    }

    int size() {
        return steps.size();
    }

    Step step(int index) {
        return steps.get(index);
    }

    /** Every node's grad, by id, after the first {@code done} steps (0: all 0; {@link #size()}: the engine's). */
    double[] gradsAfter(int done) {
        double[] grads = new double[nodeCount];
        for (int i = 0; i < done; i++) {
            if (i == 0) {
                grads[rootId] = 1.0;
            }
            for (Contribution c : steps.get(i).contributions()) {
                grads[c.operand()] += c.amount();
            }
        }
        return grads;
    }

    private static Step step(Value node, Map<Value, Integer> ids) {
        Op op = node.operation();
        List<Value> operands = node.children();
        String name = name(node, ids);
        if (operands.isEmpty()) {
            return new Step(ids.get(node), name + " is a leaf: its grad " + node.grad() + " is final, nothing to "
                    + "pass on", List.of());
        }
        StringBuilder heading = new StringBuilder("out = ").append(name).append(", ").append(op.words())
                .append(" (").append(node.op()).append(") of ");
        List<Contribution> contributions = new ArrayList<>();
        double g = node.grad();
        if (op == Op.SUM) {
            for (int i = 0; i < operands.size(); i++) {
                Value term = operands.get(i);
                heading.append(i == 0 ? "" : ", ").append(name(term, ids));
                contributions.add(contribution(op, "term " + (i + 1), false, term, ids,
                        op.gradA(term.data(), 0, node.data(), g), term.data(), 0, node));
            }
        } else {
            Value a = operands.get(0);
            double b = operands.size() > 1 ? operands.get(1).data() : node.constant();
            heading.append("a = ").append(name(a, ids));
            contributions.add(contribution(op, "a", false, a, ids, op.gradA(a.data(), b, node.data(), g),
                    a.data(), b, node));
            if (op.isBinary()) {
                Value second = operands.get(1);
                heading.append(", b = ").append(name(second, ids));
                contributions.add(contribution(op, "b", true, second, ids, op.gradB(a.data(), b, node.data(), g),
                        a.data(), b, node));
            }
        }
        return new Step(ids.get(node), heading.append("; out.grad = ").append(g).toString(), contributions);
    }

    private static Contribution contribution(Op op, String role, boolean second, Value operand,
            Map<Value, Integer> ids, double amount, double a, double b, Value out) {
        String formula = ChainRuleText.formula(op, second, b);
        String rule = role + ".grad += " + formula + " = "
                + ChainRuleText.withNumbers(formula, a, b, out.data(), out.grad()) + " = " + amount;
        return new Contribution(ids.get(operand), amount, rule);
    }

    /** {@code #3}, or {@code #0 a} for a labelled node. */
    private static String name(Value node, Map<Value, Integer> ids) {
        String label = node.label();
        return "#" + ids.get(node) + (label.isEmpty() ? "" : " " + label);
    }
}
