package micrograd.playground;

/**
 * How large a graph the page asks Graphviz to draw. viz.js lays out in a fixed 16 MB of memory and aborts beyond it;
 * an MLP(2, [8, 8, 1]) point loss (about 250 values) fits, while a value feeding a hundred operations (a + a + ...)
 * already does not. Larger graphs keep their table and stepper; the page says why the drawing is missing.
 */
final class DrawnGraphs {

    /** The largest graph the page draws, in values. */
    static final int NODE_LIMIT = 250;

    private DrawnGraphs() {
    }
}
