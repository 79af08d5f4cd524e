package micrograd.fast;

import java.util.List;
import micrograd.engine.Value;

/**
 * A recorded graph in an order where every node comes after its operands, each node known by its position: what
 * {@link Tape} and {@link Program} compile from. Each operand is looked up once here, so the compilers' passes over the
 * graph (finding fused products, laying out slots, ordering the instructions) read arrays rather than a map: a graph
 * of microgpt's 16 positions has some 67,000 nodes, and the page compiles it in WebAssembly, where every lookup and
 * every object the lookups make is felt. The positions live in an open-addressing table by identity, with the
 * positions as plain ints: an {@code IdentityHashMap<Value, Integer>} boxed most of them.
 */
final class GraphIndex {

    /** The nodes, each after its operands. */
    final List<Value> order;
    /** {@code operands[i]}: the positions of node i's operands ({@link Value#children()}), in operand order. */
    final int[][] operands;
    /** The nodes by their identity hash, linear probing, at most half full; {@code positions} beside them. */
    private final Value[] table;
    private final int[] positions;
    /** 32 minus log2 of the table's length: the hash's top bits pick the first slot. */
    private final int shift;

    GraphIndex(List<Value> order) {
        this.order = order;
        int n = order.size();
        table = new Value[Integer.highestOneBit(Math.max(2 * n, 1)) * 2];
        positions = new int[table.length];
        shift = Integer.numberOfLeadingZeros(table.length) + 1;
        for (int i = 0; i < n; i++) {
            Value node = order.get(i);
            int slot = firstSlot(node);
            while (table[slot] != null) {
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = node;
            positions[slot] = i;
        }
        operands = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Value> children = order.get(i).children();
            operands[i] = new int[children.size()];
            for (int k = 0; k < operands[i].length; k++) {
                operands[i][k] = positionOf(children.get(k));
            }
        }
    }

    int size() {
        return order.size();
    }

    /** {@code node}'s position in {@link #order}, or -1 if it is not in the graph. */
    int positionOf(Value node) {
        for (int slot = firstSlot(node); table[slot] != null; slot = (slot + 1) & (table.length - 1)) {
            if (table[slot] == node) {
                return positions[slot];
            }
        }
        return -1;
    }

    private int firstSlot(Value node) {
        return (System.identityHashCode(node) * 0x9E3779B9) >>> shift; // Fibonacci hashing
    }
}
