package micrograd.app;

import java.util.List;
import java.util.Locale;
import micrograd.gpt.GptShape;

/**
 * Refuses, before anything is allocated, a request whose model or step would take more than half of the heap this Java
 * may use ({@link Runtime#maxMemory()}), with one line naming the sizes and what to ask for instead. The estimates
 * live here, with the commands, because the library builds whatever it is asked for: a user's request is bounded by
 * the front end that takes it (the playground bounds its own with fixed limits, as a page has no heap to ask about).
 */
final class HeapBudget {

    /** What a parameter of an MLP takes in memory, roughly: a {@code Value} object and a reference to it. */
    private static final int BYTES_PER_PARAMETER = 80;

    /**
     * What one parameter's use on one row adds to a training step's graph, roughly: the product {@code w * x} as a
     * {@code Value} with its operand list, its place in its neuron's sum and in the topological order.
     */
    private static final int GRAPH_BYTES_PER_PARAMETER_AND_ROW = 150;

    /** The bytes of one {@code Value} of a GPT's graph, with its place among its parents' operands. */
    private static final int BYTES_PER_GPT_VALUE = 80;

    private HeapBudget() {
    }

    /** Refuses an MLP of {@code inputs} inputs and layers {@code widths} whose parameters alone need half the heap. */
    static void checkNetwork(int inputs, List<Integer> widths) {
        long heap = Runtime.getRuntime().maxMemory();
        long count = 0;
        long in = inputs;
        for (int width : widths) {
            // each term is below 2^62 and the count is held below 2^61, so nothing overflows
            count = Math.min(Long.MAX_VALUE / 4, count + (in + 1) * Math.max(width, 0));
            in = width;
        }
        if (count > heap / 2 / BYTES_PER_PARAMETER) {
            throw new IllegalArgumentException("an MLP with " + inputs + " inputs and layers " + widths + " has "
                    + count + " parameters, which need about " + count * BYTES_PER_PARAMETER / 1_000_000
                    + " MB, more than half of the " + heap / 1_000_000 + " MB this Java may use; use fewer or "
                    + "narrower layers");
        }
    }

    /** Refuses a training step over {@code rows} rows of a model whose graph would need half the heap. */
    static void checkTrainingStep(long parameters, long rows) {
        long heap = Runtime.getRuntime().maxMemory();
        long bytes = parameters * rows * GRAPH_BYTES_PER_PARAMETER_AND_ROW;
        if (bytes > heap / 2) {
            throw new IllegalArgumentException("a step over " + rows + " rows of a model with " + parameters
                    + " parameters builds a graph of about " + bytes / 1_000_000 + " MB, more than half of the "
                    + heap / 1_000_000 + " MB this Java may use; use mini-batches, fewer rows or a smaller model");
        }
    }

    /**
     * Refuses a GPT whose weights and one step's graph need half the heap. A step over a full block builds, per
     * position p, about {@code layers * (12 embd^2 + 2 embd p)} products for the layers' matrices and attention, and
     * {@code vocab * embd} for the output head; each is a {@code Value} of about {@value #BYTES_PER_GPT_VALUE} bytes,
     * as is each weight.
     */
    static void checkGpt(GptShape shape) {
        long heap = Runtime.getRuntime().maxMemory();
        double width = shape.embd();
        double graph = shape.blockSize() * (shape.layers() * 12.0 * width * width + shape.vocabSize() * width)
                + shape.layers() * width * shape.blockSize() * (shape.blockSize() + 1.0);
        double bytes = (shape.parameterCount() + graph) * BYTES_PER_GPT_VALUE;
        if (bytes > heap / 2.0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a GPT of %s needs about %.0f MB "
                    + "for its weights and one step's graph, more than half of the %d MB this Java may use; use a "
                    + "shorter block size, fewer layers or a narrower embedding", shape, bytes / 1e6,
                    heap / 1_000_000));
        }
    }
}
