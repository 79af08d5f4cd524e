package micrograd.gpt;

import java.util.ArrayList;
import java.util.List;
import micrograd.engine.Value;

/**
 * The keys and values that attention has computed so far in one sequence, per layer: microgpt's {@code keys} and
 * {@code values} lists. Each position appends its own, and attends to every position up to itself. The cache also
 * keeps the attention weights each position gave, so that a reader of the model ({@link GptReading}) sees them as
 * the forward pass computed them, without a second forward of its own.
 */
public final class KvCache {

    private final List<List<Value[]>> keys = new ArrayList<>();
    private final List<List<Value[]>> values = new ArrayList<>();
    private final List<List<double[][]>> attention = new ArrayList<>();

    /** An empty cache for a model of {@code layers} layers: the start of a sequence. */
    public KvCache(int layers) {
        for (int i = 0; i < layers; i++) {
            keys.add(new ArrayList<>());
            values.add(new ArrayList<>());
            attention.add(new ArrayList<>());
        }
    }

    /** The keys of layer {@code layer}, one vector per position so far. */
    public List<Value[]> keys(int layer) {
        return keys.get(layer);
    }

    /** The values of layer {@code layer}, one vector per position so far. */
    public List<Value[]> values(int layer) {
        return values.get(layer);
    }

    /**
     * The attention weights of layer {@code layer}, one entry per position so far: for each head, the softmax weights
     * that position gave positions 0 to itself.
     */
    public List<double[][]> attention(int layer) {
        return attention.get(layer);
    }
}
