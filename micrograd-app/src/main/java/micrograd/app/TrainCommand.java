package micrograd.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import micrograd.csv.CsvData;
import micrograd.csv.CsvDataset;
import micrograd.data.Dataset;
import micrograd.data.DatasetKind;
import micrograd.nn.Activation;
import micrograd.nn.Init;
import micrograd.nn.MLP;
import micrograd.train.GradientPath;
import micrograd.train.LossKind;
import micrograd.train.OptimizerKind;
import micrograd.train.ScheduleKind;
import micrograd.train.Trainer;
import micrograd.train.TrainingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code micrograd train}: any built-in dataset or CSV file, any architecture, loss, optimizer and schedule. The
 * options fill a {@link TrainingSpec}, whose {@link TrainingSpec#DEFAULTS} are their defaults ({@link SpecDefaults}).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = TrainCommand.SpecDefaults.class,
        description = {"Trains an MLP on a built-in dataset or a CSV file, prints train and test accuracy, and "
                + "writes NAME-decision-boundary.png (2 features), NAME-training.png and NAME-model.json."},
        footer = {"", "Examples:", "  micrograd train --dataset spirals --classes 3 --layers 32,32 \\",
                "      --optimizer adam --lr 0.05 --steps 300",
                "  micrograd train data.csv --label class --layers 8 --loss logistic"})
final class TrainCommand implements Runnable {

    /** Most steps: the run keeps every step for its training picture. */
    static final int MAX_STEPS = 1_000_000;
    /** Most hidden layers: a deeper graph only takes minutes to compile (100,001 one-wide layers did) and to train. */
    static final int MAX_HIDDEN_LAYERS = 100;
    /** Most points of a built-in dataset: a million already takes a step of seconds. */
    static final int MAX_SAMPLES = 1_000_000;
    /** Largest learning rate: a step larger than this only diverges (and lr/10 and the like must stay finite). */
    static final double MAX_LEARNING_RATE = 1e6;
    /** Largest noise of a built-in dataset: far beyond the point where no pattern is left to learn. */
    static final double MAX_NOISE = 100;

