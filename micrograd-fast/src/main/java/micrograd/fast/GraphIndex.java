package micrograd.fast;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import micrograd.engine.Value;

/**
 * A recorded graph in an order where every node comes after its operands, each node known by its position: what
 * {@link Tape} and {@link Program} compile from. Each operand is looked up once here, so the compilers' passes over the
 * graph (finding fused products, laying out slots, ordering the instructions) read arrays rather than a map: a graph
 * of microgpt's 16 positions has some 67,000 nodes, and the page compiles it in WebAssembly, where every lookup and
 * every list the lookups make is felt.
 */
final class GraphIndex {

    /** The nodes, each after its operands. */
    final List<Value> order;
    /** Each node's position in {@link #order}. */
    final Map<Value, Integer> position;
    /** {@code operands[i]}: the positions of node i's operands ({@link Value#children()}), in operand order. */
    final int[][] operands;

    GraphIndex(List<Value> order) {
        this.order = order;
        int n = order.size();
        position = new IdentityHashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            position.put(order.get(i), i);
        }
        operands = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Value> children = order.get(i).children();
            operands[i] = new int[children.size()];
            for (int k = 0; k < operands[i].length; k++) {
                operands[i][k] = position.get(children.get(k));
            }
        }
    }

    int size() {
        return order.size();
    }
}
