package micrograd.train;

/**
 * The learning rate to use at each training step (step 0 first). The factories return schedules whose
 * {@code toString()} names them and their settings, so that a trainer can print its configuration.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate for step {@code step} (0-based). */
    double at(int step);

    /** The same rate at every step. */
    static LearningRateSchedule constant(double learningRate) {
        return new DescribedSchedule("constant(" + learningRate + ")", step -> learningRate);
    }

    /**
     * Falls in a straight line from {@code start} at step 0 to {@code end} at step {@code steps} (and stays there):
     * {@code start - (start - end) * step / steps}. micrograd's demo is {@code linearDecay(1.0, 0.1, 100)}, its
     * {@code 1.0 - 0.9 * k / 100}, evaluated in the same order and so bit-identical.
     */
    static LearningRateSchedule linearDecay(double start, double end, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a linear decay needs at least 1 step, got " + steps);
        }
        return new DescribedSchedule("linearDecay(" + start + " -> " + end + " over " + steps + " steps)",
                step -> start - (start - end) * Math.min(step, steps) / steps);
    }

    /**
     * Falls in a straight line from {@code start} at step 0 to 0 at step {@code steps} (and stays there), written as
     * microgpt writes it, {@code start * (1 - step / steps)}, so that it rounds as the original does.
     */
    static LearningRateSchedule linearToZero(double start, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a linear decay needs at least 1 step, got " + steps);
        }
        return new DescribedSchedule("linearToZero(" + start + " over " + steps + " steps)",
                step -> start * (1 - (double) Math.min(step, steps) / steps));
    }

    /** Multiplies the rate by {@code factor} every {@code every} steps: {@code initial * factor^(step / every)}. */
    static LearningRateSchedule stepDecay(double initial, double factor, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("a step decay needs a period of at least 1 step, got " + every);
        }
        return new DescribedSchedule("stepDecay(" + initial + " x " + factor + " every " + every + " steps)",
                step -> initial * Math.pow(factor, step / every));
    }

    /**
     * Cosine annealing from {@code start} to {@code end} over {@code steps} steps (and {@code end} after):
     * {@code end + (start - end) * (1 + cos(pi * step / steps)) / 2} (Loshchilov and Hutter, "SGDR: Stochastic
     * Gradient Descent with Warm Restarts", ICLR 2017, without the restarts).
     */
    static LearningRateSchedule cosine(double start, double end, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a cosine schedule needs at least 1 step, got " + steps);
        }
        return new DescribedSchedule("cosine(" + start + " -> " + end + " over " + steps + " steps)",
                step -> end + (start - end) * (1 + Math.cos(Math.PI * Math.min(step, steps) / steps)) / 2);
    }
}
