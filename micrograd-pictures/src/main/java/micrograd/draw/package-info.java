/**
 * Pictures of expression graphs. {@link micrograd.graph.GraphDot} (in micrograd-core) writes a graph as DOT text;
 * {@link micrograd.draw.Graphviz} hands that text to Graphviz's {@code dot} program to get an SVG or PNG file, the
 * way micrograd's trace_graph notebook uses the graphviz Python package. {@code dot} is an outside program: when it
 * is not installed the caller gets a {@link micrograd.draw.GraphvizNotFoundException} that says how to install it,
 * and can still save the DOT text. The program to run can be changed with the system property
 * {@code micrograd.dot} or the environment variable {@code MICROGRAD_DOT}.
 */
package micrograd.draw;
