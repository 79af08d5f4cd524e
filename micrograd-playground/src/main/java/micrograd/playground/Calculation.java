package micrograd.playground;

import java.util.List;
import java.util.Map;
import micrograd.engine.Value;
import micrograd.expr.ExpressionParser;
import micrograd.graph.GraphDot;
import micrograd.graph.GraphJson;

/**
 * One expression evaluated and backpropagated, as {@code micrograd grad} does it: the result (labelled {@code out}
 * unless it is a bare variable), the variables, and the report {@code value = ...} followed by {@code d/da = ...}
 * lines, the same text the command prints.
 */
final class Calculation {

    private final String expression;
    private final Value result;
    private final Map<String, Value> variables;
    private final BackwardSteps steps;

    /**
     * @throws micrograd.expr.ExpressionException for a mistake in the expression
     * @throws IllegalArgumentException for a mistake in the assignments
     */
    Calculation(String expression, String assignments) {
        this.expression = expression;
        variables = Assignments.parse(assignments);
        result = ExpressionParser.parse(expression, variables);
        result.backward();
        if (!variables.containsValue(result)) {
            result.label("out");
        }
        steps = new BackwardSteps(result);
    }

    /**
     * A graph built elsewhere (such as one position of microgpt's loss), already run backward: its steps and drawings,
     * with no expression or variables to nudge.
     */
    Calculation(Value result) {
        this.expression = "";
        this.variables = Map.of();
        this.result = result;
        this.steps = new BackwardSteps(result);
    }

    Value result() {
        return result;
    }

    /** The variables' names, in the order given. */
    List<String> variableNames() {
        return List.copyOf(variables.keySet());
    }

    /**
     * The output again with {@code variable} moved by {@code h}, next to what its gradient predicts.
     *
     * @throws IllegalArgumentException when there is no such variable, or h is 0 or not finite
     */
    Nudge nudge(String variable, double h) {
        return new Nudge(expression, variables, result, variable, h);
    }

    /** The backward pass, one step per node. */
    BackwardSteps steps() {
        return steps;
    }

    /** The graph's DOT text with every grad as it stands after the first {@code done} backward steps. */
    String dotAfter(int done) {
        List<Value> order = result.topologicalOrder();
        double[] grads = steps.gradsAfter(done);
        double[] finalGrads = new double[grads.length];
        for (int i = 0; i < grads.length; i++) {
            finalGrads[i] = order.get(i).grad();
            order.get(i).setGrad(grads[i]);
        }
        String dot = GraphDot.of(result);
        for (int i = 0; i < grads.length; i++) {
            order.get(i).setGrad(finalGrads[i]);
        }
        return dot;
    }

    /** The graph as {@link GraphJson} text, with the final grads. */
    String json() {
        return GraphJson.of(result);
    }

    /** {@code value = -8.0} and a {@code d/dNAME = ...} line per variable, each ending in a newline. */
    String report() {
        StringBuilder report = new StringBuilder("value = ").append(result.data()).append('\n');
        variables.forEach((name, leaf) -> report.append("d/d").append(name).append(" = ").append(leaf.grad())
                .append('\n'));
        return report.toString();
    }
}
