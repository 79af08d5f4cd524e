package micrograd.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import micrograd.fast.DerivedGpt;
import micrograd.files.AtomicFiles;
import micrograd.files.OutputFolderException;
import micrograd.gpt.Documents;
import micrograd.gpt.GptReading;
import micrograd.gpt.GptShape;
import micrograd.gpt.Microgpt;
import micrograd.io.GptFile;
import micrograd.io.ModelFileException;
import micrograd.plot.AttentionPlot;
import micrograd.plot.GptLossPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code micrograd gpt}: Karpathy's microgpt, which trains a tiny GPT on names one name per step and then makes up
 * new ones, printing the Python original's lines (for seed 42: {@code step 1000 / 1000 | loss 2.6497}, then
 * {@code sample  1: kamon} ...). The time taken goes to stderr.
 */
@Command(name = "gpt", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains Karpathy's microgpt (a one-layer GPT on the scalar engine) on names, one per step, "
                + "then samples new ones, printing what the Python original prints for the same seed."},
        footer = {"", "The names are karpathy/makemore's names.txt (MIT licence), shipped with micrograd-java.",
                "Examples:", "  micrograd gpt", "  micrograd gpt --seed 7 --steps 200 --save names-model.json",
                "  micrograd gpt --load names-model.json --steps 0 --samples 5",
                "  micrograd gpt --sample-every 200 --plot loss.png --attention emma attention.png"})
final class GptCommand implements Runnable {

    /** The most steps of one run, as {@code train}'s. */
    private static final int MAX_STEPS = 1_000_000;

