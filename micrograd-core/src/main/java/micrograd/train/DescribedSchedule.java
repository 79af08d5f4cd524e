package micrograd.train;

/** A schedule that prints as its description (lambdas print as class names, useless in a configuration dump). */
record DescribedSchedule(String description, LearningRateSchedule schedule) implements LearningRateSchedule {

    @Override
    public double at(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("steps count from 0, got " + step);
        }
        return schedule.at(step);
    }

    @Override
    public String toString() {
        return description;
    }
}
