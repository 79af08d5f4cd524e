package micrograd.gpt;

import java.util.Locale;

/**
 * The sizes of a microgpt: its vocabulary, how many transformer layers, the embedding width, the attention heads
 * (each {@code embd / heads} wide) and the longest context (block size). Karpathy's file uses 1 layer, width 16,
 * 4 heads and block size 16 ({@link #microgpt(int)}).
 */
public record GptShape(int vocabSize, int layers, int embd, int heads, int blockSize) {

    /** The bytes of one {@code Value} of a graph, with its place among its parents' operands. */
    private static final int BYTES_PER_VALUE = 80;

    /** The published configuration for a vocabulary of {@code vocabSize} tokens. */
    public static GptShape microgpt(int vocabSize) {
        return new GptShape(vocabSize, 1, 16, 4, 16);
    }

    public GptShape {
        if (vocabSize < 2 || layers < 1 || embd < 1 || heads < 1 || blockSize < 1) {
            throw new IllegalArgumentException("a GPT needs a vocabulary of at least 2 tokens and at least 1 layer, "
                    + "width, head and position, got " + describe(vocabSize, layers, embd, heads, blockSize));
        }
        if (count(vocabSize, layers, embd, blockSize) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a GPT of " + describe(vocabSize, layers, embd, heads, blockSize)
                    + " would have more than 2^31 parameters");
        }
        if (embd % heads != 0) {
            throw new IllegalArgumentException("the embedding width " + embd + " must split evenly into " + heads
                    + " heads");
        }
    }

    /** The width of one attention head. */
    public int headDim() {
        return embd / heads;
    }

    /**
     * The number of parameters: the token and position embeddings and the output head, then per layer the four
     * attention matrices and the two of the MLP (4 times as wide inside).
     */
    public int parameterCount() {
        return (int) count(vocabSize, layers, embd, blockSize);
    }

    /**
     * Refuses, before anything is allocated, a GPT whose weights and one step's graph would take more than half the
     * heap. A step over a full block builds, per position p, about {@code layers * (12 embd^2 + 2 embd p)} products
     * for the layers' matrices and attention, and {@code vocab * embd} for the output head; each is a {@code Value}
     * of about {@value #BYTES_PER_VALUE} bytes, as is each weight.
     */
    public void checkFitsTheHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        double width = embd;
        double graph = blockSize * (layers * 12.0 * width * width + vocabSize * width)
                + layers * width * blockSize * (blockSize + 1.0);
        double bytes = (parameterCount() + graph) * BYTES_PER_VALUE;
        if (bytes > heap / 2.0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a GPT of %s needs about %.0f MB "
                    + "for its weights and one step's graph, more than half of the %d MB this Java may use; use a "
                    + "shorter block size, fewer layers or a narrower embedding", this, bytes / 1e6, heap / 1_000_000));
        }
    }

    /** In double arithmetic, so that absurd sizes come out too large instead of overflowing. */
    private static double count(int vocabSize, int layers, int embd, int blockSize) {
        double width = embd;
        return 2.0 * vocabSize * width + (double) blockSize * width + layers * (4 + 2 * 4.0) * width * width;
    }

    @Override
    public String toString() {
        return describe(vocabSize, layers, embd, heads, blockSize);
    }

    /** The sizes in words; the constructor's checks use it, as its fields are not yet set there. */
    private static String describe(int vocabSize, int layers, int embd, int heads, int blockSize) {
        return "GptShape(vocab " + vocabSize + ", layers " + layers + ", embd " + embd + ", heads " + heads
                + ", block size " + blockSize + ")";
    }
}
