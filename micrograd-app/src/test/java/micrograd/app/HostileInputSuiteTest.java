package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import micrograd.io.ModelFile;
import micrograd.nn.MLP;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input, generated from a fixed seed: bad command lines, CSV files, model files and expressions, hundreds of
 * each, run in-process through {@link Main#run}. Every one must end with exit status 0 or 2, at most two lines on
 * stderr and no stack trace, within {@link #MAX_MILLIS_EACH}, leaving no file outside its {@code --out} folder and no
 * temporary file anywhere. The figures (inputs per category, time) are printed for the record.
 */
class HostileInputSuiteTest {

    static final long SEED = 14;
    static final long MAX_MILLIS_EACH = 15_000;

    private static final String[] NUMBERS = {"0", "-1", "1", "3", "2147483647", "-2147483648", "99999999999",
            "1e308", "-1e308", "1e400", "4.9e-324", "NaN", "Infinity", "-Infinity", "1d", "2f", "0x10", "0x1p3",
            "1_000", "", " ", "\0", "1.0\0", "\u0661", "+", "-", ".", "1e", "--", "abc", "1,2", "0.5", "-0.5", "1e6"};
    private static final String[] TEXTS = {"", ".", "..", "../escaped", "/etc/passwd", "a/b", "a\\b", "\0", "x\ny",
            "x".repeat(3000), "na\u00efve", "-", "--help", "a b", "\u202e", "label", "moons", "relu", "adam"};
    private static final String[] TRAIN_OPTIONS = {"--steps", "--samples", "--noise", "--classes", "--layers", "--lr",
            "--momentum", "--batch-size", "--l2", "--test-fraction", "--seed", "--workers", "--name", "--label",
            "--activation", "--init", "--loss", "--optimizer", "--schedule", "--dataset", "--gradient"};
    private static final String[] EXPRESSION_TOKENS = {"a", "b", "c", "(", ")", "+", "-", "*", "/", "**", "exp(",
            "log(", "tanh(", "relu(", "sigmoid(", "2", "0", "-1", "1e308", "1e-320", "0x1p3", "1d", "NaN", "\0",
            "\u00e9", "#", ",", " ", "a1", "_", "e", "1.2.3", "cosh("};

    @TempDir
    Path sandbox;

    private final SplittableRandom random = new SplittableRandom(SEED);
    private Path inputs;
    private Path model;
    private int runs;
    private int accepted;
    private int refused;

    @BeforeEach
    void prepare() throws IOException {
        inputs = Files.createDirectory(sandbox.resolve("inputs"));
        model = TrainedModel.moonsModel(inputs);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private Path newOut() {
        return sandbox.resolve("out-" + (runs + 1));
    }

    /** Runs {@code args}, checks the run is clean, and returns it. */
    private CommandRun runClean(String category, String... args) throws IOException {
        runs++;
        long started = System.nanoTime();
        CommandRun run = CommandRun.of(args);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String what = category + " input " + runs + ": " + String.join(" ", args).replace("\0", "\\0");
        String shown = what.length() > 300 ? what.substring(0, 300) + "..." : what;
        assertThat(run.status()).as("exit status of %s; stderr: %s", shown, run.err()).isIn(Main.OK, Main.BAD_INPUT);
        assertThat(run.err().lines().count()).as("stderr lines of %s: %s", shown, run.err()).isLessThanOrEqualTo(2);
        assertThat(run.err()).as("stderr of %s", shown).doesNotContain("\tat ", "Exception", "Error:");
        assertThat(millis).as("milliseconds taken by %s", shown).isLessThan(MAX_MILLIS_EACH);
        if (run.status() == Main.OK) {
            accepted++;
        } else {
            refused++;
        }
        try (Stream<Path> files = Files.walk(sandbox)) {
            for (Path file : files.toList()) {
                Path relative = sandbox.relativize(file);
                assertThat(file.getFileName().toString()).as("after %s", shown).doesNotEndWith(".part");
                if (relative.getNameCount() > 0 && !Files.isDirectory(file)) {
                    assertThat(relative.getName(0).toString()).as("%s wrote %s", shown, relative)
                            .matches("inputs|out-[0-9]+");
                }
            }
        }
        return run;
    }

    /** One input of a category, the {@code i}-th. */
    @FunctionalInterface
    private interface Input {
        void run(int i) throws IOException;
    }

    /** Runs {@code count} inputs of a category and prints its figures. */
    private void category(String name, int count, Input input) throws IOException {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            input.run(i);
        }
        report(name, count, started);
    }

    @Test
    void commandLines() throws IOException {
        category("command lines", 250, i -> runClean("command line", commandLine().toArray(new String[0])));
    }

    private List<String> commandLine() {
        List<String> args = new ArrayList<>();
        int kind = random.nextInt(10);
        if (kind < 6) {
            args.addAll(List.of("train", "--steps", "2", "--samples", "30", "--layers", "4"));
            for (int k = random.nextInt(1, 4); k > 0; k--) {
                String option = pick(TRAIN_OPTIONS);
                args.add(option);
                args.add(random.nextBoolean() ? pick(NUMBERS) : pick(TEXTS));
            }
            args.addAll(List.of("--out", newOut().toString()));
        } else if (kind == 6) {
            args.addAll(List.of("predict", "--model", random.nextBoolean() ? model.toString() : pick(TEXTS),
                    random.nextBoolean() ? pick(TEXTS) : "/dev/null"));
        } else if (kind == 7) {
            // --dot is a path the user chooses: only names inside the run's folder, never one like /etc/passwd
            args.addAll(List.of("grad", pick(TEXTS), "a=" + pick(NUMBERS), "--dot", newOut().resolve(
                    pick(new String[] {"g.dot", "a b.dot", ".hidden", "x".repeat(300), "sub/g.dot"})).toString()));
        } else if (kind == 8) {
            args.add(pick(new String[] {"lesson", "notebooks", "bench", "jshell", "--version", "frobnicate"}));
            args.add(pick(new String[] {"0", "99", "-1", "abc", "../x", "--frob", "\0", "extra"}));
        } else {
            args.add(pick(new String[] {"demo", "train", "predict", "grad"}));
            args.add(pick(new String[] {"--seed", "--out", "--workers", "--gradient", "--model", "--dot"}));
            args.add(pick(NUMBERS));
            args.add("--steps");
            args.add(pick(NUMBERS));
            args.addAll(List.of("--out", newOut().toString(), "--help"));
        }
        return args;
    }

    @Test
    void csvFiles() throws IOException {
        category("CSV files (each through train and predict)", 120, i -> {
            Path csv = Files.write(inputs.resolve("data-" + i + ".csv"), csvFile());
            runClean("CSV file", "train", csv.toString(), "--steps", "2", "--layers", "4", "--out",
                    newOut().toString());
            runClean("CSV file", "predict", "--model", model.toString(), csv.toString());
        });
    }

    private byte[] csvFile() {
        StringBuilder text = new StringBuilder();
        int columns = random.nextInt(1, 5);
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            header.add(random.nextInt(8) == 0 ? pick(TEXTS) : "x" + c);
        }
        header.add(random.nextInt(6) == 0 ? "x0" : "label");
        if (random.nextInt(10) == 0) {
            text.append('\uFEFF');
        }
        text.append(String.join(",", header)).append(random.nextBoolean() ? "\n" : "\r\n");
        int rows = random.nextInt(0, 40);
        int classes = random.nextInt(10) == 0 ? 2000 : random.nextInt(1, 5);
        for (int r = 0; r < rows; r++) {
            List<String> fields = new ArrayList<>();
            int width = random.nextInt(12) == 0 ? random.nextInt(0, columns + 3) : columns;
            for (int c = 0; c < width; c++) {
                fields.add(random.nextInt(15) == 0 ? pick(NUMBERS)
                        : String.format(Locale.ROOT, "%.3f", random.nextDouble(-3, 3)));
            }
            fields.add(random.nextInt(20) == 0 ? pick(TEXTS) : Integer.toString(r % classes
                    * (random.nextInt(8) == 0 ? 1_000_000_000 : 1)));
            text.append(String.join(",", fields)).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(8)) {
            case 0 -> bytes[random.nextInt(bytes.length)] = (byte) 0xC3; // a broken UTF-8 sequence, most likely
            case 1 -> bytes[random.nextInt(bytes.length)] = 0;
            case 2 -> bytes[random.nextInt(bytes.length)] = '"';
            default -> { }
        }
        if (random.nextInt(30) == 0) {
            return ("x,label\n" + "1".repeat(150_000) + ",0\n").getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    @Test
    void modelFiles() throws IOException {
        Path csv = Files.writeString(inputs.resolve("points.csv"), "x,y\n0,1\n1,-0.5\n");
        String valid = Files.readString(model);
        category("model files", 150, i -> {
            Path file = Files.writeString(inputs.resolve("model-" + i + ".json"), modelFile(valid),
                    StandardCharsets.UTF_8);
            runClean("model file", "predict", "--model", file.toString(), csv.toString(), "--scores");
        });
    }

    private String modelFile(String valid) {
        String[] fields = {"\"nin\" : 2", "\"version\" : 1", "\"layers\" : [ 8, 1 ]", "\"hiddenActivation\" : \"relu\"",
                "\"outputActivation\" : \"linear\"", "\"format\" : \"micrograd-mlp\""};
        String[] replacements = {"2147483647", "-1", "0", "1e400", "\"2\"", "null", "[]", "[ 2147483647, 2147483647 ]",
                "[ -1 ]", "\"sigmoid\"", "\"swish\"", "{}", "true", "3", "99", "[ 1, [ 2 ] ]", "\"micrograd-mlp \"",
                "1.5", "[ " + "1, ".repeat(2000) + "1 ]"};
        String text = valid;
        for (int k = random.nextInt(0, 3); k > 0; k--) { // sometimes none: a valid model must still be answered
            String field = pick(fields);
            text = text.replace(field, field.substring(0, field.indexOf(':') + 2) + pick(replacements));
        }
        return switch (random.nextInt(7)) {
            case 0 -> text.substring(0, random.nextInt(text.length()));
            case 1 -> text.replaceFirst("\\[", "[ NaN, ");
            case 2 -> text.replaceFirst("}\\s*$", ", \"extra\" : 1 }");
            case 3 -> "[".repeat(random.nextInt(1, 5000)) + text;
            case 4 -> text.replaceFirst("\"parameters\" : \\[", "\"parameters\" : [ 1e999, ");
            default -> text;
        };
    }

    @Test
    void expressions() throws IOException {
        category("expressions", 250, i -> {
            List<String> args = new ArrayList<>(List.of("grad", expression()));
            for (String variable : new String[] {"a", "b", "c"}) {
                if (random.nextInt(4) > 0) {
                    args.add(variable + "=" + (random.nextInt(4) == 0 ? pick(NUMBERS)
                            : String.format(Locale.ROOT, "%.2f", random.nextDouble(-4, 4))));
                }
            }
            if (random.nextInt(5) == 0) {
                args.addAll(List.of("--dot", newOut().resolve("graph.dot").toString()));
            }
            runClean("expression", args.toArray(new String[0]));
        });
    }

    private String expression() {
        Supplier<String> soup = () -> {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(1, 25); n > 0; n--) {
                text.append(pick(EXPRESSION_TOKENS));
            }
            return text.toString();
        };
        return switch (random.nextInt(6)) {
            case 0 -> "(".repeat(random.nextInt(1, 2000)) + "a" + ")".repeat(random.nextInt(1, 2000));
            case 1 -> String.join("+", java.util.Collections.nCopies(random.nextInt(1, 5_000), "a*b"));
            case 2 -> "exp(".repeat(random.nextInt(1, 600)) + "a" + ")".repeat(600);
            default -> soup.get();
        };
    }

    private void report(String category, int count, long started) {
        System.out.printf(Locale.ROOT, "hostile input suite: %d %s, all clean (%d runs exit 0, %d exit 2), in %.1f s%n",
                count, category, accepted, refused, (System.nanoTime() - started) / 1e9);
        assertThat(refused).as("the generator makes mostly bad input").isGreaterThan(accepted / 2);
    }
}
