package micrograd.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import micrograd.data.CsvDataset;
import micrograd.data.Dataset;
import micrograd.nn.Activation;
import micrograd.nn.LossKind;
import micrograd.nn.MLP;
import micrograd.nn.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code micrograd train}: any built-in dataset or CSV file, any architecture, loss, optimizer and schedule. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains an MLP on a built-in dataset or a CSV file, prints train and test accuracy, and "
                + "writes NAME-decision-boundary.png (2 features), NAME-training.png and NAME-model.json."},
        footer = {"", "Examples:", "  micrograd train --dataset spirals --classes 3 --layers 32,32 --optimizer adam "
                + "--lr 0.05 --steps 300",
                "  micrograd train data.csv --label class --layers 8 --loss logistic"})
final class TrainCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CSV",
            description = "a CSV file with a header line, numeric features and a label column (instead of --dataset)")
    Path csv;

    @Option(names = "--label", paramLabel = "COLUMN", defaultValue = "label",
            description = "the CSV's label column (default: ${DEFAULT-VALUE})")
    String labelColumn;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "a built-in dataset: ${COMPLETION-CANDIDATES} (default: moons)")
    BuiltInDataset dataset;

    @Option(names = "--samples", defaultValue = "100", description = "points of a built-in dataset (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--noise", description = "noise of a built-in dataset (default: the dataset's usual one)")
    Double noise;

    @Option(names = "--classes", defaultValue = "3", description = "classes of blobs and spirals (default: ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--layers", paramLabel = "N,N,...", split = ",", defaultValue = "16,16",
            description = "hidden layer sizes; the output layer follows from the loss (default: ${DEFAULT-VALUE})")
    List<Integer> hiddenLayers = new ArrayList<>();

    @Option(names = "--activation", defaultValue = "relu", converter = ActivationConverter.class,
            description = "hidden activation: relu, tanh, sigmoid, linear (default: ${DEFAULT-VALUE})")
    Activation activation;

    @Option(names = "--loss", converter = LossConverter.class,
            description = "hinge, mse, logistic or softmax (default: hinge for 2 classes, softmax for more)")
    LossKind loss;

    @Option(names = "--optimizer", defaultValue = "sgd",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OptimizerChoice optimizer;

    @Option(names = "--momentum", defaultValue = "0.9", description = "momentum of --optimizer momentum (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--lr", defaultValue = "1.0", description = "the (first) learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--schedule", defaultValue = "linear",
            description = "${COMPLETION-CANDIDATES}; linear and cosine fall to lr/10, step halves each quarter "
                    + "(default: ${DEFAULT-VALUE})")
    ScheduleChoice schedule;

    @Option(names = "--steps", defaultValue = "100", description = "training steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch-size", defaultValue = "0", description = "rows per step, 0 for all (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--l2", defaultValue = "1e-4", description = "L2 regularisation strength (default: ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--test-fraction", defaultValue = "0.2",
            description = "share of the data held out for the test accuracy, 0 for none (default: ${DEFAULT-VALUE})")
    double testFraction;

    @Option(names = "--seed", defaultValue = "1337",
            description = "seed of the data, the split, the weights and the batches (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "folder for the pictures and the model file (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--name", description = "file name prefix (default: the dataset's or CSV file's name)")
    String name;

    @Override
    public void run() {
        Dataset data = loadData();
        LossKind lossKind = loss != null ? loss : data.classes() == 2 ? LossKind.HINGE : LossKind.SOFTMAX_CROSS_ENTROPY;
        try {
            Dataset train = data;
            Dataset test = null;
            if (testFraction > 0) {
                Dataset.Split split = data.split(testFraction, seed);
                train = split.train();
                test = split.test();
            }
            MLP model = MLP.builder(data.dimension()).layers(layerSizes(lossKind, data.classes()))
                    .hidden(activation).output(Activation.LINEAR).seed(seed).build();
            Trainer.Builder trainer = Trainer.builder().loss(lossKind).l2(l2).steps(steps).batchSize(batchSize)
                    .seed(seed).schedule(schedule.of(learningRate, steps));
            optimizer.configure(trainer, momentum);
            new TrainingSession(fileName(), model, trainer.build(), data, train, test, outDir)
                    .run(spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; see 'micrograd train --help'", e);
        }
    }

    private Dataset loadData() {
        if (csv != null && dataset != null) {
            throw new UsageException("give either a CSV file or --dataset, not both");
        }
        if (csv == null) {
            BuiltInDataset builtIn = dataset != null ? dataset : BuiltInDataset.MOONS;
            try {
                return builtIn.make(samples, noise != null ? noise : builtIn.defaultNoise(), classes, seed);
            } catch (IllegalArgumentException e) {
                throw new UsageException("cannot make the " + builtIn + " dataset: " + e.getMessage(), e);
            }
        }
        try {
            return CsvDataset.load(csv, labelColumn);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read " + csv + ": no such file; check the path", e);
        } catch (IOException e) {
            throw new UsageException("cannot read " + csv + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; fix the file or choose the label column with --label", e);
        }
    }

    private int[] layerSizes(LossKind lossKind, int dataClasses) {
        int[] sizes = new int[hiddenLayers.size() + 1];
        for (int i = 0; i < hiddenLayers.size(); i++) {
            sizes[i] = hiddenLayers.get(i);
        }
        sizes[sizes.length - 1] = lossKind == LossKind.SOFTMAX_CROSS_ENTROPY ? dataClasses : 1;
        return sizes;
    }

    private String fileName() {
        if (name != null) {
            return name;
        }
        if (csv == null) {
            return (dataset != null ? dataset : BuiltInDataset.MOONS).toString();
        }
        String file = csv.getFileName().toString();
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
    }

    /** Reads an activation by its name (relu, tanh, ...), as {@link Activation#parse} does. */
    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            return Activation.parse(value);
        }
    }

    /** Reads a loss by its short name (hinge, mse, logistic, softmax), as {@link LossKind#parse} does. */
    static final class LossConverter implements ITypeConverter<LossKind> {
        @Override
        public LossKind convert(String value) {
            return LossKind.parse(value);
        }
    }
}
