package micrograd.playground;

import java.util.List;
import micrograd.engine.Value;
import micrograd.expr.Assignments;
import micrograd.expr.Program;
import micrograd.graph.BackwardSteps;
import micrograd.graph.GraphDot;
import micrograd.graph.GraphJson;

/**
 * One program evaluated and backpropagated, as {@code micrograd grad} does it: the output, every named node, the
 * backward pass in steps, and the report {@code value = ...} followed by a {@code d/dNAME = ...} line per name, the
 * text the command prints, at any step of the backward pass.
 */
final class Calculation {

    /** The program typed; null for a graph built elsewhere, which has no names to report or leaves to nudge. */
    private final Program program;
    private final Value output;
    private final BackwardSteps steps;

    /**
     * @param text        a program or an expression ({@link Program})
     * @param assignments the variables' values, {@code a=2 b=-3}
     * @throws micrograd.expr.ExpressionException for a mistake in the program
     * @throws IllegalArgumentException for a mistake in the assignments
     */
    Calculation(String text, String assignments) {
        program = Program.parse(text, Assignments.parse(assignments));
        output = program.output();
        output.backward();
        steps = new BackwardSteps(output);
    }

    /**
     * A graph built elsewhere (such as one position of microgpt's loss), already run backward: its steps and drawings,
     * with no expression or variables to nudge.
     */
    Calculation(Value result) {
        this.program = null;
        this.output = result;
        this.steps = new BackwardSteps(result);
    }

    Value result() {
        return output;
    }

    /** The names of the leaves a nudge may move: the variables, then the program's numbers. */
    List<String> variableNames() {
        return program.leafNames();
    }

    /**
     * The output again with {@code variable} moved by {@code h}, next to what its gradient predicts.
     *
     * @throws IllegalArgumentException when there is no such variable, or h is 0 or not finite
     */
    Nudge nudge(String variable, double h) {
        return new Nudge(program, variable, h);
    }

    /** The backward pass, step 0 and one step per node an operation made. */
    BackwardSteps steps() {
        return steps;
    }

    /** The graph's DOT text with every grad as it stands after backward step {@code k}. */
    String dotAfter(int k) {
        List<Value> order = steps.nodes();
        double[] grads = steps.gradsAfter(k);
        double[] finalGrads = new double[grads.length];
        for (int i = 0; i < grads.length; i++) {
            finalGrads[i] = order.get(i).grad();
            order.get(i).setGrad(grads[i]);
        }
        String dot = GraphDot.of(result());
        for (int i = 0; i < grads.length; i++) {
            order.get(i).setGrad(finalGrads[i]);
        }
        return dot;
    }

    /** The graph as {@link GraphJson} text, with the final grads. */
    String json() {
        return GraphJson.of(result());
    }

    /** {@code value = -8.0} and a {@code d/dNAME = ...} line per name, each ending in a newline: after backward(). */
    String report() {
        return reportAfter(steps.count());
    }

    /** The report with each grad as it stands after backward step {@code k}. */
    String reportAfter(int k) {
        double[] grads = steps.gradsAfter(k);
        List<Value> order = steps.nodes();
        StringBuilder report = new StringBuilder("value = ").append(result().data()).append('\n');
        program.names().forEach((name, node) -> {
            int id = order.indexOf(node);
            report.append("d/d").append(name).append(" = ").append(id < 0 ? 0.0 : grads[id]).append('\n');
        });
        return report.toString();
    }
}
