/**
 * Expression graphs as text. {@link micrograd.graph.GraphDot} turns the graph behind a
 * {@link micrograd.engine.Value} into the text of a Graphviz DOT file, drawn the way micrograd's trace_graph notebook
 * draws it: one record node per value showing its label, data and grad, one small node per operation, and edges from
 * each operand through the operation to its result, laid out left to right. {@link micrograd.graph.GraphJson} writes
 * the same graph as JSON for programs (the command's {@code grad --json}, the browser playground).
 * {@link micrograd.graph.BackwardSteps} tells the backward pass step by step in the nodes' own names, as the lecture
 * works it by hand ({@code grad --steps}, the playground's stepper and exercise). The package only
 * produces text and has no dependencies; turning DOT text into SVG or PNG is the job of Graphviz's {@code dot}
 * program, which the command-line module runs.
 */
package micrograd.graph;
