package micrograd.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import micrograd.nn.MLP;
import micrograd.train.BatchGradient;
import micrograd.train.LossKind;

/**
 * The loss of an MLP on a fixed batch and its gradient, computed by several threads at once (data parallelism).
 *
 * <p>The batch's rows are split into contiguous shards, the same number for every worker thread (one in all for a
 * single worker; see {@link #shardCount}). Each shard (a {@link BatchShard}) owns a copy of the model, a graph of its share of the loss,
 * {@code (n_s / n) * loss(shard)} (shard 0 also holds the L2 term), and the gradient buffer that is its copy's
 * parameters' grads. A call to {@link #compute()} copies the model's parameters into every shard; the workers then
 * take shards one at a time until none is left, each running its shard's forward and backward; and finally the
 * shards' gradients are added into the model's parameters' grads shard by shard, in a fixed order. Which thread ran
 * which shard does not matter, so the result is the same bits on every run for a given number of workers, and equals
 * the single-thread gradient up to the order of the floating-point sums. Taking shards rather than owning them keeps
 * a worker that the operating system starts late (on a machine busy with other work) from holding up the others.
 *
 * <p>Where the graph's shape cannot change between steps ({@link LossKind#HINGE} and {@link LossKind#MSE}: the
 * logistic and softmax losses choose their stable formula from the data) each shard records its graph once on a
 * {@link Tape} and replays it; otherwise it builds its graph anew each call. With one worker and a tape this is the
 * tape alone, with the same numbers as the object graph ({@link TapeGradient} is that without any thread).
 *
 * <p>Threads: the caller is one of the workers; the others are daemon threads that {@link #close()} stops. Between
 * calls they spin for up to {@value SpinningHelpers#SPIN_NANOS} ns before parking, and the caller spins while it waits
 * for the last shard (see {@link SpinningHelpers}): on a small batch a step is so short that waking parked threads
 * would cost most of the gain. An instance is for one thread at a time.
 */
public final class DataParallelGradient implements BatchGradient {

    /**
     * The most work one shard is given, in multiply-adds (rows times parameters). Every shard has fixed costs (the
     * parameters copied in, its gradient added up, its tape's leaves read and written), so a small batch is best split
     * in as few shards as there are workers: on the demo's model (337 parameters) with 2 workers, 2 shards of 50 rows
     * ran a 100-row batch in 76 us where 4 shards of 25 took 89 us. A large batch gets more shards, so that a worker
     * held up by the operating system leaves the rest of the batch to the others.
     */
    static final int MAX_SHARD_WORK = 64_000;

    private final List<Value> parameters;
    private final LossKind loss;
    private final int batchSize;
    private final int workers;
    private final List<BatchShard> shards;
    /** The worker threads besides the caller; null for one worker. */
    private final SpinningHelpers helpers;
    /** The model's parameter data, copied for the shards at each {@link #compute()}. */
    private final double[] parameterData;
    /** The next shard to take in this call, and how many of its shards are done. */
    private final AtomicInteger nextShard = new AtomicInteger();
    private final AtomicInteger shardsDone = new AtomicInteger();
    /** The thread in {@link #compute()}, woken by whoever finishes the last shard. */
    private volatile Thread caller;
    private volatile Throwable failure;
    private double lastAccuracy = Double.NaN;
    private boolean closed;

    /**
     * Prepares {@code workers} worker threads (the caller's included) for the loss {@code loss + l2 * sum p^2} of
     * {@code model} on {@code batch}, recording tapes where {@link #canRecord} allows.
     *
     * @throws IllegalArgumentException if {@code workers < 1} or the model does not fit the data or the loss
     */
    public DataParallelGradient(MLP model, Dataset batch, LossKind loss, double l2, int workers) {
        this(model, batch, loss, l2, workers, true);
    }

