/**
 * Drawings of expression graphs. {@link micrograd.graph.GraphDot} turns the graph behind a
 * {@link micrograd.engine.Value} into the text of a Graphviz DOT file, drawn the way micrograd's trace_graph notebook
 * draws it: one record node per value showing its label, data and grad, one small node per operation, and edges from
 * each operand through the operation to its result, laid out left to right. The package only produces text and has
 * no dependencies; turning the text into SVG or PNG is the job of Graphviz's {@code dot} program, which the
 * command-line module runs.
 */
package micrograd.graph;
