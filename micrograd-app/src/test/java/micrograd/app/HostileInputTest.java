package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import micrograd.io.ModelFile;
import micrograd.nn.Activation;
import micrograd.nn.MLP;
import micrograd.testsupport.GraphvizAvailability;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad and hostile input, by command and area: each area has a table of cases, a command line (with the files it needs)
 * and the exit status and message fragments it must give, and the few cases that need more than a table row (a file
 * that must be left as it was, a program that must be missing) as tests of their own. Last come hostile inputs
 * generated from a fixed seed, hundreds per category, which must all end cleanly.
 *
 * <p>A refused command (exit status 2) prints one line on stderr holding the case's fragments, with no stack trace
 * and no raw control character, and creates nothing; one refused before any work prints nothing on stdout.
 */
class HostileInputTest {

    /** Stands for the case's own temporary folder in its arguments and file names. */
    static final String DIR = "$DIR";

    @TempDir
    Path dir;

    /**
     * One row of a table: {@code args} (in which {@value #DIR} is the case's folder) run in-process with the files
     * {@code files} (name to content; "/" is a folder, "-> NAME" a symbolic link to NAME, "$MODEL" a small trained
     * moons model), expecting exit status {@code status} and {@code fragments} on stderr (when refused) or on stdout
     * (when accepted). {@code when} says whether the case applies on this machine (a device it needs may be missing).
     * {@code beforeWork}: refused before any work, so with nothing on stdout (a check of the training's first step,
     * or a failure of the training or of its writing, comes after the model is printed).
     */
    record Case(List<String> args, int status, List<String> fragments, Map<String, String> files, String whenReason,
                BooleanSupplier when, boolean beforeWork) {

        static Case refused(String... args) {
            return new Case(List.of(args), Main.BAD_INPUT, List.of(), Map.of(), "", () -> true, true);
        }

        static Case accepted(String... args) {
            return new Case(List.of(args), Main.OK, List.of(), Map.of(), "", () -> true, false);
        }

        Case saying(String... expected) {
            return new Case(args, status, List.of(expected), files, whenReason, when, beforeWork);
        }

        Case with(String name, String content) {
            Map<String, String> more = new LinkedHashMap<>(files);
            more.put(name, content);
            return new Case(args, status, fragments, more, whenReason, when, beforeWork);
        }

        Case withModel() {
            return with("moons-model.json", "$MODEL");
        }

        Case onlyIf(String reason, BooleanSupplier condition) {
            return new Case(args, status, fragments, files, reason, condition, beforeWork);
        }

        Case afterPrintingTheModel() {
            return new Case(args, status, fragments, files, whenReason, when, false);
        }

        @Override
        public String toString() {
            String shown = String.join(" ", args.stream().map(a -> a.isEmpty() || a.contains(" ") ? "'" + a + "'" : a)
                    .toList());
            shown = shown.codePoints().mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c)
                    : Character.toString(c)).collect(Collectors.joining());
            return (shown.length() > 120 ? shown.substring(0, 120) + "..." : shown) + " -> exit " + status;
        }
    }

    /** Writes the case's files, runs it and checks it as the class comment says. */
    void check(Case c) throws IOException {
        Assumptions.assumeTrue(c.when().getAsBoolean(), c.whenReason());
        for (Map.Entry<String, String> file : c.files().entrySet()) {
            Path path = dir.resolve(file.getKey());
            String content = file.getValue();
            if (content.equals("/")) {
                Files.createDirectories(path);
            } else if (content.startsWith("-> ")) {
                Files.createSymbolicLink(path, dir.resolve(content.substring(3)));
            } else if (content.equals("$MODEL")) {
                TrainedModel.moonsModel(dir);
            } else {
                Files.writeString(path, content);
            }
        }
        List<String> before = listing();
        String[] args = c.args().stream().map(a -> a.replace(DIR, dir.toString())).toArray(String[]::new);
        CommandRun run = CommandRun.of(args);
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(c.status());
        if (c.status() == Main.OK) {
            c.fragments().forEach(fragment -> assertThat(run.out()).contains(fragment));
            return;
        }
        assertThat(run.err().lines()).as("stderr is one line: %s", run.err()).hasSize(1);
        assertThat(run.err()).contains(c.fragments().stream().map(f -> f.replace(DIR, dir.toString())).toList())
                .doesNotContain("Exception", "\tat ", "\u001b", "\u009b");
        if (c.beforeWork()) {
            assertThat(run.out()).as("stdout of a command refused before any work").isEmpty();
        }
        assertThat(listing()).as("a refused command creates nothing").isEqualTo(before);
    }

    /** Every file and folder under the case's folder, with each link's target and each file's size. */
    private List<String> listing() throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = dir.relativize(file).toString();
                entries.add(Files.isSymbolicLink(file) ? name + " -> " + Files.readSymbolicLink(file)
                        : Files.isRegularFile(file) ? name + " (" + Files.size(file) + " bytes)" : name + "/");
            }
        }
        return entries;
    }

    /** The moons model {@link TrainedModel} writes, in the case's folder. */
    private static final String MODEL = DIR + "/moons-model.json";

    private static boolean readable(String file) {
        return Files.isReadable(Path.of(file));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The command line as a whole: commands, options, arguments, numbers, escapes. */
    @Nested
    class CommandLine {

        static Stream<Case> cases() {
            return Stream.of(
                    Case.refused("frobnicate").saying("unknown command 'frobnicate'",
                            "demo, train, predict, grad, lesson, notebooks, bench, jshell, gpt, playground",
                            "micrograd --help"),
                    Case.refused().saying("missing command", "micrograd --help"),
                    Case.refused("demo", "--speed", "11").saying("Unknown option", "--speed", "micrograd demo --help"),
                    Case.refused("train", "--layrs", "4").saying("--layrs", "micrograd train --help"),
                    Case.refused("grad", "a", "a=1", "--frob").saying("unknown option '--frob'",
                            "micrograd grad --help"),
                    // arguments where none are expected are refused, not ignored
                    Case.refused("lesson", "1", "2").saying("'2'", "micrograd lesson --help"),
                    Case.refused("notebooks", "lessons").saying("'lessons'", "micrograd notebooks --help"),
                    Case.refused("bench", "quick").saying("'quick'", "micrograd bench --help"),
                    Case.refused("jshell", "script.jsh").saying("'script.jsh'", "micrograd jshell --help"),
                    Case.refused("--version", "extra").saying("--version takes no arguments, got 'extra'"),
                    Case.refused("--help", "extra").saying("--help takes no arguments"),
                    Case.refused("lesson", "1", "extra").saying("'extra'"),
                    Case.refused("notebooks", "extra").saying("'extra'"),
                    Case.accepted("--help", "train"),
                    Case.refused("lesson", "99").saying("micrograd lesson: there is no lesson '99'",
                            "run 'micrograd lesson' to list them"),
                    Case.refused("lesson", "four").saying("there is no lesson 'four'"),
                    // whole numbers are ASCII digits
                    Case.refused("train", "--seed", "\u0661").saying("--seed", "digits 0-9"),
                    Case.refused("train", "--steps", "\u0661").saying("--steps", "digits 0-9"),
                    Case.refused("train", "--workers", "\u0661").saying("--workers", "digits 0-9"),
                    Case.refused("demo", "--seed", "\uff11").saying("--seed", "digits 0-9"),
                    Case.refused("gpt", "--steps", "\u0968").saying("--steps", "digits 0-9"),
                    Case.refused("train", "--steps", "0x10").saying("--steps", "digits 0-9"),
                    Case.refused("train", "--steps", "99999999999999999999").saying("--steps", "digits 0-9"),
                    // an empty path would name the current folder
                    Case.refused("playground", "--export", "").saying("--export", "empty name"),
                    Case.refused("playground", "--export", " ").saying("--export", "empty name"),
                    Case.refused("demo", "--out", "").saying("--out", "empty name"),
                    Case.refused("train", "--out", "").saying("--out", "empty name"),
                    Case.refused("gpt", "--save", "").saying("--save", "empty name"),
                    // control characters are shown escaped, never sent to the terminal
                    Case.refused("grad", "a+\u001b[31mb", "a=1").saying("\\u001b"),
                    Case.refused("train", "--name", "x\u009b2J").saying("\\u009b"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void table(Case c) throws IOException {
            check(c);
        }

        @Test
        void hugeInputQuotedInAMessageIsCutKeepingTheAdvice() {
            String expression = "a+".repeat(65_000) + ")";
            CommandRun run = CommandRun.of("grad", expression, "a=1");
            assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err().strip().length()).isLessThanOrEqualTo(Main.MESSAGE_CHARACTERS + 100);
            assertThat(run.err()).contains("characters cut");
            CommandRun layers = CommandRun.of("train", "--layers", "1,".repeat(100_001) + "x", "--steps", "1");
            assertThat(layers.status()).isEqualTo(Main.BAD_INPUT);
            assertThat(layers.err().strip().length()).isLessThanOrEqualTo(Main.MESSAGE_CHARACTERS + 100);
        }
    }

    /** train's (and demo's) options: values, bounds on resources, options that would be ignored. */
    @Nested
    class TrainOptions {

        static Stream<Case> cases() {
            String out = DIR + "/out";
            return Stream.of(
                    Case.refused("train", "--steps", "many").saying("--steps", "many"),
                    Case.refused("train", "--loss", "cubic").saying("unknown loss", "hinge, mse, logistic, softmax"),
                    Case.refused("train", "--activation", "swish").saying("unknown activation"),
                    Case.refused("train", "--init", "he").saying("unknown initialisation", "uniform, xavier, kaiming"),
                    Case.refused("train", "--steps", "0", "--out", out).saying("--steps must be from 1", "'0'"),
                    Case.refused("demo", "--seed", "-1", "--out", out).saying("--seed", "0 to 4294967295"),
                    Case.refused("train", "--dataset", "mnist").saying("--dataset", "mnist",
                            "MOONS, CIRCLES, BLOBS, SPIRALS"),
                    Case.refused("train", "--dataset", "blobs", "--loss", "hinge", "--out", out)
                            .saying("hinge loss is for 2 classes", "softmax"),
                    // how the gradient is computed
                    Case.refused("train", "--workers", "0", "--out", out).saying("--workers must be from 1"),
                    Case.refused("train", "--workers", "100000", "--out", out).saying("--workers must be from 1",
                            "--force-workers"),
                    Case.refused("train", "--workers", "100000", "--steps", "1", "--out", out)
                            .saying("--workers must be from 1", "--force-workers"),
                    Case.refused("train", "--workers", "1000", "--steps", "1", "--out", out)
                            .saying("--workers must be from 1"),
                    Case.refused("train", "--workers", "64", "--steps", "1", "--out", out)
                            .saying("more than the", "cores of this machine", "--force-workers")
                            .onlyIf("a machine of fewer than 64 cores", () -> Runtime.getRuntime()
                                    .availableProcessors() < 64),
                    Case.refused("train", "--workers", "2", "--batch-size", "16", "--out", out)
                            .saying("--workers", "--batch-size 0"),
                    Case.refused("train", "--gradient", "tape", "--batch-size", "16", "--out", out)
                            .saying("--gradient tape computes the full batch"),
                    Case.refused("demo", "--gradient", "graph", "--workers", "2", "--out", out)
                            .saying("--workers goes with --gradient parallel or auto"),
                    Case.refused("train", "--gradient", "tape", "--loss", "softmax", "--dataset", "spirals",
                            "--out", out).saying("--gradient tape replays a graph of fixed shape", "--gradient graph"),
                    Case.refused("demo", "--gradient", "fastest").saying("--gradient", "AUTO, GRAPH, TAPE, PARALLEL"),
                    // resources are bounded before any work
                    Case.refused("train", "--steps", "2147483647", "--out", out)
                            .saying("--steps must be from 1 to 1000000", "'2147483647'"),
                    Case.refused("train", "--samples", "2147483647", "--out", out)
                            .saying("--samples must be from 1 to 1000000", "'2147483647'"),
                    Case.refused("train", "--layers", "100000000", "--out", out)
                            .saying("parameters", "more than half of the", "fewer or narrower layers"),
                    Case.refused("train", "--samples", "1000000", "--layers", "64,64", "--out", out)
                            .saying("builds a graph of about", "mini-batches").afterPrintingTheModel(),
                    Case.refused("train", "--dataset", "blobs", "--classes", "1000000000", "--out", out)
                            .saying("--classes must be from 2 to 1000"),
                    Case.refused("train", "--layers", "1,".repeat(100_000) + "1", "--steps", "1")
                            .saying("--layers", "at most 100 hidden layers"),
                    Case.refused("train", "--layers", "16", "--layers", "8", "--steps", "1")
                            .saying("--layers", "given twice", "--layers 16,8"),
                    // numbers are written as people write them, and quoted as they were typed
                    Case.refused("train", "--test-fraction", "-0.5", "--out", out)
                            .saying("--test-fraction must be", "'-0.5'"),
                    Case.refused("train", "--test-fraction", "NaN", "--out", out).saying("'NaN' is not a number"),
                    Case.refused("train", "--lr", "Infinity", "--out", out).saying("'Infinity' is not a number"),
                    Case.refused("train", "--lr", "1e308", "--out", out)
                            .saying("--lr must be above 0 and at most 1e6", "'1e308'"),
                    Case.refused("train", "--lr", "1d", "--out", out).saying("'1d' is not a number"),
                    Case.refused("train", "--noise", "1e308", "--out", out)
                            .saying("--noise must be from 0 to 100", "'1e308'"),
                    // options that would be ignored are refused
                    Case.refused("train", "--momentum", "0.5", "--steps", "1")
                            .saying("--momentum", "--optimizer momentum"),
                    Case.refused("train", "missing.csv", "--samples", "50").saying("--samples", "CSV"),
                    Case.refused("train", "missing.csv", "--noise", "0.1").saying("--noise", "CSV"),
                    Case.refused("train", "missing.csv", "--classes", "4").saying("--classes", "CSV"),
                    // --name is a file name inside --out
                    Case.refused("train", "--steps", "1", "--name", "../escaped", "--out", out)
                            .saying("--name must be a file name"),
                    Case.refused("train", "--steps", "1", "--name", DIR + "/abs", "--out", out)
                            .saying("--name must be a file name"),
                    Case.refused("train", "--steps", "1", "--name", "..", "--out", out)
                            .saying("--name must be a file name"),
                    Case.refused("train", "--steps", "1", "--name", "a/b", "--out", out)
                            .saying("--name must be a file name"),
                    Case.refused("train", "--steps", "1", "--name", "", "--out", out)
                            .saying("--name must be a file name"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void table(Case c) throws IOException {
            check(c);
        }
    }

    /** The CSV file train reads: malformed files, devices, encodings, classes. */
    @Nested
    class TrainData {

        static Stream<Case> cases() {
            String out = DIR + "/out";
            return Stream.of(
                    Case.refused("train", DIR + "/bad.csv", "--out", out).with("bad.csv", "x,y,label\n1,2,0\n3,oops,1\n")
                            .saying("bad.csv", "line 3", "\"y\"", "oops", "fix the file"),
                    Case.refused("train", DIR + "/bad.csv", "--label", "class")
                            .with("bad.csv", "x,y,label\n1,2,0\n3,oops,1\n").saying("no label column \"class\""),
                    Case.refused("train", DIR + "/missing.csv").saying("missing.csv", "no such file"),
                    Case.refused("train", "/dev/zero", "--out", out).saying("NUL character", "not a text file")
                            .onlyIf("/dev/zero is readable", () -> readable("/dev/zero")),
                    Case.refused("train", DIR + "/java.csv", "--out", out).with("java.csv", "x,y,label\n1,2f,0\n2,3,1\n")
                            .saying("line 2", "'2f' is not a number"),
                    Case.refused("train", DIR + "/ones.csv", "--out", out).with("ones.csv", "x,label\n1,1\n2,+1\n3,1.0\n")
                            .saying("holds a single class"),
                    // a class per distinct label, not per integer up to the largest: 2 classes, one hinge output
                    Case.accepted("train", DIR + "/far.csv", "--steps", "3", "--test-fraction", "0", "--out", out)
                            .with("far.csv", "x,y,label\n0,0,0\n1,1,1000000000\n0,1,0\n1,0,1000000000\n")
                            .saying("number of parameters 337"),
                    // labels 1 and 2 are 2 classes, no phantom class 0
                    Case.accepted("train", DIR + "/onetwo.csv", "--steps", "2", "--loss", "softmax",
                            "--test-fraction", "0", "--out", out)
                            .with("onetwo.csv", "x,y,label\n0,0,1\n1,1,2\n0,1,1\n1,0,2\n2,2,1\n")
                            .saying("Layer of [LinearNeuron(16), LinearNeuron(16)]]", "number of parameters 354"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void table(Case c) throws IOException {
            check(c);
        }

        @Test
        void aFileNotInUtf8OrNotReadableSaysSo() throws IOException {
            Path latin1 = Files.write(dir.resolve("latin1.csv"),
                    "x,y,label\n1,2,caf\u00e9\n3,4,th\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
            check(Case.refused("train", latin1.toString(), "--out", DIR + "/out").saying("is not UTF-8 text",
                    "save it as UTF-8"));
            Path secret = Files.writeString(dir.resolve("secret.csv"), "x,label\n1,0\n2,1\n");
            secret.toFile().setReadable(false);
            if (!Files.isReadable(secret)) { // root reads anyway
                CommandRun run = CommandRun.of("train", secret.toString(), "--out", dir.resolve("out").toString());
                assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
                assertThat(run.err()).contains("cannot read " + secret, "permission denied")
                        .doesNotContain(secret + ": " + secret);
            }
        }
    }

    /** Where train and demo write: folders, links, full folders, runs that diverge. */
    @Nested
    class TrainOutput {

        static Stream<Case> cases() {
            String impossible = DIR + "/a-file/out";
            return Stream.of(
                    Case.refused("demo", "--out", impossible).with("a-file", "not a folder")
                            .saying("cannot create the output folder", impossible, "choose a folder you can write to"),
                    Case.refused("train", "--out", impossible).with("a-file", "not a folder")
                            .saying("cannot create the output folder"),
                    // a link where a file of the run goes is named, not taken for the folder
                    Case.refused("train", "--steps", "1", "--out", DIR + "/out").with("out", "/")
                            .with("out/moons-model.json", "-> elsewhere.json")
                            .saying("cannot write " + DIR + "/out/moons-model.json: it is a symbolic link",
                                    "nothing was written").afterPrintingTheModel(),
                    Case.refused("train", "--l2", "1e308", "--steps", "5", "--out", DIR + "/out")
                            .saying("the training diverged at step", "lower the learning rate or the L2 strength",
                                    "--l2").afterPrintingTheModel());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void table(Case c) throws IOException {
            check(c);
        }

        @Test
        void divergedTrainingWritesNothingAndLeavesThePreviousRunsFiles() throws IOException {
            CommandRun first = CommandRun.of("train", "--steps", "5", "--out", dir.toString());
            assertThat(first.status()).as(first.err()).isZero();
            byte[] model = Files.readAllBytes(dir.resolve("moons-model.json"));
            byte[] picture = Files.readAllBytes(dir.resolve("moons-training.png"));
            CommandRun run = CommandRun.of("train", "--lr", "1e6", "--steps", "50", "--out", dir.toString());
            assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains("the training diverged at step", "lower the learning rate",
                    "nothing was written").doesNotContain("\tat ");
            assertThat(dir.resolve("moons-model.json")).hasBinaryContent(model);
            assertThat(dir.resolve("moons-training.png")).hasBinaryContent(picture);
            try (var files = Files.list(dir)) {
                assertThat(files).hasSize(3);
            }
        }

        @Test
        void aFolderThatCannotBeWrittenIsFoundBeforeTheTraining() throws IOException {
            Path locked = Files.createDirectory(dir.resolve("locked"));
            locked.toFile().setWritable(false);
            try {
                Assumptions.assumeFalse(Files.isWritable(locked), "root writes anyway");
                CommandRun run = CommandRun.of("train", "--steps", "1", "--out", locked.toString());
                assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
                assertThat(run.out()).as("refused before the training").isEmpty();
                assertThat(run.err()).contains("permission denied").doesNotContain(".part");
            } finally {
                locked.toFile().setWritable(true);
            }
        }
    }

    /** predict: the CSV file, the model file, rows without a class. */
    @Nested
    class Predict {

        static Stream<Case> cases() {
            return Stream.of(
                    Case.refused("predict", "--model", MODEL, DIR + "/p1.csv").withModel()
                            .with("p1.csv", "x,y\n1,2\n3,abc\n")
                            .saying("p1.csv", "line 3", "\"y\"", "'abc' is not a number"),
                    Case.refused("predict", "--model", MODEL, DIR + "/p2.csv").withModel()
                            .with("p2.csv", "x,y\n1,2\n3\n").saying("p2.csv", "line 3 has 1 fields", "2 columns"),
                    Case.refused("predict", "--model", MODEL, DIR + "/p3.csv").withModel()
                            .with("p3.csv", "x,y,z\n1,2,3\n").saying("3 feature columns", "2 are needed"),
                    Case.refused("predict", "--model", MODEL, DIR + "/p4.csv").withModel()
                            .with("p4.csv", "x,y,kind\n1,2,cat\n").saying("3 feature columns [x, y, kind]", "--label"),
                    Case.refused("predict", "--model", DIR + "/model.json", DIR + "/p.csv").with("p.csv", "x,y\n1,2\n")
                            .with("model.json", "{\"format\": \"micrograd-mlp\", \"vers")
                            .saying("cannot use the model", "model.json",
                                    "written by 'micrograd demo' or 'micrograd train'"),
                    Case.refused("predict", "--model", DIR + "/nope.json", DIR + "/p.csv").with("p.csv", "x,y\n1,2\n")
                            .saying("nope.json", "no such file"),
                    Case.refused("predict", DIR + "/p.csv").with("p.csv", "x,y\n1,2\n")
                            .saying("Missing required option", "--model"),
                    Case.refused("predict", "--model", MODEL, "/dev/zero").withModel().saying("NUL character")
                            .onlyIf("/dev/zero is readable", () -> readable("/dev/zero")),
                    Case.refused("predict", "--model", "/dev/zero", DIR + "/p.csv").with("p.csv", "x,y\n1,2\n")
                            .saying("larger than 32 MB").onlyIf("/dev/zero is readable", () -> readable("/dev/zero")),
                    Case.refused("predict", "--model", DIR + "/huge-nin.json", DIR + "/q.csv")
                            .with("huge-nin.json", "{\"format\":\"micrograd-mlp\",\"version\":1,\"nin\":2147483647,"
                                    + "\"layers\":[2],\"hiddenActivation\":\"relu\",\"outputActivation\":\"linear\","
                                    + "\"parameters\":[]}")
                            .with("q.csv", "x,y\n1,2\n").saying("4294967296 parameters"),
                    // a model that names its classes answers in them; its names must fit the model
                    Case.accepted("predict", "--model", DIR + "/named.json", DIR + "/p.csv")
                            .with("named.json", namedModel("[ \"cat\", \"dog\" ]")).with("p.csv", "x,y\n-2,0\n3,0\n")
                            .saying("cat\ndog\n"),
                    Case.refused("predict", "--model", DIR + "/named.json", DIR + "/p.csv")
                            .with("named.json", namedModel("[ \"cat\", \"cat\" ]")).with("p.csv", "x,y\n1,2\n")
                            .saying("\"classes\" must list 2 distinct names, one per class"),
                    // no partial answer: a row for which the model outputs infinity has no class
                    Case.refused("predict", "--model", MODEL, DIR + "/huge.csv").withModel()
                            .with("huge.csv", "x,y\n1,2\n1e308,-1e308\n").saying("data row 2", "has no class"));
        }

        /** A one-output model of class 1 when x > 0, with {@code classes} as its "classes". */
        private static String namedModel(String classes) {
            return "{\"format\":\"micrograd-mlp\",\"version\":1,\"nin\":2,\"layers\":[1],\"hiddenActivation\":"
                    + "\"relu\",\"outputActivation\":\"linear\",\"classes\":" + classes + ",\"parameters\":[1,0,0]}";
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void table(Case c) throws IOException {
            check(c);
        }

        @Test
        void predictUsesTheModelsOwnOutputActivation() throws IOException {
            MLP sigmoid = MLP.builder(2).layers(1).output(Activation.SIGMOID).build();
            sigmoid.setParameterData(new double[] {1, 0, 0});              // sigmoid(x): above 0.5 exactly when x > 0
            Path model = dir.resolve("sigmoid.json");
            ModelFile.save(sigmoid, model);
            Path csv = Files.writeString(dir.resolve("points.csv"), "x,y\n-2,0\n3,0\n-0.5,9\n");
            CommandRun run = CommandRun.of("predict", "--model", model.toString(), csv.toString());
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out().lines()).containsExactly("0", "1", "0");
        }

        @Test
        void predictFindsTheModelsFeaturesByName() throws IOException {
            Path csv = Files.writeString(dir.resolve("shapes.csv"),
                    "width,height,label\n1,0,1\n0,1,0\n2,0.5,1\n0.5,2,0\n3,1,1\n1,3,0\n");
            Path out = dir.resolve("out");
            CommandRun trained = CommandRun.of("train", csv.toString(), "--steps", "60", "--layers", "4",
                    "--test-fraction", "0", "--out", out.toString());
            assertThat(trained.status()).as(trained.err()).isZero();
            Path model = out.resolve("shapes-model.json");
            assertThat(model).content().contains("\"features\" : [ \"width\", \"height\" ]");
            Path inOrder = Files.writeString(dir.resolve("in-order.csv"), "width,height\n4,0\n0,4\n");
            Path swapped = Files.writeString(dir.resolve("swapped.csv"), "height,extra,width\n0,9,4\n4,9,0\n");
            CommandRun straight = CommandRun.of("predict", "--model", model.toString(), inOrder.toString(), "--scores");
            CommandRun byName = CommandRun.of("predict", "--model", model.toString(), swapped.toString(), "--scores");
            assertThat(byName.status()).as(byName.err()).isZero();
            assertThat(byName.out()).isEqualTo(straight.out());
            check(Case.refused("predict", "--model", model.toString(), DIR + "/missing.csv")
                    .with("missing.csv", "width,depth\n1,2\n")
                    .saying("has no column \"height\"", "the header has [width, depth]"));
        }
    }

    /** grad: expressions, programs, the files it draws into, Graphviz. */
    @Nested
    class Grad {

        static Stream<Case> cases() {
            String out = DIR + "/out";
            return Stream.of(
                    Case.refused("grad", "a * (b + ", "a=1", "b=2").saying("invalid expression at column 10"),
                    Case.refused("grad", "a + c", "a=1").saying("column 5", "'c' has no value", "c=NUMBER"),
                    Case.refused("grad", "cosh(a)", "a=1").saying("column 1", "unknown function 'cosh'",
                            "exp, log, relu, sigmoid, tanh"),
                    Case.refused("grad", "a", "a=two").saying("'two'", "not a number"),
                    Case.refused("grad", "a", "a").saying("not a variable assignment", "NAME=NUMBER"),
                    Case.refused("grad", "a", "a=1", "a=2").saying("given twice"),
                    Case.refused("grad").saying("Missing required parameter", "EXPRESSION"),
                    Case.refused("grad", "a", "a=0x1p3").saying("'0x1p3' is not a number"),
                    Case.refused("grad", "a", "a=1.0\0").saying("'1.0\\u0000' is not a number"),
                    Case.refused("grad", "a = 1; a = 2").saying("invalid program at statement 2, column 8: 'a' is "
                            + "assigned twice"),
                    Case.refused("grad", "b = n + 1; n = 2").saying("invalid program at statement 1, column 5: 'n' is "
                            + "used before it is assigned (in statement 2)"),
                    Case.refused("grad", "a*2; b = 1", "a=1").saying("statement 1, column 1: this statement is not an "
                            + "assignment"),
                    Case.refused("grad", "a = 1;; b = a").saying("statement 2, column 7: an empty statement"),
                    Case.refused("grad", "a = 1", "--steps", "--json").saying("--steps and --json"),
                    // the files it draws into
                    Case.refused("grad", "a*b", "a=1", "b=2", "--svg", DIR + "/g.gif").saying(".svg or .png"),
                    Case.refused("grad", "a*b", "a=1", "b=2", "--dot", DIR + "/a-file/out/g.dot")
                            .with("a-file", "not a folder").saying("cannot create the output folder"),
                    Case.refused("grad", "a*b", "a=1", "b=2", "--dot", "/dev/null").saying("not a regular file")
                            .onlyIf("/dev/null exists", () -> Files.exists(Path.of("/dev/null"))),
                    Case.refused("grad", "a*b", "a=1", "b=2", "--dot", DIR + "/link.dot").with("real.dot", "mine")
                            .with("link.dot", "-> real.dot").saying("symbolic link"),
                    // a command that fails on its expression creates no folder
                    Case.refused("grad", "a*(b", "a=1", "b=2", "--dot", out + "/sub/g.dot").saying("invalid expression"),
                    Case.refused("grad", "a", "a=1d", "--svg", out + "/g.svg").saying("'1d' is not a number"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void table(Case c) throws IOException {
            check(c);
        }

        @Test
        void devNullIsNeverReplaced() {
            Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")));
            CommandRun.of("grad", "a*b", "a=1", "b=2", "--dot", "/dev/null");
            assertThat(Files.isRegularFile(Path.of("/dev/null"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        }

        @Test
        void missingGraphvizKeepsTheDotFileAndSaysHowToInstall() {
            GraphvizAvailability.withDot(dir.resolve("no-graphviz-here/dot").toString(), () -> {
                Path svg = dir.resolve("pictures/graph.svg");
                CommandRun run = CommandRun.of("grad", "a*b", "a=2", "b=3", "--svg", svg.toString());
                assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
                assertThat(run.out()).contains("value = 6.0", "d/da = 3.0"); // the numbers still come out
                assertThat(run.err().lines()).hasSize(1);
                assertThat(run.err()).contains("cannot draw " + svg, "apt-get install graphviz",
                        "DOT text is in " + dir.resolve("pictures/graph.dot")).doesNotContain("\tat ");
                assertThat(svg).doesNotExist();
                assertThat(dir.resolve("pictures/graph.dot")).content().startsWith("digraph micrograd {");
            });
        }

        @Test
        void theFallbackDotFileNeverOverwritesAFile() throws IOException {
            Path existing = Files.writeString(dir.resolve("graph.dot"), "the user's own file");
            GraphvizAvailability.withDot(dir.resolve("no-graphviz-here/dot").toString(), () -> {
                CommandRun run = CommandRun.of("grad", "a*b", "a=2", "b=3", "--svg", dir.resolve("graph.svg").toString());
                assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
                assertThat(run.err()).contains("was not saved", "graph.dot exists", "--dot FILE");
                assertThat(existing).hasContent("the user's own file");
            });
        }

        @Test
        void aDotProgramThatFailsAtOnceIsReportedByItsExitStatus() {
            GraphvizAvailability.withDot("false", () -> {
                CommandRun run = CommandRun.of("grad", "a*b", "a=2", "b=3", "--svg", dir.resolve("g.svg").toString());
                assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
                assertThat(run.err()).contains("false failed with exit status 1").doesNotContain("Stream closed");
            });
        }
    }

    /** gpt: sizes against the heap, bounded reads, --save checked before the training. */
    @Nested
    class Gpt {

        static Stream<Case> cases() {
            return Stream.of(
                    Case.refused("gpt", "--steps", "1000001").saying("--steps", "1,000,000"),
                    Case.refused("gpt", "--block-size", "100000").saying("block size 100000", "this Java may use",
                            "shorter block size"),
                    Case.refused("gpt", "--embd", "4096").saying("embd 4096", "this Java may use"),
                    Case.refused("gpt", "--layers", "5000").saying("layers 5000", "this Java may use"),
                    Case.refused("gpt", "--dataset", "/dev/zero").saying("/dev/zero", "16,000,000 characters"),
                    Case.refused("gpt", "--load", "/dev/zero").saying("/dev/zero", "larger than 32 MB"),
                    Case.refused("gpt", "--save", "/dev/null").saying("/dev/null"),
                    // stdout stays empty: refused before the first step prints a line
                    Case.refused("gpt", "--steps", "5", "--save", DIR + "/model.json").with("model.json", "/")
                            .saying("model.json", "a folder"),
                    Case.refused("gpt", "--steps", "5", "--save", DIR + "/link.json").with("link.json", "-> elsewhere.json")
                            .saying("link.json", "symbolic link"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void table(Case c) throws IOException {
            check(c);
        }
    }

    /** playground: the server's port and host, the export's folder. */
    @Nested
    class Playground {

        static Stream<Case> cases() {
            return Stream.of(
                    Case.refused("playground", "--port", "70000").saying("--port 70000 is not a port"),
                    Case.refused("playground", "--export", DIR + "/a-file/site").with("a-file", "x").saying("a-file"),
                    Case.refused("playground", "--export", "site", "--port", "8000")
                            .saying("--port is for serving", "--export"),
                    Case.refused("playground", "--export", "site", "--host", "0.0.0.0")
                            .saying("--host is for serving", "--export"),
                    Case.refused("playground", "--host", "").saying("--host is empty"),
                    Case.refused("playground", "--host", "no-such-host.invalid")
                            .saying("--host 'no-such-host.invalid' is not an address"),
                    Case.refused("playground", "--host", "192.0.2.1").saying("cannot serve on 192.0.2.1",
                            "give --host an address of this machine"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void table(Case c) throws IOException {
            check(c);
        }

        @Test
        void aPortInUseIsRefused() throws IOException {
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                check(Case.refused("playground", "--port", String.valueOf(taken.getLocalPort()))
                        .saying("cannot serve on 127.0.0.1 port " + taken.getLocalPort(), "choose another --port"));
            }
        }
    }

    /** bench --chart: checked before about 87 s of benchmarks. */
    @Nested
    class Bench {

        static Stream<Case> cases() {
            return Stream.of(
                    Case.refused("bench", "--chart", DIR + "/chain.svg").saying("chain.svg", "must end in .png"),
                    Case.refused("bench", "--chart", DIR + "/chart.png").with("chart.png", "/")
                            .saying("chart.png", "a folder"),
                    Case.refused("bench", "--chart", DIR + "/link.png").with("link.png", "-> elsewhere.png")
                            .saying("link.png", "symbolic link"),
                    Case.refused("bench", "--chart", "/proc/x.png").saying("/proc")
                            .onlyIf("/proc exists", () -> Files.isDirectory(Path.of("/proc/self"))));
        }

        /** Each case would otherwise be found out after the benchmarks; the time bounds them. */
        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void table(Case c) throws IOException {
            long started = System.nanoTime();
            check(c);
            assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(10);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Hostile input, generated from a fixed seed: bad command lines, CSV files, model files and expressions, hundreds
     * of each, run in-process through {@link Main#run}. Every one must end with exit status 0 or 2, at most two lines
     * on stderr and no stack trace, within {@link #MAX_MILLIS_EACH}, leaving no file outside its {@code --out} folder
     * and no temporary file anywhere. The figures (inputs per category, time) are printed for the record.
     */
    @Nested
    class Generated {

        static final long SEED = 14;
        static final long MAX_MILLIS_EACH = 15_000;

        private static final String[] NUMBERS = {"0", "-1", "1", "3", "2147483647", "-2147483648", "99999999999",
                "1e308", "-1e308", "1e400", "4.9e-324", "NaN", "Infinity", "-Infinity", "1d", "2f", "0x10", "0x1p3",
                "1_000", "", " ", "\0", "1.0\0", "\u0661", "+", "-", ".", "1e", "--", "abc", "1,2", "0.5", "-0.5",
                "1e6"};
        private static final String[] TEXTS = {"", ".", "..", "../escaped", "/etc/passwd", "a/b", "a\\b", "\0", "x\ny",
                "x".repeat(3000), "na\u00efve", "-", "--help", "a b", "\u202e", "label", "moons", "relu", "adam"};
        private static final String[] TRAIN_OPTIONS = {"--steps", "--samples", "--noise", "--classes", "--layers",
                "--lr", "--momentum", "--batch-size", "--l2", "--test-fraction", "--seed", "--workers", "--name",
                "--label", "--activation", "--init", "--loss", "--optimizer", "--schedule", "--dataset", "--gradient"};
        private static final String[] EXPRESSION_TOKENS = {"a", "b", "c", "(", ")", "+", "-", "*", "/", "**", "exp(",
                "log(", "tanh(", "relu(", "sigmoid(", "2", "0", "-1", "1e308", "1e-320", "0x1p3", "1d", "NaN", "\0",
                "\u00e9", "#", ",", " ", "a1", "_", "e", "1.2.3", "cosh("};

        private final SplittableRandom random = new SplittableRandom(SEED);
        private Path inputs;
        private Path model;
        private int runs;
        private int accepted;
        private int refused;

        @BeforeEach
        void prepare() throws IOException {
            inputs = Files.createDirectory(dir.resolve("inputs"));
            model = TrainedModel.moonsModel(inputs);
        }

        private String pick(String[] choices) {
            return choices[random.nextInt(choices.length)];
        }

        private Path newOut() {
            return dir.resolve("out-" + (runs + 1));
        }

        /** Runs {@code args}, checks the run is clean, and returns it. */
        private CommandRun runClean(String category, String... args) throws IOException {
            runs++;
            long started = System.nanoTime();
            CommandRun run = CommandRun.of(args);
            long millis = (System.nanoTime() - started) / 1_000_000;
            String what = category + " input " + runs + ": " + String.join(" ", args).replace("\0", "\\0");
            String shown = what.length() > 300 ? what.substring(0, 300) + "..." : what;
            assertThat(run.status()).as("exit status of %s; stderr: %s", shown, run.err())
                    .isIn(Main.OK, Main.BAD_INPUT);
            assertThat(run.err().lines().count()).as("stderr lines of %s: %s", shown, run.err())
                    .isLessThanOrEqualTo(2);
            assertThat(run.err()).as("stderr of %s", shown).doesNotContain("\tat ", "Exception", "Error:");
            assertThat(millis).as("milliseconds taken by %s", shown).isLessThan(MAX_MILLIS_EACH);
            if (run.status() == Main.OK) {
                accepted++;
            } else {
                refused++;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.toList()) {
                    Path relative = dir.relativize(file);
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
            System.out.printf(Locale.ROOT, "hostile input suite: %d %s, all clean (%d runs exit 0, %d exit 2), "
                    + "in %.1f s%n", count, name, accepted, refused, (System.nanoTime() - started) / 1e9);
            assertThat(refused).as("the generator makes mostly bad input").isGreaterThan(accepted / 2);
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
            String[] fields = {"\"nin\" : 2", "\"version\" : 1", "\"layers\" : [ 8, 1 ]",
                    "\"hiddenActivation\" : \"relu\"", "\"outputActivation\" : \"linear\"",
                    "\"format\" : \"micrograd-mlp\""};
            String[] replacements = {"2147483647", "-1", "0", "1e400", "\"2\"", "null", "[]",
                    "[ 2147483647, 2147483647 ]", "[ -1 ]", "\"sigmoid\"", "\"swish\"", "{}", "true", "3", "99",
                    "[ 1, [ 2 ] ]", "\"micrograd-mlp \"", "1.5", "[ " + "1, ".repeat(2000) + "1 ]"};
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
    }
}