    /** The most characters read from {@code --dataset}, as from a CSV file; /dev/zero is refused at this bound. */
    private static final int MAX_DATASET_CHARACTERS = 16_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Python's random.seed, in [0, 2^32) (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1000",
            description = "training steps; the learning rate falls to 0 over them (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.5",
            description = "sampling temperature, > 0: low is safe, high is creative (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "20",
            description = "how many names to generate (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--dataset", paramLabel = "FILE",
            description = "a UTF-8 text file, one document per line (default: the names that ship with micrograd)")
    Path dataset;

    @Option(names = "--layers", paramLabel = "N",
            description = "transformer layers (default: 1, or the loaded model's)")
    Integer layers;

    @Option(names = "--embd", paramLabel = "N", description = "embedding width (default: 16, or the loaded model's)")
    Integer embd;

    @Option(names = "--heads", paramLabel = "N", description = "attention heads (default: 4, or the loaded model's)")
    Integer heads;

    @Option(names = "--block-size", paramLabel = "N",
            description = "longest context; longer documents are cut (default: 16, or the loaded model's)")
    Integer blockSize;

    /** How each training step's gradient is computed; both give the same numbers. */
    enum Gradient { compiled, graph }

    @Option(names = "--gradient", paramLabel = "PATH", defaultValue = "compiled",
            description = "compiled (the model's graph compiled once per document length, replayed on flat arrays; the default) or graph (Value.backward() on the object graph): the "
                    + "same numbers, bit for bit")
    Gradient gradient;

    @Option(names = "--save", paramLabel = "FILE", description = "write the trained model to FILE (JSON)")
    Path save;

    @Option(names = "--load", paramLabel = "FILE",
            description = "start from the model in FILE instead of new weights (with --steps 0: only sample)")
    Path load;

    @Option(names = "--sample-every", paramLabel = "N",
            description = "also print samples every N steps during training, drawn from a copy of the random stream "
                    + "(the final samples stay the same)")
    Integer sampleEvery;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "write the loss curve (each step's and its running mean over 50 steps) to FILE, .png or .svg")
    Path plot;

    @Option(names = "--attention", arity = "2", paramLabel = "NAME FILE",
            description = "after training, draw the attention heatmaps of NAME, one per head, to FILE (.png)")
    List<String> attention;

    @Override
    public void run() {
        checkOptions();
        List<String> documents = readDocuments();
        GptFile.Contents loaded = load == null ? null : loadModel();
        GptShape defaults = loaded != null ? loaded.shape() : GptShape.microgpt(2);
        Microgpt run;
        try {
            GptShape shape = Microgpt.shape(documents, sizeOption(layers, "--layers", defaults.layers(), loaded),
                    sizeOption(embd, "--embd", defaults.embd(), loaded),
                    sizeOption(heads, "--heads", defaults.heads(), loaded),
                    sizeOption(blockSize, "--block-size", defaults.blockSize(), loaded));
            HeapBudget.checkGpt(shape);
            run = Microgpt.start(documents, seed, shape.layers(), shape.embd(), shape.heads(), shape.blockSize());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; see 'micrograd gpt --help'", e);
        }
        if (loaded != null) {
            useLoadedWeights(run, loaded);
        }
        if (attention != null) {
            try {
                run.tokenizer().encode(attention.get(0));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--attention: " + e.getMessage() + "; give a name in those characters", e);
            }
        }
        if (gradient == Gradient.compiled) {
            DerivedGpt.use(run);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("num docs: " + run.documents().size());
        out.println("vocab size: " + run.tokenizer().vocabSize());
        out.println("num params: " + run.model().parameters().size());
        boolean terminal = System.console() != null;
        long start = System.nanoTime();
        double[] losses = new double[steps];
        for (int step = 0; step < steps; step++) {
            double loss = run.trainStep(step, steps);
            losses[step] = loss;
            String line = Microgpt.stepLine(step, steps, loss);
            if (terminal) {
                out.print(line + "\r");
                out.flush();
            } else {
                out.println(line);
            }
            if (sampleEvery != null && (step + 1) % sampleEvery == 0) {
                printSamplesAside(out, run, step + 1, terminal);
            }
        }
        long trained = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        if (save != null) { // before sampling, so that a run's training is never lost
            saveModel(run);
            err.println("saved the model to " + save);
        }
        long sampling = System.nanoTime();
        out.println();
        out.println("--- inference (new, hallucinated names) ---");
        for (int i = 0; i < samples; i++) {
            out.println(String.format(Locale.ROOT, "sample %2d: %s", i + 1, sample(() -> run.sample(temperature))));
        }
        out.flush();
        double seconds = (trained - start) / 1e9;
        err.println(String.format(Locale.ROOT, "trained %d steps in %.2f s (%.3f ms/step); sampled in %.2f s",
                steps, seconds, steps == 0 ? 0.0 : 1000 * seconds / steps, (System.nanoTime() - sampling) / 1e9));
        if (plot != null && steps > 0) {
            drawing(plot, () -> GptLossPlot.save(plot, losses, run.tokenizer().vocabSize()));
            err.println("wrote the loss curve to " + plot);
        }
        if (attention != null) {
            Path file = Path.of(attention.get(1));
            GptReading reading = run.read(attention.get(0));
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < reading.positions(); i++) {
                int token = reading.tokens()[i];
                labels.add(token == run.tokenizer().bos() ? "BOS" : run.tokenizer().decode(new int[] {token}));
            }
            drawing(file, () -> AttentionPlot.save(file, reading.attention(), labels));
            err.println("wrote the attention of " + attention.get(0) + " to " + file);
        }
    }

    /** One line: the step, then {@code --samples} names drawn from a copy of the random stream. */
    private void printSamplesAside(PrintWriter out, Microgpt run, int step, boolean terminal) {
        Iterator<String> names = run.samplesAside(temperature);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "samples at step %4d:", step));
        for (int i = 0; i < samples; i++) {
            line.append(' ').append(sample(names::next));
        }
        if (terminal) {
            out.println();
        }
        out.println(line);
    }

    /** One sample, or one line saying why the model cannot make one (outputs that are not numbers). */
    private static String sample(Supplier<String> sampling) {
        try {
            return sampling.get();
        } catch (ArithmeticException e) {
            throw new UsageException("cannot sample: " + e.getMessage() + "; train the model again, or give a model "
                    + "file written by 'micrograd gpt --save'", e);
        }
    }

    /** Something that writes a picture. */
    private interface Drawing {
        void draw() throws IOException;
    }

    private static void drawing(Path file, Drawing drawing) {
        try {
            drawing.draw();
        } catch (OutputFolderException | IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkOptions() {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new UsageException("--seed must be in [0, 2^32), got " + seed);
        }
        if (steps < 0 || samples < 0) {
            throw new UsageException("--steps and --samples must be 0 or more, got " + steps + " and " + samples);
        }
        if (steps > MAX_STEPS) {
            throw new UsageException("--steps must be at most 1,000,000, got " + steps + "; train in several runs with "
                    + "--save and --load");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new UsageException("--temperature must be a number > 0, got " + temperature);
        }
        if (sampleEvery != null && sampleEvery < 1) {
            throw new UsageException("--sample-every must be 1 or more, got " + sampleEvery);
        }
        if (plot != null && !hasExtension(plot.toString(), ".png", ".svg")) {
            throw new UsageException("--plot " + plot + ": the file name must end in .png or .svg");
        }
        if (plot != null && steps == 0) {
            throw new UsageException("--plot needs training steps to draw; leave it out with --steps 0");
        }
        if (attention != null && !hasExtension(attention.get(1), ".png")) {
            throw new UsageException("--attention " + attention.get(0) + " " + attention.get(1)
                    + ": the file name must end in .png");
        }
        if (attention != null && attention.get(0).isEmpty()) {
            throw new UsageException("--attention needs a name to read, such as --attention emma emma.png");
        }
        if (plot != null) {
            checkWritable(plot);
        }
        if (attention != null) {
            checkWritable(Path.of(attention.get(1)));
        }
        if (save != null) {
            checkWritable(save);
        }
    }

    /** Refuses, before training, a picture that could not be written. */
    private static void checkWritable(Path file) {
        try {
            AtomicFiles.checkWritableFile(file);
        } catch (FileSystemException | OutputFolderException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasExtension(String file, String... extensions) {
        String name = file.toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    private List<String> readDocuments() {
        if (dataset == null) {
            return Documents.names();
        }
        List<String> documents;
        try (BufferedReader reader = Files.newBufferedReader(dataset, StandardCharsets.UTF_8)) {
            StringBuilder text = new StringBuilder();
            char[] chunk = new char[8192];
            for (int read = reader.read(chunk); read >= 0; read = reader.read(chunk)) {
                text.append(chunk, 0, read);
                if (text.length() > MAX_DATASET_CHARACTERS) {
                    throw new UsageException("cannot read " + dataset + ": it holds more than 16,000,000 characters; "
                            + "give a smaller text file with one document per line");
                }
            }
            documents = Documents.read(new BufferedReader(new StringReader(text.toString())));
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read " + dataset + ": no such file; check the path", e);
        } catch (CharacterCodingException e) {
            throw new UsageException("cannot read " + dataset + ": it is not UTF-8 text; give a text file with one "
                    + "document per line", e);
        } catch (IOException e) {
            throw new UsageException("cannot read " + dataset + ": " + e.getMessage(), e);
        }
        if (documents.isEmpty()) {
            throw new UsageException(dataset + " has no documents (every line is blank); give a text file with one "
                    + "document per line");
        }
        return documents;
    }

    private GptFile.Contents loadModel() {
        try {
            return GptFile.load(load);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read " + load + ": no such file; check the path", e);
        } catch (ModelFileException e) {
            throw new UsageException(e.getMessage() + "; give a file written by 'micrograd gpt --save'", e);
        } catch (IOException e) {
            throw new UsageException("cannot read " + load + ": " + e.getMessage(), e);
        }
    }

    /** A size option's value: the one given, else the loaded model's or the default; a loaded model's must match. */
    private static int sizeOption(Integer given, String option, int fallback, GptFile.Contents loaded) {
        if (given != null && loaded != null && given != fallback) {
            throw new UsageException("the model in the --load file has " + option + " " + fallback + ", not "
                    + given + "; leave " + option + " out to use the model's");
        }
        return given != null ? given : fallback;
    }

    private void useLoadedWeights(Microgpt run, GptFile.Contents loaded) {
        String modelCharacters = loaded.tokenizer().characters();
        String dataCharacters = run.tokenizer().characters();
        if (!modelCharacters.equals(dataCharacters)) {
            throw new UsageException("the model in " + load + " knows the characters \"" + modelCharacters
                    + "\", the dataset has \"" + dataCharacters + "\"; use the dataset the model was trained on");
        }
        run.setWeights(loaded.weights());
    }

    private void saveModel(Microgpt run) {
        try {
            GptFile.save(save, run.model(), run.tokenizer());
        } catch (OutputFolderException | ModelFileException e) {
            throw new UsageException("the model was not saved: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException("cannot write " + save + ": " + e.getMessage(), e);
        }
    }
}
