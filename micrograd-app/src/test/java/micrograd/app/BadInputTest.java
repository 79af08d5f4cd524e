package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import micrograd.testsupport.GraphvizAvailability;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: one line on stderr naming the problem and what to do, exit status 2, no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private static CommandRun assertBadInput(CommandRun run, String... mentions) {
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err().lines()).as("stderr is one line").hasSize(1);
        assertThat(run.err()).contains(mentions).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
        return run;
    }

    @Test
    void unknownCommand() {
        assertBadInput(CommandRun.of("frobnicate"), "unknown command 'frobnicate'",
                "demo, train, predict, grad, lesson, notebooks, bench, jshell, gpt, playground", "micrograd --help");
    }

    @Test
    void playgroundBadPortOrExportFolder() throws IOException {
        assertBadInput(CommandRun.of("playground", "--port", "70000"), "--port 70000 is not a port");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertBadInput(CommandRun.of("playground", "--export", file.resolve("site").toString()), "a-file");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertBadInput(CommandRun.of("playground", "--port", String.valueOf(taken.getLocalPort())),
                    "cannot serve on 127.0.0.1 port " + taken.getLocalPort(), "choose another --port");
        }
    }

    @Test
    void noCommand() {
        assertBadInput(CommandRun.of(), "missing command", "micrograd --help");
    }

    @Test
    void unknownOption() {
        assertBadInput(CommandRun.of("demo", "--speed", "11"), "Unknown option", "--speed", "micrograd demo --help");
        assertBadInput(CommandRun.of("train", "--layrs", "4"), "--layrs", "micrograd train --help");
        assertBadInput(CommandRun.of("grad", "a", "a=1", "--frob"), "unknown option '--frob'", "micrograd grad --help");
    }

    @Test
    void badOptionValues() {
        assertBadInput(CommandRun.of("train", "--steps", "many"), "--steps", "many");
        assertBadInput(CommandRun.of("train", "--loss", "cubic"), "unknown loss", "hinge, mse, logistic, softmax");
        assertBadInput(CommandRun.of("train", "--activation", "swish"), "unknown activation");
        assertBadInput(CommandRun.of("train", "--init", "he"), "unknown initialisation", "uniform, xavier, kaiming");
        assertBadInput(CommandRun.of("train", "--steps", "0", "--out", dir.toString()), "--steps must be from 1", "'0'");
        assertBadInput(CommandRun.of("demo", "--seed", "-1", "--out", dir.toString()), "--seed", "0 to 4294967295");
        assertBadInput(CommandRun.of("train", "--workers", "0", "--out", dir.toString()), "--workers must be from 1");
        assertBadInput(CommandRun.of("train", "--workers", "100000", "--out", dir.toString()), "--workers must be from 1",
                "--force-workers");
        assertBadInput(CommandRun.of("train", "--workers", "2", "--batch-size", "16", "--out", dir.toString()),
                "--workers", "--batch-size 0");
        assertBadInput(CommandRun.of("train", "--gradient", "tape", "--batch-size", "16", "--out", dir.toString()),
                "--gradient tape computes the full batch");
        assertBadInput(CommandRun.of("demo", "--gradient", "graph", "--workers", "2", "--out", dir.toString()),
                "--workers goes with --gradient parallel or auto");
        assertBadInput(CommandRun.of("train", "--gradient", "tape", "--loss", "softmax", "--dataset", "spirals",
                "--out", dir.toString()), "--gradient tape replays a graph of fixed shape", "--gradient graph");
        assertBadInput(CommandRun.of("demo", "--gradient", "fastest"), "--gradient", "AUTO, GRAPH, TAPE, PARALLEL");
    }

    @Test
    void unknownDataset() {
        assertBadInput(CommandRun.of("train", "--dataset", "mnist"), "--dataset", "mnist", "MOONS, CIRCLES, BLOBS, SPIRALS");
    }

    @Test
    void modelThatDoesNotFitTheData() {
        assertBadInput(CommandRun.of("train", "--dataset", "blobs", "--loss", "hinge", "--out", dir.toString()),
                "hinge loss is for 2 classes", "softmax");
    }

    @Test
    void malformedCsvForTraining() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "x,y,label\n1,2,0\n3,oops,1\n");
        assertBadInput(CommandRun.of("train", csv.toString(), "--out", dir.toString()),
                "bad.csv", "line 3", "\"y\"", "oops", "fix the file");
        assertBadInput(CommandRun.of("train", csv.toString(), "--label", "class"), "no label column \"class\"");
        assertBadInput(CommandRun.of("train", dir.resolve("missing.csv").toString()), "missing.csv", "no such file");
    }

    @Test
    void malformedCsvForPrediction() throws IOException {
        Path model = TrainedModel.moonsModel(dir);
        Path notNumber = Files.writeString(dir.resolve("p1.csv"), "x,y\n1,2\n3,abc\n");
        Path shortRow = Files.writeString(dir.resolve("p2.csv"), "x,y\n1,2\n3\n");
        Path tooWide = Files.writeString(dir.resolve("p3.csv"), "x,y,z\n1,2,3\n");
        assertBadInput(CommandRun.of("predict", "--model", model.toString(), notNumber.toString()),
                "p1.csv", "line 3", "\"y\"", "'abc' is not a number");
        assertBadInput(CommandRun.of("predict", "--model", model.toString(), shortRow.toString()),
                "p2.csv", "line 3 has 1 fields", "2 columns");
        assertBadInput(CommandRun.of("predict", "--model", model.toString(), tooWide.toString()),
                "3 feature columns", "2 are needed");
        Path textLabels = Files.writeString(dir.resolve("p4.csv"), "x,y,kind\n1,2,cat\n");
        assertBadInput(CommandRun.of("predict", "--model", model.toString(), textLabels.toString()),
                "3 feature columns [x, y, kind]", "--label");
    }

    @Test
    void unreadableModelFile() throws IOException {
        Path csv = Files.writeString(dir.resolve("p.csv"), "x,y\n1,2\n");
        Path garbage = Files.writeString(dir.resolve("model.json"), "{\"format\": \"micrograd-mlp\", \"vers");
        assertBadInput(CommandRun.of("predict", "--model", garbage.toString(), csv.toString()),
                "cannot use the model", "model.json", "written by 'micrograd demo' or 'micrograd train'");
        assertBadInput(CommandRun.of("predict", "--model", dir.resolve("nope.json").toString(), csv.toString()),
                "nope.json", "no such file");
        assertBadInput(CommandRun.of("predict", csv.toString()), "Missing required option", "--model");
    }

    @Test
    void invalidExpressions() {
        assertBadInput(CommandRun.of("grad", "a * (b + ", "a=1", "b=2"), "invalid expression at column 10");
        assertBadInput(CommandRun.of("grad", "a + c", "a=1"), "column 5", "'c' has no value", "c=NUMBER");
        assertBadInput(CommandRun.of("grad", "cosh(a)", "a=1"), "column 1", "unknown function 'cosh'",
                "exp, log, relu, sigmoid, tanh");
        assertBadInput(CommandRun.of("grad", "a", "a=two"), "'two'", "not a number");
        assertBadInput(CommandRun.of("grad", "a", "a"), "not a variable assignment", "NAME=NUMBER");
        assertBadInput(CommandRun.of("grad", "a", "a=1", "a=2"), "given twice");
        assertBadInput(CommandRun.of("grad"), "Missing required parameter", "EXPRESSION");
    }

    @Test
    void invalidPrograms() {
        assertBadInput(CommandRun.of("grad", "a = 1; a = 2"), "invalid program at statement 2, column 8: 'a' is "
                + "assigned twice");
        assertBadInput(CommandRun.of("grad", "b = n + 1; n = 2"), "invalid program at statement 1, column 5: 'n' is "
                + "used before it is assigned (in statement 2)");
        assertBadInput(CommandRun.of("grad", "a*2; b = 1", "a=1"), "statement 1, column 1: this statement is not an "
                + "assignment");
        assertBadInput(CommandRun.of("grad", "a = 1;; b = a"), "statement 2, column 7: an empty statement");
        assertBadInput(CommandRun.of("grad", "a = 1", "--steps", "--json"), "--steps and --json");
    }

    @Test
    void outputFolderThatCannotBeCreated() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path impossible = file.resolve("out");
        assertBadInput(CommandRun.of("demo", "--out", impossible.toString()),
                "cannot create the output folder", impossible.toString(), "choose a folder you can write to");
        assertBadInput(CommandRun.of("train", "--out", impossible.toString()), "cannot create the output folder");
        assertBadInput(CommandRun.of("grad", "a*b", "a=1", "b=2", "--dot", impossible.resolve("g.dot").toString()),
                "cannot create the output folder");
    }

    @Test
    void unsupportedPictureFormat() {
        assertBadInput(CommandRun.of("grad", "a*b", "a=1", "b=2", "--svg", dir.resolve("g.gif").toString()),
                ".svg or .png");
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
    void divergedTrainingWritesNothingAndLeavesThePreviousRunsFiles() throws IOException {
        CommandRun first = CommandRun.of("train", "--steps", "5", "--out", dir.toString());
        assertThat(first.status()).as(first.err()).isZero();
        byte[] model = Files.readAllBytes(dir.resolve("moons-model.json"));
        byte[] picture = Files.readAllBytes(dir.resolve("moons-training.png"));
        CommandRun run = CommandRun.of("train", "--lr", "1e6", "--steps", "50", "--out", dir.toString());
        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("the training diverged at step", "lower the learning rate", "nothing was written")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("moons-model.json")).hasBinaryContent(model);
        assertThat(dir.resolve("moons-training.png")).hasBinaryContent(picture);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(3);
        }
    }

    @Test
    void divergenceUnderAHugeL2SaysToLowerIt() {
        CommandRun run = CommandRun.of("train", "--l2", "1e308", "--steps", "5", "--out", dir.toString());
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err().lines()).as("stderr is one line").hasSize(1);
        assertThat(run.err()).contains("the training diverged at step", "lower the learning rate or the L2 strength",
                "--l2");
    }

    @Test
    void aLinkWhereAFileOfTheRunGoesIsNamedNotTheFolder() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve("moons-model.json"), dir.resolve("elsewhere.json"));
        CommandRun run = CommandRun.of("train", "--steps", "1", "--out", out.toString());
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("cannot write " + link.toAbsolutePath() + ": it is a symbolic link",
                "nothing was written");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void unknownLesson() {
        assertBadInput(CommandRun.of("lesson", "99"), "micrograd lesson: there is no lesson '99'",
                "run 'micrograd lesson' to list them");
        assertBadInput(CommandRun.of("lesson", "four"), "there is no lesson 'four'");
    }

    @Test
    void argumentsWhereNoneAreExpected() {
        assertBadInput(CommandRun.of("lesson", "1", "2"), "'2'", "micrograd lesson --help");
        assertBadInput(CommandRun.of("notebooks", "lessons"), "'lessons'", "micrograd notebooks --help");
        assertBadInput(CommandRun.of("bench", "quick"), "'quick'", "micrograd bench --help");
        assertBadInput(CommandRun.of("jshell", "script.jsh"), "'script.jsh'", "micrograd jshell --help");
    }

    @Test
    void benchChartThatIsNotAPng() {
        assertBadInput(CommandRun.of("bench", "--chart", dir.resolve("chain.svg").toString()), "chain.svg",
                "must end in .png");
        assertThat(dir).isEmptyDirectory();
    }

    /** Command lines refused with one line naming the problem (round 3 of the hostile-input campaign). */
    static Stream<Arguments> refusedCommandLines() {
        return Stream.of(
                Arguments.of(List.of("playground", "--export", ""), List.of("--export", "empty name")),
                Arguments.of(List.of("playground", "--export", " "), List.of("--export", "empty name")),
                Arguments.of(List.of("demo", "--out", ""), List.of("--out", "empty name")),
                Arguments.of(List.of("train", "--out", ""), List.of("--out", "empty name")),
                Arguments.of(List.of("playground", "--export", "site", "--port", "8000"),
                        List.of("--port is for serving", "--export")),
                Arguments.of(List.of("playground", "--export", "site", "--host", "0.0.0.0"),
                        List.of("--host is for serving", "--export")),
                Arguments.of(List.of("playground", "--host", ""), List.of("--host is empty")),
                Arguments.of(List.of("playground", "--host", "no-such-host.invalid"),
                        List.of("--host 'no-such-host.invalid' is not an address")),
                Arguments.of(List.of("playground", "--host", "192.0.2.1"), List.of("cannot serve on 192.0.2.1",
                        "give --host an address of this machine")),
                Arguments.of(List.of("train", "--seed", "\u0661"), List.of("--seed", "digits 0-9")),
                Arguments.of(List.of("train", "--steps", "\u0661"), List.of("--steps", "digits 0-9")),
                Arguments.of(List.of("train", "--workers", "\u0661"), List.of("--workers", "digits 0-9")),
                Arguments.of(List.of("demo", "--seed", "\uff11"), List.of("--seed", "digits 0-9")),
                Arguments.of(List.of("gpt", "--steps", "\u0968"), List.of("--steps", "digits 0-9")),
                Arguments.of(List.of("train", "--steps", "0x10"), List.of("--steps", "digits 0-9")),
                Arguments.of(List.of("train", "--steps", "99999999999999999999"), List.of("--steps", "digits 0-9")),
                Arguments.of(List.of("grad", "a+\u001b[31mb", "a=1"), List.of("\\u001b")),
                Arguments.of(List.of("train", "--name", "x\u009b2J"), List.of("\\u009b")),
                Arguments.of(List.of("gpt", "--steps", "1000001"), List.of("--steps", "1,000,000")),
                Arguments.of(List.of("gpt", "--block-size", "100000"), List.of("block size 100000", "this Java may use",
                        "shorter block size")),
                Arguments.of(List.of("gpt", "--embd", "4096"), List.of("embd 4096", "this Java may use")),
                Arguments.of(List.of("gpt", "--layers", "5000"), List.of("layers 5000", "this Java may use")),
                Arguments.of(List.of("gpt", "--dataset", "/dev/zero"), List.of("/dev/zero", "16,000,000 characters")),
                Arguments.of(List.of("gpt", "--load", "/dev/zero"), List.of("/dev/zero", "larger than 32 MB")),
                Arguments.of(List.of("gpt", "--save", "/dev/null"), List.of("/dev/null")),
                Arguments.of(List.of("gpt", "--save", ""), List.of("--save", "empty name")),
                Arguments.of(List.of("train", "--momentum", "0.5", "--steps", "1"),
                        List.of("--momentum", "--optimizer momentum")),
                Arguments.of(List.of("train", "missing.csv", "--samples", "50"), List.of("--samples", "CSV")),
                Arguments.of(List.of("train", "missing.csv", "--noise", "0.1"), List.of("--noise", "CSV")),
                Arguments.of(List.of("train", "missing.csv", "--classes", "4"), List.of("--classes", "CSV")),
                Arguments.of(List.of("train", "--layers", "16", "--layers", "8", "--steps", "1"),
                        List.of("--layers", "given twice", "--layers 16,8")),
                Arguments.of(List.of("train", "--layers", "1,".repeat(100_000) + "1", "--steps", "1"),
                        List.of("--layers", "at most 100 hidden layers")));
    }

    @ParameterizedTest
    @MethodSource("refusedCommandLines")
    void refusedWithOneLine(List<String> args, List<String> mentions) {
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err().lines()).as("stderr is one line: %s", run.err()).hasSize(1);
        assertThat(run.err()).contains(mentions).doesNotContain("Exception", "\tat ", "\u001b", "\u009b");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void gptSaveTargetsAreRefusedBeforeTheTraining() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("model.json"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("elsewhere.json"));
        // stdout stays empty: refused before the first step prints a line
        assertBadInput(CommandRun.of("gpt", "--steps", "5", "--save", folder.toString()), "model.json", "a folder");
        assertBadInput(CommandRun.of("gpt", "--steps", "5", "--save", link.toString()), "link.json", "symbolic link");
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

    @Test
    void benchChartTargetsAreRefusedBeforeTheMeasuring() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("chart.png"));
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), dir.resolve("elsewhere.png"));
        // each would otherwise be found out after about 87 s of benchmarks; the test's time bounds them
        long started = System.nanoTime();
        assertBadInput(CommandRun.of("bench", "--chart", folder.toString()), "chart.png", "a folder");
        assertBadInput(CommandRun.of("bench", "--chart", link.toString()), "link.png", "symbolic link");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertBadInput(CommandRun.of("bench", "--chart", "/proc/x.png"), "/proc");
        }
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(10);
    }
}
