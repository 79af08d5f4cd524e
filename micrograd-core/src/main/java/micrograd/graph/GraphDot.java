package micrograd.graph;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import micrograd.engine.Value;

/**
 * The Graphviz DOT text of a value's expression graph, as micrograd's trace_graph draws it.
 *
 * <p>Every value becomes a record node {@code { label | data 0.1024 | grad 1.0000 }} (four decimals); every value
 * made by an operation also gets a small node for the operation ({@code +}, {@code *}, {@code ReLU}, {@code **2},
 * ...) with edges operand -> operation -> result; {@code rankdir=LR} lays it out left to right. Node ids are the
 * values' positions in {@link Value#topologicalOrder()} ({@code v0}, {@code v1}, ...; the operation of {@code v5}
 * is {@code v5op}), so the same program always gives the same text. An operand used twice by one operation
 * ({@code a + a}) gets two edges, so that the drawing shows both uses.
 */
public final class GraphDot {

    private GraphDot() {
    }

    /** The DOT text of {@code root} and everything it depends on. */
    public static String of(Value root) {
        return of(root, node -> true);
    }

    /**
     * The DOT text of {@code root} and everything it depends on, with the grad of each node {@code showsGrad}
     * refuses written as {@code grad ?}: the graph of an exercise whose grads are still to be found.
     */
    public static String of(Value root, Predicate<Value> showsGrad) {
        List<Value> order = root.topologicalOrder();
        Map<Value, Integer> ids = new IdentityHashMap<>();
        StringBuilder dot = new StringBuilder("digraph micrograd {\n  rankdir=LR;\n");
        for (Value node : order) {
            int id = ids.size();
            ids.put(node, id);
            String grad = showsGrad.test(node) ? String.format(Locale.ROOT, "%.4f", node.grad()) : "?";
            dot.append(String.format(Locale.ROOT, "  v%d [shape=record, label=\"{ %s | data %.4f | grad %s }\"];\n",
                    id, escapeRecordField(node.label()), node.data(), grad));
            if (!node.children().isEmpty()) {
                dot.append(String.format("  v%dop [label=\"%s\"];\n", id, escapeQuoted(node.op())));
                dot.append(String.format("  v%dop -> v%d;\n", id, id));
                for (Value child : node.children()) {
                    dot.append(String.format("  v%d -> v%dop;\n", ids.get(child), id));
                }
            }
        }
        return dot.append("}\n").toString();
    }

    /** Backslash-escapes what a record label treats as structure ({@code { } | < >}) and what ends the string. */
    static String escapeRecordField(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '{', '}', '|', '<', '>', '"', '\\', ' ' -> escaped.append('\\').append(c);
                case '\n', '\r' -> escaped.append("\\n");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Escapes what would end or break a quoted DOT string. */
    static String escapeQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "");
    }
}
