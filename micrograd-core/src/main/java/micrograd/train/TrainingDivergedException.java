package micrograd.train;

/**
 * Training that ran away: a step's loss, or a parameter after the last update, is not a finite number. Training on
 * would only carry NaN forward and report it as a result, so {@link Trainer#fit} stops at the first such step.
 */
public final class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final int step;

    /** Training diverged at step {@code step}, where {@code what} (for example "the loss is NaN") was seen. */
    public TrainingDivergedException(int step, String what) {
        super("the training diverged at step " + step + ": " + what + "; lower the learning rate or the L2 strength");
        this.step = step;
    }

    /** The step (counted from 0) at which the training diverged. */
    public int step() {
        return step;
    }
}
