package micrograd.app;

import micrograd.nn.Trainer;

/** The optimizers {@code train --optimizer} offers. */
enum OptimizerChoice {
    /** Plain gradient descent, as micrograd. */
    SGD,
    /** Gradient descent with momentum ({@code --momentum}, default 0.9). */
    MOMENTUM,
    /** Adam (Kingma and Ba, 2015) with the paper's betas and epsilon. */
    ADAM;

    void configure(Trainer.Builder trainer, double momentum) {
        switch (this) {
            case SGD -> trainer.sgd();
            case MOMENTUM -> trainer.sgd(momentum);
            case ADAM -> trainer.adam();
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
