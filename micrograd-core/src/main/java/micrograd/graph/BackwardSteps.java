package micrograd.graph;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import micrograd.engine.Op;
import micrograd.engine.Value;

/**
 * A backward pass told step by step, in the graph's own names, as the lecture does it by hand. Step 0 is the state
 * before {@link Value#backward()} runs its chain rule: every grad 0 except the output's, 1. Then one step per node
 * that an operation made, in reverse {@link Value#topologicalOrder()} (the output first), as {@code backward()}
 * visits them: the node passes its grad on to its operands, one rule per operand, such as
 * {@code d.grad += f.data × L.grad = (-2.0) × 1.0 = -2.0}. Leaves have nothing to pass on and are no steps.
 *
 * <p>Built from a graph that has run {@code backward()}: a node's grad is final when its step runs, so each amount is
 * the engine's own ({@link Value#localGradients}, as {@link Value#backward()} gets it), added in the engine's order,
 * and the grads after the last step equal the engine's bit for bit. The rules' text comes from
 * {@link Op#gradientText}. Nodes are named by their
 * labels (in parentheses when a label is an expression, {@code (x1*w1).grad}) and numbered by their position in the
 * topological order, the ids of {@link GraphJson} and {@link GraphDot}.
 */
public final class BackwardSteps {

    /** What one step adds to one operand's grad (the operand's id), and the rule that says why. */
    public record Contribution(int operand, double amount, String rule) {
    }

    /** A node passing its grad on (its id), and what each operand receives, in operand order. */
    public record Step(int node, List<Contribution> contributions) {

        /** The ids of the nodes that receive grad in this step, in operand order (twice for {@code a + a}). */
        public List<Integer> receivers() {
            return contributions.stream().map(Contribution::operand).toList();
        }
    }

    private final List<Value> order;
    private final Map<Value, Integer> ids = new IdentityHashMap<>();
    private final List<Step> steps = new ArrayList<>();

    /** The steps of {@code root}'s backward pass; {@code root.backward()} must have run. */
    public BackwardSteps(Value root) {
        order = root.topologicalOrder();
        order.forEach(node -> ids.put(node, ids.size()));
        double[] grads = new double[order.size()];
        boolean[] received = new boolean[order.size()];
        grads[rootId()] = 1.0;
        for (int i = order.size() - 1; i >= 0; i--) {
            Value node = order.get(i);
            if (!node.children().isEmpty()) {
                steps.add(step(node, grads, received));
            }
        }
    }

    /** How many steps pass grad on (step 0, the start, not counted): one per node an operation made. */
    public int count() {
        return steps.size();
    }

    /** Step {@code k}, from 1 to {@link #count()}. */
    public Step step(int k) {
        return steps.get(k - 1);
    }

    /** The id of the output, which step 0 gives its grad of 1. */
    public int rootId() {
        return order.size() - 1;
    }

    /** The nodes, by id. */
    public List<Value> nodes() {
        return order;
    }

    /** Every node's grad, by id, after step {@code k} (0: the output's 1 alone; {@link #count()}: the engine's). */
    public double[] gradsAfter(int k) {
        double[] grads = new double[order.size()];
        grads[rootId()] = 1.0;
        for (Step step : steps.subList(0, k)) {
            for (Contribution c : step.contributions()) {
                grads[c.operand()] += c.amount();
            }
        }
        return grads;
    }

    /** Step {@code k} in words: step 0's reason, or the step's rules, one per operand. */
    public List<String> lines(int k) {
        if (k == 0) {
            String out = name(order.get(rootId()));
            return List.of("before backward(): every grad is 0, except " + out + ".grad = 1.0, as d" + out + "/d"
                    + out + " = 1 (" + out + " moves one for one with itself)");
        }
        return step(k).contributions().stream().map(Contribution::rule).toList();
    }

    /** Every step as one line, {@code step 1: d.grad += ...; f.grad += ...}, step 0 first: what {@code grad --steps} prints. */
    public List<String> summary() {
        List<String> summary = new ArrayList<>();
        for (int k = 0; k <= count(); k++) {
            summary.add("step " + k + ": " + String.join("; ", lines(k)));
        }
        return summary;
    }

    /** The name of a node in the rules: its label, in parentheses when it is an expression, or its id. */
    public String name(Value node) {
        String label = node.label();
        if (label.isEmpty()) {
            return "#" + ids.get(node);
        }
        return label.matches("[A-Za-z_][A-Za-z_0-9]*|[0-9.]+") ? label : "(" + label + ")";
    }

    /** The step of {@code node}; {@code grads} and {@code received} are each node's grad so far and whether any came. */
    private Step step(Value node, double[] grads, boolean[] received) {
        List<Contribution> contributions = new ArrayList<>();
        node.localGradients(node.grad(), (index, operand, amount) -> {
            int id = ids.get(operand);
            boolean again = received[id];
            received[id] = true;
            grads[id] += amount;
            Op.GradientText text = Op.gradientText(node, index, this::name);
            String rule = name(operand) + ".grad += " + text.inNames();
            if (!isOneNumber(text.inNumbers())) {
                rule += " = " + text.inNumbers();
            }
            rule += " = " + amount;
            if (again) { // += adds to what arrived before: say what the grad is now
                rule += ", so " + name(operand) + ".grad = " + grads[id];
            }
            contributions.add(new Contribution(id, amount, rule));
        });
        return new Step(ids.get(node), contributions);
    }

    /** A rule's numbers that are one number, such as {@code (-2.0)}: writing them again would repeat the amount. */
    private static boolean isOneNumber(String text) {
        return text.matches("\\(?-?[0-9.E]+\\)?");
    }
}
