package micrograd.engine;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A list of nodes that grows and shrinks at its end, for one topological sort (its stack and its order), stored in
 * chunks of 4,096 entries that are allocated as the list grows and never copied. Why chunks rather than one array:
 * docs/performance.md, "the sort's buffers".
 */
final class NodeArray {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

    private Value[][] chunks = new Value[16][];
    /**
     * The chunk holding the last entry, its index in {@code chunks}, and how many of its entries are in use; the size
     * follows from these. Before the first entry: index -1 and a "full" chunk, so that the size is 0 and the first
     * {@link #add} moves to chunk 0.
     */
    private Value[] lastChunk;
    private int lastChunkIndex = -1;
    private int usedInLastChunk = CHUNK_SIZE;

    int size() {
        return lastChunkIndex * CHUNK_SIZE + usedInLastChunk;
    }

    void add(Value node) {
        if (usedInLastChunk == CHUNK_SIZE) {
            moveToNextChunk();
        }
        lastChunk[usedInLastChunk++] = node;
    }

    Value last() {
        return lastChunk[usedInLastChunk - 1];
    }

    void removeLast() {
        if (--usedInLastChunk == 0 && lastChunkIndex > 0) {
            lastChunk = chunks[--lastChunkIndex];
            usedInLastChunk = CHUNK_SIZE;
        }
    }

    /** Gives {@code action} every entry, the last first. */
    void forEachInReverse(Consumer<Value> action) {
        for (int c = lastChunkIndex; c >= 0; c--) {
            Value[] chunk = chunks[c];
            for (int i = (c == lastChunkIndex ? usedInLastChunk : CHUNK_SIZE) - 1; i >= 0; i--) {
                action.accept(chunk[i]);
            }
        }
    }

    Value get(int index) {
        return chunks[index >>> CHUNK_BITS][index & (CHUNK_SIZE - 1)];
    }

    private void moveToNextChunk() {
        if (++lastChunkIndex == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[lastChunkIndex] == null) {
            chunks[lastChunkIndex] = new Value[CHUNK_SIZE];
        }
        lastChunk = chunks[lastChunkIndex];
        usedInLastChunk = 0;
    }
}
