package micrograd.playground;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.fast.FastPaths;
import micrograd.nn.MLP;
import micrograd.train.MicrogradDemo;
import micrograd.train.Trainer;
import micrograd.train.Training;
import micrograd.train.TrainingStep;

/**
 * micrograd's demo as {@code micrograd demo --gradient tape} runs it: {@link MicrogradDemo} with the notebook's seed,
 * its full batch's graph recorded once on a tape and replayed each step, which gives the object graph's numbers bit
 * for bit in a fraction of the time, so that a step never holds the page up. It keeps the lines the command prints
 * (the model, the trainer, one line per step) and the time the steps took. It runs one {@link #step()} at a time, so
 * that the page can hand the browser its event loop back between steps without a thread (TeaVM's WebAssembly GC build
 * has none); the time between steps is not counted.
 */
final class DemoRun {

    private final MicrogradDemo demo = new MicrogradDemo();
    private final MLP model = demo.model();
    private final Dataset moons = demo.moons();
    private final Trainer trainer = demo.trainer().gradient(FastPaths.tape()).build();
    private final Training training = trainer.start(model, moons);
    private final List<TrainingStep> history = new ArrayList<>();
    private final double[] bounds = DecisionGrid.boundsOf(moons);
    private final List<String> lines = new ArrayList<>(List.of(model.toString(), trainer.toString()));
    private long stepNanos;

    /**
     * Runs the next step and logs its line.
     *
     * @return the line, {@code step 0 loss ..., accuracy ...%}
     * @throws IllegalStateException when every step has run
     */
    String step() {
        long start = System.nanoTime();
        TrainingStep step = training.step();
        stepNanos += System.nanoTime() - start;
        history.add(step);
        if (!training.hasNextStep()) {
            training.close();
        }
        String line = step.toString();
        lines.add(line);
        return line;
    }

    /** Runs every step left, at once (on the JVM, where nothing waits for a turn). */
    void run() {
        while (hasNextStep()) {
            step();
        }
    }

    /** Whether a step is left. */
    boolean hasNextStep() {
        return training.hasNextStep();
    }

    /** The lines logged so far: the model, the trainer, then {@code step 0 loss ..., accuracy ...%} per step. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** How many of the 100 steps have run. */
    int stepsDone() {
        return training.stepsDone();
    }

    /** The demo's step count. */
    int steps() {
        return trainer.steps();
    }

    /** Step {@code index} (0 first), with its loss and accuracy. */
    TrainingStep stepAt(int index) {
        return history.get(index);
    }

    /** The moons the demo trains on. */
    Dataset data() {
        return moons;
    }

    /** The model's class and confidence on a grid over the moons, as {@link DecisionGrid#of}. */
    int[] grid(int cells) {
        return DecisionGrid.of(model, bounds, cells);
    }

    /** xmin, xmax, ymin, ymax of the plot. */
    double[] bounds() {
        return bounds.clone();
    }

    /** The mean time of a step so far (forward, backward and update), in milliseconds; NaN before the first. */
    double millisPerStep() {
        return stepsDone() == 0 ? Double.NaN : stepNanos / 1e6 / stepsDone();
    }
}
