package micrograd.app;

import java.nio.file.Path;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.train.LossKind;
import micrograd.train.MicrogradDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** micrograd's demo.ipynb, as {@link MicrogradDemo} defines it, with its pictures and its model file. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"micrograd's demo.ipynb in Java: an MLP(2, [16, 16, 1]) learns to separate 100 noisy moons "
                + "with the SVM hinge loss plus L2 in 100 steps of gradient descent.",
                "Writes moons-decision-boundary.png, moons-training.png and moons-model.json."})
final class DemoCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "folder for the pictures and the model file (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + MicrogradDemo.SEED,
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
        MicrogradDemo demo = new MicrogradDemo(seed);
        Dataset moons = demo.moons();
        new TrainingSession("moons", demo.model(),
                demo.trainer().gradient(gradient.path(GradientOptions.Choice.GRAPH, LossKind.HINGE, 0)).build(),
                moons, moons, null, outDir, false, List.of()).run(spec.commandLine().getOut());
    }
}
