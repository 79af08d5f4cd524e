package micrograd.train;

import java.util.Locale;

/**
 * The learning-rate schedules a training run can name, each starting at its learning rate, as {@code train --schedule}
 * offers them: {@link #of} makes the {@link LearningRateSchedule}.
 */
public enum ScheduleKind {
    /** The learning rate at every step. */
    CONSTANT,
    /** A straight line from the learning rate down to a tenth of it over the steps (micrograd's demo: 1.0 to 0.1). */
    LINEAR,
    /** Halves the rate after every quarter of the steps. */
    STEP,
    /** Cosine annealing from the learning rate down to a tenth of it over the steps. */
    COSINE;

    /** This schedule starting at {@code learningRate}, over {@code steps} steps. */
    public LearningRateSchedule of(double learningRate, int steps) {
        return switch (this) {
            case CONSTANT -> LearningRateSchedule.constant(learningRate);
            case LINEAR -> LearningRateSchedule.linearDecay(learningRate, learningRate / 10, steps);
            case STEP -> LearningRateSchedule.stepDecay(learningRate, 0.5, Math.max(1, steps / 4));
            case COSINE -> LearningRateSchedule.cosine(learningRate, learningRate / 10, steps);
        };
    }

    /** constant, linear, step, cosine: the name on the command line. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
