package micrograd.gpt;

/**
 * What a {@link Gpt} makes of one document with its current weights, read off the forward pass that computes its
 * loss ({@link Gpt#read}): for each position, each head's attention weights over the positions up to it (the causal
 * mask: none after it), the probability of every next token, and the loss {@code -log p(actual next token)}.
 *
 * @param tokens the tokens read, {@code [BOS, ...]}: one more than the positions, the last one only predicted
 * @param attention {@code [layer][position][head][earlier position]}, each row adding up to 1
 * @param probabilities {@code [position][token]}: the softmax of the logits at each position
 * @param losses {@code [position]}: {@code -log probabilities[pos][tokens[pos + 1]]}, whose mean is the loss
 */
public record GptReading(int[] tokens, double[][][][] attention, double[][] probabilities, double[] losses) {

    /** How many positions were read: one per predicted token. */
    public int positions() {
        return losses.length;
    }
}
