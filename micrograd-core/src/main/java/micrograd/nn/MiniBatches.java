package micrograd.nn;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import micrograd.data.Dataset;

/**
 * The rows of each step of mini-batch training, one step per {@link #apply} call: {@code size} distinct rows of the
 * data, each step's draw seeded from one {@link SplittableRandom} seeded with the trainer's seed (the draws Trainer
 * always made). {@link Trainer} gets one only through the factory that {@link Trainer.Builder#batchSize} sets for a
 * size above 0, so that full-batch training never reaches {@code SplittableRandom}, which the browser build (TeaVM's
 * class library) lacks. Trainer calls it as a {@link UnaryOperator}: TeaVM links an interface call only to the
 * classes it sees created, and it sees none here.
 */
final class MiniBatches implements UnaryOperator<Dataset> {

    private final int size;
    private final SplittableRandom seeds;

    MiniBatches(int size, long seed) {
        this.size = size;
        this.seeds = new SplittableRandom(seed);
    }

    /** The next step's rows of {@code data}. */
    @Override
    public Dataset apply(Dataset data) {
        return data.sample(size, seeds.nextLong());
    }
}
