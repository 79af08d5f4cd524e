package micrograd.gpt;

/**
 * The sizes of a microgpt: its vocabulary, how many transformer layers, the embedding width, the attention heads
 * (each {@code embd / heads} wide) and the longest context (block size). Karpathy's file uses 1 layer, width 16,
 * 4 heads and block size 16 ({@link #microgpt(int)}).
 */
public record GptShape(int vocabSize, int layers, int embd, int heads, int blockSize) {

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
