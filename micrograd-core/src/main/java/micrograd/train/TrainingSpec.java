package micrograd.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import micrograd.nn.Activation;
import micrograd.nn.Init;
import micrograd.nn.MLP;

/**
 * What a training run is asked for, as {@code micrograd train} and the playground's training view take it from the
 * user: the network's hidden layers and activation, its weights' initialisation and seed, the loss, the optimizer and
 * its learning rates, the steps and the batch. Each front end fills one (its options or its link's keys) and builds
 * the model and the trainer from it ({@link #model}, {@link #trainer}); {@link #DEFAULTS} holds the defaults, and
 * {@link #outputWidth} says how many outputs the network needs, in one place for both.
 *
 * @param hidden       the hidden layers' sizes (none: a linear model)
 * @param activation   the hidden layers' activation; the output layer is linear
 * @param init         the weights' initialisation
 * @param loss         the data loss; null for the usual one, hinge for 2 classes and softmax for more
 * @param optimizer    the optimizer
 * @param momentum     the momentum of {@link OptimizerKind#MOMENTUM}
 * @param learningRate the first learning rate
 * @param schedule     how the learning rate goes on from there
 * @param steps        how many steps
 * @param batchSize    rows per step, 0 for all
 * @param l2           the L2 strength
 * @param seed         draws the weights and the mini-batches (and, in both front ends, the data)
 */
public record TrainingSpec(List<Integer> hidden, Activation activation, Init init, LossKind loss,
                           OptimizerKind optimizer, double momentum, double learningRate, ScheduleKind schedule,
                           int steps, int batchSize, double l2, long seed) {

    /**
     * micrograd's demo as settings: two hidden layers of 16 ReLU units with micrograd's uniform weights, the usual loss
     * (hinge for its 2 classes), plain SGD from 1.0 falling linearly to 0.1 over 100 steps, the full batch, L2 1e-4,
     * seed 1337. (The demo itself, with the notebook's own weights, is {@link MicrogradDemo}.)
     */
    public static final TrainingSpec DEFAULTS = new TrainingSpec(List.of(16, 16), Activation.RELU, Init.UNIFORM, null,
            OptimizerKind.SGD, 0.9, 1.0, ScheduleKind.LINEAR, 100, 0, 1e-4, 1337);

    public TrainingSpec {
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** The loss on data with {@code classes} classes: the one asked for, else hinge for 2 classes, softmax for more. */
    public LossKind lossFor(int classes) {
        return loss != null ? loss : classes == 2 ? LossKind.HINGE : LossKind.SOFTMAX_CROSS_ENTROPY;
    }

    /** How many outputs the network needs for {@code classes} classes under {@link #lossFor}: 1, or one per class. */
    public int outputWidth(int classes) {
        return lossFor(classes).outputsFor(classes);
    }

    /** The widths of the network's layers for {@code classes} classes: the hidden ones, then the output width. */
    public List<Integer> layerWidths(int classes) {
        List<Integer> widths = new ArrayList<>(hidden);
        widths.add(outputWidth(classes));
        return List.copyOf(widths);
    }

    /** The network for {@code inputs} features and {@code classes} classes, its weights drawn with the seed. */
    public MLP model(int inputs, int classes) {
        List<Integer> widths = layerWidths(classes);
        int[] sizes = new int[widths.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = widths.get(i);
        }
        return MLP.builder(inputs).layers(sizes).hidden(activation).output(Activation.LINEAR).init(init).seed(seed)
                .build();
    }

    /** The trainer for data with {@code classes} classes, ready for a gradient path. */
    public Trainer.Builder trainer(int classes) {
        Trainer.Builder trainer = Trainer.builder().loss(lossFor(classes)).l2(l2).steps(steps).batchSize(batchSize)
                .seed(seed).schedule(schedule.of(learningRate, steps));
        optimizer.configure(trainer, momentum);
        return trainer;
    }

    /** These settings with other hidden layers. */
    public TrainingSpec withHidden(List<Integer> sizes) {
        return new TrainingSpec(sizes, activation, init, loss, optimizer, momentum, learningRate, schedule, steps,
                batchSize, l2, seed);
    }

    /** These settings with another learning rate and schedule. */
    public TrainingSpec withLearningRate(double rate, ScheduleKind rates) {
        return new TrainingSpec(hidden, activation, init, loss, optimizer, momentum, rate, rates, steps, batchSize, l2,
                seed);
    }

    /** These settings with another number of steps. */
    public TrainingSpec withSteps(int count) {
        return new TrainingSpec(hidden, activation, init, loss, optimizer, momentum, learningRate, schedule, count,
                batchSize, l2, seed);
    }
}