    /** As {@link #DataParallelGradient(MLP, Dataset, LossKind, double, int)}; {@code useTape} false rebuilds graphs. */
    public DataParallelGradient(MLP model, Dataset batch, LossKind loss, double l2, int workers, boolean useTape) {
        if (workers < 1) {
            throw new IllegalArgumentException("need at least 1 worker, got " + workers);
        }
        loss.checkFits(model, batch);
        this.parameters = model.parameters();
        this.loss = loss;
        this.batchSize = batch.size();
        this.workers = workers;
        this.parameterData = new double[parameters.size()];
        int count = workers == 1 ? 1 : shardCount(batch.size(), parameters.size(), workers);
        boolean taped = useTape && canRecord(loss);
        List<BatchShard> built = new ArrayList<>(count);
        int from = 0;
        for (int s = 0; s < count; s++) {
            int to = from + (batch.size() - from) / (count - s);
            int[] rows = new int[to - from];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = from + i;
            }
            built.add(new BatchShard(model, batch.subset(rows), batch.size(), loss, s == 0 ? l2 : 0, taped));
            from = to;
        }
        this.shards = List.copyOf(built);
        this.helpers = workers > 1
                ? new SpinningHelpers(workers - 1, "micrograd-gradient-worker", this::takeShards) : null;
    }

    /**
     * How many shards {@code workers} workers split {@code rows} rows into: a multiple of {@code workers} (each worker
     * gets as many), as few as keep every shard within {@link #MAX_SHARD_WORK}, and never more than the rows.
     */
    static int shardCount(int rows, int parameters, int workers) {
        int rowsPerShard = Math.max(1, MAX_SHARD_WORK / parameters);
        int shardsPerWorker = (rows + workers * rowsPerShard - 1) / (workers * rowsPerShard);
        return Math.min(rows, workers * shardsPerWorker);
    }

    /**
     * Whether a graph of this loss keeps its shape when the parameters change, so that a tape may replay it: the
     * logistic and softmax losses pick their numerically stable formula from the data, so they do not.
     */
    public static boolean canRecord(LossKind loss) {
        return loss == LossKind.HINGE || loss == LossKind.MSE;
    }

    /**
     * Computes the loss at the model's current parameters and ADDS its gradient into their grads (zero them first,
     * as before {@code backward()}). Returns the loss.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public double compute() {
        if (closed) {
            throw new IllegalStateException("this DataParallelGradient is closed; create a new one to compute again");
        }
        for (int i = 0; i < parameterData.length; i++) {
            parameterData[i] = parameters.get(i).data();
        }
        failure = null;
        shardsDone.set(0);
        caller = Thread.currentThread();
        nextShard.set(0); // last: a thread that takes a shard from here on sees every write above
        if (helpers != null) {
            helpers.startRound();
        }
        takeShards();
        SpinningHelpers.await(() -> shardsDone.get() == shards.size());
        if (failure != null) {
            throw new IllegalStateException("a gradient worker failed: " + failure, failure);
        }
        double total = 0;
        double correct = 0;
        for (BatchShard shard : shards) {
            total += shard.lossShare();
            correct += shard.accuracy() * shard.size();
            shard.addGradientInto(parameters);
        }
        lastAccuracy = correct / batchSize;
        return total;
    }

    @Override
    public double accuracy() {
        return lastAccuracy;
    }

    /** The number of worker threads, the caller's included. */
    public int workers() {
        return workers;
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        closed = true;
        if (helpers != null) {
            helpers.close();
        }
    }

    @Override
    public String toString() {
        return "DataParallelGradient(workers=" + workers + ", shards=" + shards.size() + ", rows=" + batchSize
                + ", loss=" + loss + ", tape=" + shards.get(0).taped() + ")";
    }

    /**
     * Runs shards until none is left to take; the thread that finishes the last one wakes the caller. A helper that
     * starts after every shard was taken (by the others) finds nothing to do.
     */
    private void takeShards() {
        for (int s = nextShard.getAndIncrement(); s < shards.size(); s = nextShard.getAndIncrement()) {
            try {
                shards.get(s).run(parameterData);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                if (shardsDone.incrementAndGet() == shards.size()) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }
}
