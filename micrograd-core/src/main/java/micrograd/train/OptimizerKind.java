package micrograd.train;

import java.util.Locale;

/**
 * The optimizers a trainer can be configured with by name, as {@code train --optimizer} and the playground's training
 * view offer them: plain gradient descent ({@link SGD}, as micrograd), gradient descent with momentum, and
 * {@link Adam} with the paper's settings.
 */
public enum OptimizerKind {
    /** Plain gradient descent, as micrograd. */
    SGD,
    /** Gradient descent with momentum. */
    MOMENTUM,
    /** Adam (Kingma and Ba, 2015) with the paper's betas and epsilon. */
    ADAM;

    /** Sets {@code trainer}'s optimizer to this one; {@code momentum} is used by {@link #MOMENTUM} only. */
    public void configure(Trainer.Builder trainer, double momentum) {
        switch (this) {
            case SGD -> trainer.sgd();
            case MOMENTUM -> trainer.sgd(momentum);
            case ADAM -> trainer.adam();
        }
    }

    /** sgd, momentum, adam: the name on the command line and in links. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The optimizer with this name (as {@link #toString()} writes it).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static OptimizerKind parse(String name) {
        for (OptimizerKind kind : values()) {
            if (kind.toString().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown optimizer \"" + name + "\"; use sgd, momentum or adam");
    }
}
