package micrograd.app;

import java.nio.file.Path;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.data.MersenneTwister;
import micrograd.nn.LossKind;
import micrograd.nn.MLP;
import micrograd.nn.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * micrograd's demo.ipynb: 100 noisy moons, MLP(2, [16, 16, 1]), SVM hinge loss plus 1e-4 L2, 100 steps of full-batch
 * gradient descent with the learning rate falling from 1.0 to 0.1.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"micrograd's demo.ipynb in Java: an MLP(2, [16, 16, 1]) learns to separate 100 noisy moons "
                + "with the SVM hinge loss plus L2 in 100 steps of gradient descent.",
                "Writes moons-decision-boundary.png, moons-training.png and moons-model.json."})
final class DemoCommand implements Runnable {

    /** The notebook's {@code random.seed(1337)} and {@code np.random.seed(1337)}. */
    static final long DEFAULT_SEED = 1337;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "folder for the pictures and the model file (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DEFAULT_SEED,
            description = "the notebook's random.seed(N) and np.random.seed(N), replayed in Java: N draws the moons and "
                    + "the initial weights, from 0 to 4294967295 (default: ${DEFAULT-VALUE}, the notebook's own "
                    + "numbers)")
    long seed;

    @Mixin
    GradientOptions gradient = new GradientOptions();

    @Override
    public void run() {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new UsageException("--seed must be from 0 to 4294967295 (a Python/NumPy seed), got " + seed);
        }
        Dataset moons = moons(seed);
        MLP model = MLP.builder(2).layers(16, 16, 1).random(MersenneTwister.python(seed)).build();
        Trainer trainer = Trainer.builder()
                .gradient(gradient.path(GradientOptions.Choice.GRAPH, LossKind.HINGE, 0)).build();
        new TrainingSession("moons", model, trainer, moons, moons, null, outDir, false).run(spec.commandLine().getOut());
    }

    /** The notebook's {@code make_moons(n_samples=100, noise=0.1)} after {@code np.random.seed(seed)}. */
    static Dataset moons(long seed) {
        return Datasets.moons(100, 0.1, MersenneTwister.numpyLegacy(seed));
    }
}
