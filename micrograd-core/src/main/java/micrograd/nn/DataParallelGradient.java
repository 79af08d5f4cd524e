package micrograd.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import micrograd.tape.Tape;

/**
 * The loss of an MLP on a fixed batch and its gradient, computed by several threads at once (data parallelism).
 *
 * <p>The batch's rows are split into {@code workers} contiguous shards. Each worker owns a copy of the model, a graph
 * of its shard's share of the loss, {@code (n_w / n) * loss(shard)} (worker 0 also holds the L2 term), and the
 * gradient buffer that is its copy's parameters' grads. A call to {@link #compute()} copies the model's parameters
 * into every worker, lets the workers run forward and backward at the same time, and then adds their gradients into
 * the model's parameters' grads worker by worker, in a fixed order, so the result is the same on every run for a
 * given number of workers. It equals the single-thread gradient up to the order of the floating-point sums.
 *
 * <p>Where the graph's shape cannot change between steps ({@link LossKind#HINGE} and {@link LossKind#MSE}: the
 * logistic and softmax losses choose their stable formula from the data) each worker records its graph once on a
 * {@link Tape} and replays it; otherwise it builds its graph anew each call. With one worker and a tape this is the
 * tape alone, with the same numbers as the object graph.
 *
 * <p>Threads: worker 0 runs on the caller's thread, the others on a pool of daemon threads that {@link #close()}
 * shuts down. An instance is for one thread at a time.
 */
public final class DataParallelGradient implements AutoCloseable {

    private final MLP model;
    private final List<Value> parameters;
    private final LossKind loss;
    private final int batchSize;
    private final List<Worker> workers;
    private final ExecutorService pool;
    private double lastAccuracy = Double.NaN;

    /**
     * Prepares {@code workers} workers (at most one per row) for the loss {@code loss + l2 * sum p^2} of
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
        this.model = model;
        this.parameters = model.parameters();
        this.loss = loss;
        this.batchSize = batch.size();
        int count = Math.min(workers, batch.size());
        boolean taped = useTape && canRecord(loss);
        List<Worker> built = new ArrayList<>(count);
        int from = 0;
        for (int w = 0; w < count; w++) {
            int to = from + (batch.size() - from) / (count - w);
            int[] rows = new int[to - from];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = from + i;
            }
            built.add(new Worker(copyOf(model), batch.subset(rows), w == 0 ? l2 : 0, taped));
            from = to;
        }
        this.workers = List.copyOf(built);
        this.pool = count > 1 ? Executors.newFixedThreadPool(count - 1, runnable -> {
            Thread thread = new Thread(runnable, "micrograd-gradient-worker");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /**
     * Whether a graph of this loss keeps its shape when the parameters change, so that a tape may replay it: the
     * logistic and softmax losses pick their numerically stable formula from the data, so they do not.
     */
    public static boolean canRecord(LossKind loss) {
        return loss == LossKind.HINGE || loss == LossKind.MSE;
    }

    /** An MLP of the same architecture holding the same parameter values. */
    private static MLP copyOf(MLP model) {
        MLP copy = new MLP(model.nin(), model.sizes(), model.hiddenActivation(), model.outputActivation(),
                Init.UNIFORM, new SplittableRandom(0));
        copy.setParameterData(model.parameterData());
        return copy;
    }

    /**
     * Computes the loss at the model's current parameters and ADDS its gradient into their grads (zero them first,
     * as before {@code backward()}). Returns the loss.
     */
    public double compute() {
        double[] data = model.parameterData();
        List<Future<?>> running = new ArrayList<>(workers.size() - 1);
        for (Worker worker : workers.subList(1, workers.size())) {
            running.add(pool.submit(() -> worker.run(data)));
        }
        workers.get(0).run(data);
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the gradient workers ran", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a gradient worker failed: " + e.getCause(), e.getCause());
            }
        }
        double total = 0;
        double correct = 0;
        for (Worker worker : workers) {
            total += worker.lossShare;
            correct += worker.accuracy * worker.batch.size();
            for (int i = 0; i < parameters.size(); i++) {
                Value p = parameters.get(i);
                p.setGrad(p.grad() + worker.parameters.get(i).grad());
            }
        }
        lastAccuracy = correct / batchSize;
        return total;
    }

    /** The accuracy of the model's outputs in the last {@link #compute()} (NaN before the first). */
    public double accuracy() {
        return lastAccuracy;
    }

    /** The number of workers (the requested number, or the number of rows if smaller). */
    public int workers() {
        return workers.size();
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "DataParallelGradient(workers=" + workers.size() + ", rows=" + batchSize + ", loss=" + loss
                + ", tape=" + (workers.get(0).tape != null) + ")";
    }

    /** One shard: a model copy, its share of the loss, and (where the shape is fixed) the tape of that share. */
    private final class Worker {
        final MLP copy;
        final List<Value> parameters;
        final Dataset batch;
        final double l2;
        final Tape tape;
        final List<List<Value>> recordedOutputs;
        double lossShare;
        double accuracy;

        Worker(MLP copy, Dataset batch, double l2, boolean taped) {
            this.copy = copy;
            this.parameters = copy.parameters();
            this.batch = batch;
            this.l2 = l2;
            if (taped) {
                recordedOutputs = new ArrayList<>(batch.size());
                Value share = build(recordedOutputs);
                tape = Tape.record(share, recordedOutputs.stream().flatMap(List::stream).toList());
            } else {
                recordedOutputs = null;
                tape = null;
            }
        }

        /** This shard's share of the loss, as a graph over the copy's parameters; fills {@code outputs}. */
        private Value build(List<List<Value>> outputs) {
            for (int i = 0; i < batch.size(); i++) {
                outputs.add(copy.forward(batch.row(i)));
            }
            Value share = loss.loss(outputs, batch);
            if (batch.size() != batchSize) {
                share = share.mul((double) batch.size() / batchSize);
            }
            return l2 > 0 ? share.add(Loss.l2(parameters, l2)) : share;
        }

        void run(double[] parameterData) {
            for (int i = 0; i < parameters.size(); i++) {
                Value p = parameters.get(i);
                p.setData(parameterData[i]);
                p.setGrad(0);
            }
            List<List<Value>> outputs;
            if (tape != null) {
                lossShare = tape.forward();
                tape.backward();
                outputs = recordedOutputs;
            } else {
                outputs = new ArrayList<>(batch.size());
                Value share = build(outputs);
                share.backward();
                lossShare = share.data();
            }
            accuracy = Trainer.batchAccuracy(outputs, batch);
        }
    }
}
