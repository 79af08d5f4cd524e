package micrograd.graph;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import micrograd.engine.Value;

/**
 * A value's expression graph as JSON text, for programs rather than Graphviz: the command's {@code grad --json} and
 * the browser playground read the same text.
 *
 * <p>The shape is {@code {"root": 4, "nodes": [...]}}, the nodes in {@link Value#topologicalOrder()}, each written
 * once: {@code {"id": 0, "label": "a", "data": 2.0, "grad": 6.0, "op": "leaf", "symbol": "", "children": []}}. A node
 * refers to its operands by id ({@code "children": [0, 1]}), so a node used twice appears once and the graph's
 * sharing survives; an id is the node's position in that order, so every node's operands come before it. A constant
 * exponent is in {@code "symbol"} ({@code "**2"}), as in the drawings. Numbers are written as Java prints doubles,
 * which read back to the same bits; NaN and the infinities, which JSON lacks, as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}.
 */
public final class GraphJson {

    private GraphJson() {
    }

    /** The JSON text of {@code root} and everything it depends on. */
    public static String of(Value root) {
        List<Value> order = root.topologicalOrder();
        Map<Value, Integer> ids = new IdentityHashMap<>();
        StringBuilder json = new StringBuilder("{\"root\":").append(order.size() - 1).append(",\"nodes\":[");
        for (Value node : order) {
            int id = ids.size();
            ids.put(node, id);
            json.append(id == 0 ? "\n" : ",\n").append("{\"id\":").append(id)
                    .append(",\"label\":").append(string(node.label()))
                    .append(",\"data\":").append(number(node.data()))
                    .append(",\"grad\":").append(number(node.grad()))
                    .append(",\"op\":").append(string(node.operation().words()))
                    .append(",\"symbol\":").append(string(node.op()))
                    .append(",\"children\":[");
            List<Value> children = node.children();
            for (int i = 0; i < children.size(); i++) {
                json.append(i == 0 ? "" : ",").append(ids.get(children.get(i)));
            }
            json.append("]}");
        }
        return json.append("\n]}\n").toString();
    }

    private static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "\"" + x + "\"";
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String string(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
