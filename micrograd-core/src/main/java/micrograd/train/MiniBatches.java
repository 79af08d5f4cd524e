package micrograd.train;

import java.util.function.UnaryOperator;
import micrograd.data.Dataset;
import micrograd.data.SplitMix64;

/**
 * The rows of each step of mini-batch training, one step per {@link #apply} call: {@code size} distinct rows of the
 * data, each step's draw seeded from one {@link SplitMix64} seeded with the trainer's seed (the numbers of the
 * {@code SplittableRandom} Trainer always drew from, which TeaVM's class library lacks, so that the browser draws the
 * same batches). {@link Trainer} makes one through the factory that {@link Trainer.Builder#batchSize} sets for a size
 * above 0 and calls it as a {@link UnaryOperator}: TeaVM links an interface call only to the classes it sees created,
 * and it sees none here unless a mini-batch trainer is built.
 */
final class MiniBatches implements UnaryOperator<Dataset> {

    private final int size;
    private final SplitMix64 seeds;

    MiniBatches(int size, long seed) {
        this.size = size;
        this.seeds = new SplitMix64(seed);
    }

    /** The next step's rows of {@code data}. */
    @Override
    public Dataset apply(Dataset data) {
        return data.sample(size, seeds.nextLong());
    }
}