    @Spec
    CommandSpec commandSpec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CSV",
            description = "a CSV file with a header line, numeric features and a label column (instead of --dataset)")
    Path csv;

    @Option(names = "--label", paramLabel = "COLUMN", defaultValue = "label",
            description = "the CSV's label column (default: ${DEFAULT-VALUE})")
    String labelColumn;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "a built-in dataset: ${COMPLETION-CANDIDATES} (default: moons)")
    DatasetKind dataset;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "100", description = "points of a built-in dataset (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--noise", paramLabel = "SIGMA", description = "noise of a built-in dataset (default: the dataset's usual one)")
    Double noise;

    @Option(names = "--classes", paramLabel = "K", defaultValue = "3", description = "classes of blobs and spirals (default: ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--layers", paramLabel = "N,N,...", split = ",", hideParamSyntax = true,
            description = "hidden layer sizes; the output layer follows from the loss (default: ${DEFAULT-VALUE})")
    List<Integer> hiddenLayers = new ArrayList<>();

    @Option(names = "--activation", paramLabel = "NAME", converter = ActivationConverter.class,
            description = "hidden activation: relu, tanh, sigmoid, linear (default: ${DEFAULT-VALUE})")
    Activation activation;

    @Option(names = "--init", paramLabel = "NAME", converter = InitConverter.class,
            description = "initial weights: uniform (micrograd's U(-1, 1)), xavier, kaiming (default: ${DEFAULT-VALUE})")
    Init init;

    @Option(names = "--loss", paramLabel = "NAME", converter = LossConverter.class,
            description = "hinge, mse, logistic or softmax (default: hinge for 2 classes, softmax for more)")
    LossKind loss;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OptimizerKind optimizer;

    @Option(names = "--momentum", paramLabel = "M", description = "momentum of --optimizer momentum (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--lr", paramLabel = "RATE", description = "the (first) learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "${COMPLETION-CANDIDATES}; linear and cosine fall to lr/10, step halves each quarter "
                    + "(default: ${DEFAULT-VALUE})")
    ScheduleKind schedule;

    @Option(names = "--steps", paramLabel = "N", description = "training steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch-size", paramLabel = "N", description = "rows per step, 0 for all (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Mixin
    GradientOptions gradient = new GradientOptions();

    @Option(names = "--l2", paramLabel = "ALPHA", description = "L2 regularisation strength (default: ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "share of the data held out for the test accuracy, 0 for none (default: ${DEFAULT-VALUE})")
    double testFraction;

    @Option(names = "--seed", paramLabel = "N",
            description = "seed of the data, the split, the weights and the batches (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "folder for the pictures and the model file (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--name", paramLabel = "NAME", description = "file name prefix (default: the dataset's or CSV file's name)")
    String name;

    @Override
    public void run() {
        checkOptions();
        if (csv != null && dataset != null) {
            throw new UsageException("give either a CSV file or --dataset, not both");
        }
        CsvData csvData = csv == null ? null : CsvInput.read(csv, file -> CsvDataset.load(file, labelColumn));
        Dataset data = csvData == null ? drawBuiltIn() : csvData.dataset();
        TrainingSpec spec = new TrainingSpec(hiddenLayers, activation, init, loss, optimizer, momentum, learningRate,
                schedule, steps, batchSize, l2, seed);
        GradientPath path = gradient.path(GradientOptions.Choice.AUTO, spec.lossFor(data.classes()), batchSize);
        try {
            Dataset train = data;
            Dataset test = null;
            if (testFraction != 0) {
                Dataset.Split split = data.split(testFraction, seed);
                train = split.train();
                test = split.test();
            }
            HeapBudget.checkNetwork(data.dimension(), spec.layerWidths(data.classes()));
            MLP model = spec.model(data.dimension(), data.classes());
            Trainer trainer = spec.trainer(data.classes()).gradient(path).build();
            new TrainingSession(fileName(), model, trainer, data, train, test, outDir, csvData != null,
                    csvData == null ? List.of() : csvData.classNames()).run(commandSpec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; see 'micrograd train --help'", e);
        }
    }

    /** Refuses, before any work or allocation, a number that is out of bounds, quoting what the user typed. */
    private void checkOptions() {
        require(steps >= 1 && steps <= MAX_STEPS, "--steps", "from 1 to " + MAX_STEPS
                + " (every step is kept for the training picture)");
        require(samples >= 1 && samples <= MAX_SAMPLES, "--samples", "from 1 to " + MAX_SAMPLES);
        require(classes >= 2 && classes <= CsvDataset.MAX_CLASSES, "--classes", "from 2 to " + CsvDataset.MAX_CLASSES);
        require(learningRate > 0 && learningRate <= MAX_LEARNING_RATE, "--lr", "above 0 and at most 1e6 (a larger "
                + "step only diverges)");
        require(noise == null || (noise >= 0 && noise <= MAX_NOISE), "--noise", "from 0 to " + (int) MAX_NOISE);
        require(testFraction == 0 || (testFraction > 0 && testFraction < 1), "--test-fraction", "0 (no test set) or "
                + "between 0 and 1, such as 0.2");
        require(batchSize >= 0, "--batch-size", "0 (the full batch) or more");
        require(hiddenLayers.size() <= MAX_HIDDEN_LAYERS, "--layers", "at most " + MAX_HIDDEN_LAYERS + " hidden layers");
        var layersTyped = commandSpec.commandLine().getParseResult().matchedOption("--layers");
        if (layersTyped != null && layersTyped.originalStringValues().size() > 1) {
            throw new UsageException("--layers is given twice; give all the hidden layers at once, such as --layers "
                    + String.join(",", layersTyped.originalStringValues()));
        }
        if (given("--momentum") && optimizer != OptimizerKind.MOMENTUM) {
            throw new UsageException("--momentum is for --optimizer momentum; add --optimizer momentum or leave "
                    + "--momentum out");
        }
        for (String option : List.of("--samples", "--noise", "--classes")) {
            if (csv != null && given(option)) {
                throw new UsageException(option + " is for a built-in dataset; a CSV file has its own rows and "
                        + "classes, so leave " + option + " out");
            }
        }
        if (name != null) {
            OutputNames.checkFileName("--name", name);
        }
    }

    private void require(boolean holds, String option, String bounds) {
        if (!holds) {
            throw new UsageException(option + " must be " + bounds + "; got " + typed(option));
        }
    }

    private boolean given(String option) {
        return commandSpec.commandLine().getParseResult().matchedOption(option) != null;
    }

    /** What the user typed for {@code option}, quoted: a message about a number repeats it as it was written. */
    private String typed(String option) {
        var matched = commandSpec.commandLine().getParseResult().matchedOption(option);
        return matched == null ? "the default" : "'" + String.join(",", matched.originalStringValues()) + "'";
    }

    private Dataset drawBuiltIn() {
        DatasetKind builtIn = dataset != null ? dataset : DatasetKind.MOONS;
        try {
            return builtIn.draw(samples, noise != null ? noise : builtIn.usualNoise(), classes, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cannot make the " + builtIn + " dataset: " + e.getMessage(), e);
        }
    }

    private String fileName() {
        if (name != null) {
            return name;
        }
        if (csv == null) {
            return (dataset != null ? dataset : DatasetKind.MOONS).toString();
        }
        String file = csv.getFileName().toString();
        return file.toLowerCase(Locale.ROOT).endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
    }

    /** The defaults of the options a {@link TrainingSpec} holds: {@link TrainingSpec#DEFAULTS}, as the user types them. */
    static final class SpecDefaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option)) {
                return null;
            }
            TrainingSpec defaults = TrainingSpec.DEFAULTS;
            return switch (option.longestName()) {
                case "--layers" -> String.join(",", defaults.hidden().stream().map(String::valueOf).toList());
                case "--activation" -> defaults.activation().name().toLowerCase(Locale.ROOT);
                case "--init" -> defaults.init().name().toLowerCase(Locale.ROOT);
                case "--optimizer" -> defaults.optimizer().toString();
                case "--momentum" -> String.valueOf(defaults.momentum());
                case "--lr" -> String.valueOf(defaults.learningRate());
                case "--schedule" -> defaults.schedule().toString();
                case "--steps" -> String.valueOf(defaults.steps());
                case "--batch-size" -> String.valueOf(defaults.batchSize());
                case "--l2" -> String.valueOf(defaults.l2());
                case "--seed" -> String.valueOf(defaults.seed());
                default -> null;
            };
        }
    }

    /** Turns a library's name parser into a picocli converter whose error is the parser's own one-line message. */
    abstract static class ParsingConverter<T> implements ITypeConverter<T> {
        private final Function<String, T> parse;

        ParsingConverter(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** relu, tanh, sigmoid, linear, as {@link Activation#parse} reads them. */
    static final class ActivationConverter extends ParsingConverter<Activation> {
        ActivationConverter() {
            super(Activation::parse);
        }
    }

    /** hinge, mse, logistic, softmax, as {@link LossKind#parse} reads them. */
    static final class LossConverter extends ParsingConverter<LossKind> {
        LossConverter() {
            super(LossKind::parse);
        }
    }

    /** uniform, xavier, kaiming, as {@link Init#parse} reads them. */
    static final class InitConverter extends ParsingConverter<Init> {
        InitConverter() {
            super(Init::parse);
        }
    }
}
