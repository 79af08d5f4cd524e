package micrograd.playground;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Numbers;
import micrograd.engine.Value;
import micrograd.graph.BackwardSteps;
import micrograd.graph.GraphDot;

/**
 * The lecture's manual backpropagation as an exercise: the grads hidden, the learner asked for each node's in the
 * order {@code backward()} finds them (reverse topological order; the output's is given, 1), each answer checked
 * against the engine's grad within {@link #TOLERANCE}, relative. A wrong answer is marked; the chain-rule product
 * that gives the grad (the rules of every step that passes grad to the node) is shown on request or after two
 * misses; the score counts the grads found and the misses.
 */
final class Quiz {

    /** How far an answer may be from the engine's grad: this much relatively, or absolutely below 1. */
    static final double TOLERANCE = 1e-3;

    private final BackwardSteps steps;
    /** The ids of the nodes asked about, in the order backward() finds their grads. */
    private final List<Integer> questions = new ArrayList<>();
    private int position;
    private int missesHere;
    private int found;
    private int misses;

    Quiz(BackwardSteps steps) {
        this.steps = steps;
        for (int id = steps.rootId() - 1; id >= 0; id--) {
            questions.add(id);
        }
    }

    boolean finished() {
        return position >= questions.size();
    }

    /** The id of the node asked about now; -1 when finished. */
    int node() {
        return finished() ? -1 : questions.get(position);
    }

    /** The question, {@code What is d.grad?}, or the end's score. */
    String question() {
        if (finished()) {
            return "done: every grad found, with " + misses + (misses == 1 ? " miss" : " misses");
        }
        return "What is " + steps.name(steps.nodes().get(node())) + ".grad? (" + (position + 1) + " of "
                + questions.size() + ")";
    }

    /** Checks a typed answer: right (and on to the next node), or wrong (after two misses, with the product). */
    String answer(String typed) {
        if (finished()) {
            return "the exercise is done";
        }
        double answer;
        try {
            answer = Numbers.parse(typed.strip());
        } catch (NumberFormatException e) {
            return e.getMessage();
        }
        Value node = steps.nodes().get(node());
        String name = steps.name(node) + ".grad";
        if (isClose(answer, node.grad())) {
            position++;
            missesHere = 0;
            found++;
            return "right: " + name + " = " + node.grad();
        }
        missesHere++;
        misses++;
        return "wrong: " + name + " is not " + typed.strip() + (missesHere >= 2 ? "; " + product() : "");
    }

    /** The chain-rule product that gives the asked node's grad: every rule that passes grad to it. */
    String product() {
        if (finished()) {
            return "";
        }
        int id = node();
        List<String> rules = new ArrayList<>();
        for (int k = 1; k <= steps.count(); k++) {
            steps.step(k).contributions().stream().filter(c -> c.operand() == id)
                    .forEach(c -> rules.add(c.rule()));
        }
        return String.join("; ", rules);
    }

    /** {@code found 3 of 6, 1 miss}. */
    String score() {
        return "found " + found + " of " + questions.size() + ", " + misses + (misses == 1 ? " miss" : " misses");
    }

    /** The graph with the grads found so far (and the output's 1); every other grad shown as {@code ?}. */
    String dot() {
        List<Value> nodes = steps.nodes();
        List<Value> unknown = new ArrayList<>();
        for (int i = position; i < questions.size(); i++) {
            unknown.add(nodes.get(questions.get(i)));
        }
        return GraphDot.of(nodes.get(steps.rootId()), node -> !unknown.contains(node));
    }

    /** Whether {@code answer} is within {@link #TOLERANCE} of {@code grad}: relatively, or absolutely below 1. */
    static boolean isClose(double answer, double grad) {
        return Math.abs(answer - grad) <= TOLERANCE * Math.max(1, Math.abs(grad));
    }
}
