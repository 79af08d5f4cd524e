package micrograd.app;

import micrograd.nn.LearningRateSchedule;

/** The learning-rate schedules {@code train --schedule} offers, each starting at {@code --lr}. */
enum ScheduleChoice {
    /** {@code --lr} at every step. */
    CONSTANT,
    /** A straight line from {@code --lr} down to a tenth of it over the steps (micrograd's demo: 1.0 to 0.1). */
    LINEAR,
    /** Halves the rate after every quarter of the steps. */
    STEP,
    /** Cosine annealing from {@code --lr} down to a tenth of it over the steps. */
    COSINE;

    LearningRateSchedule of(double learningRate, int steps) {
        return switch (this) {
            case CONSTANT -> LearningRateSchedule.constant(learningRate);
            case LINEAR -> LearningRateSchedule.linearDecay(learningRate, learningRate / 10, steps);
            case STEP -> LearningRateSchedule.stepDecay(learningRate, 0.5, Math.max(1, steps / 4));
            case COSINE -> LearningRateSchedule.cosine(learningRate, learningRate / 10, steps);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
