package micrograd.app;

import java.nio.file.Path;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.nn.MLP;
import micrograd.nn.Trainer;
import picocli.CommandLine.Command;
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

    /** The moons seed whose data the demo's defaults are shown with in the README. */
    static final long DEFAULT_SEED = 1337;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "folder for the pictures and the model file (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED,
            description = "seed of the moons and of the model's initial weights (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public void run() {
        Dataset moons = Datasets.moons(100, 0.1, seed);
        MLP model = MLP.builder(2).layers(16, 16, 1).seed(seed).build();
        Trainer trainer = Trainer.builder().build();
        new TrainingSession("moons", model, trainer, moons, moons, null, outDir).run(spec.commandLine().getOut());
    }
}
