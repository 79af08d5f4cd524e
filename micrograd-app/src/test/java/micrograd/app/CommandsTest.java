package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.engine.Value;
import micrograd.expr.Program;
import micrograd.graph.BackwardSteps;
import micrograd.io.ModelFile;
import micrograd.nn.MLP;
import micrograd.plot.ChartFiles;
import micrograd.plot.Classifier;
import micrograd.plot.DecisionBoundaryPlot;
import micrograd.testsupport.GraphvizAvailability;
import micrograd.train.Metrics;
import micrograd.train.MicrogradDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands run in-process. */
class CommandsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"demo", "train", "predict", "grad", "lesson", "notebooks", "bench", "jshell", "gpt",
            "playground"})
    void everyCommandHasHelp(String command) {
        CommandRun run = CommandRun.of(command, "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: micrograd " + command);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void topLevelHelpListsEveryCommandWithADescriptionAndVersion() {
        CommandRun help = CommandRun.of("--help");
        assertThat(help.out()).startsWith("Usage: micrograd");
        for (String command : List.of("demo", "train", "predict", "grad", "lesson", "notebooks", "bench", "jshell",
                "gpt", "playground")) {
            assertThat(help.out()).as("the command list").containsPattern("(?m)^  " + command + " +\\S");
        }
        CommandRun version = CommandRun.of("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).matches("micrograd \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .*\\)\\R");
    }

    @Test
    void gradPrintsValueAndGradientsOfTheReadmeExpression() {
        String c = "(((a + b) + (a + b) + 1) + 1 + ((a + b) + (a + b) + 1) + (-a))";
        String d1 = "(a * b + b**3)";
        String d2 = "(" + d1 + " + " + d1 + " * 2 + relu(b + a))";
        String d = "(" + d2 + " + 3 * " + d2 + " + relu(b - a))";
        String f = "((" + c + " - " + d + ")**2)";
        CommandRun run = CommandRun.of("grad", f + " / 2.0 + 10.0 / " + f, "a=-4", "b=2");
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(number(lines.get(0), "value = ")).isCloseTo(24.70408163265306, within(1e-12));
        assertThat(number(lines.get(1), "d/da = ")).isCloseTo(138.83381924198252, within(1e-9));
        assertThat(number(lines.get(2), "d/db = ")).isCloseTo(645.5772594752187, within(1e-9));
    }

    /**
     * {@code grad} takes the lecture's program: a gradient line per name, then with {@code --steps} the backward pass,
     * one line per step, the lines of {@link BackwardSteps#summary()}, which the page shows.
     */
    @Test
    void gradTakesAProgramAndPrintsItsSteps() {
        String program = "a = 2.0; b = -3.0; c = 10.0; e = a*b; d = e + c; f = -2.0; L = d*f";
        CommandRun run = CommandRun.of("grad", program, "--steps");
        assertThat(run.status()).as(run.err()).isZero();
        Value output = Program.parse(program, Map.of()).output();
        output.backward();
        List<String> expected = new java.util.ArrayList<>(List.of("value = -8.0", "d/da = 6.0", "d/db = -4.0",
                "d/dc = -2.0", "d/de = -2.0", "d/dd = -2.0", "d/df = 4.0", "d/dL = 1.0"));
        expected.addAll(new BackwardSteps(output).summary());
        assertThat(run.out().lines().toList()).isEqualTo(expected).hasSize(8 + 4);
    }

    @Test
    void gradJsonOfAProgramLabelsEveryNode() throws IOException {
        CommandRun run = CommandRun.of("grad", "x1 = 2.0; x2 = 0.0; w1 = -3.0; w2 = 1.0; b = 6.8813735870195432; "
                + "n = x1*w1 + x2*w2 + b; o = tanh(n)", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> labels = new java.util.ArrayList<>();
        new ObjectMapper().readTree(run.out()).get("nodes").forEach(node -> labels.add(node.get("label").asText()));
        assertThat(labels).containsExactly("x1", "w1", "x1*w1", "x2", "w2", "x2*w2", "x1*w1 + x2*w2", "b", "n", "o");
    }

    @Test
    void gradJsonPrintsTheGraphWithEveryGradient() throws IOException {
        Path dot = dir.resolve("json.dot");
        CommandRun run = CommandRun.of("grad", "(a*b + c) * f", "a=2", "b=-3", "c=10", "f=-2", "--json",
                "--dot", dot.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo(String.format("wrote %s%n", dot));
        JsonNode json = new ObjectMapper().readTree(run.out());
        Map<String, Double> grads = new HashMap<>();
        json.get("nodes").forEach(node -> grads.put(node.get("label").asText(), node.get("grad").doubleValue()));
        assertThat(grads).containsEntry("a", 6.0).containsEntry("b", -4.0).containsEntry("c", -2.0)
                .containsEntry("f", 4.0).containsEntry("out", 1.0);
        JsonNode root = json.get("nodes").get(json.get("root").intValue());
        assertThat(root.get("data").doubleValue()).isEqualTo(-8.0);
        assertThat(root.get("op").asText()).isEqualTo("multiplication");
    }

    @Test
    void playgroundExportWritesTheWholeStaticSite() throws IOException {
        Path site = dir.resolve("site");
        CommandRun run = CommandRun.of("playground", "--export", site.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("wrote the playground (27 files) to " + site);
        assertThat(Files.readString(site.resolve("index.html"))).contains("<script src=\"engine.js\" defer>",
                "<script src=\"gpt.js\" defer>");
        assertThat(Files.readString(site.resolve("engine.js"))).contains("engine-worker.js", "micrograd.js");
        assertThat(Files.readString(site.resolve("engine-worker.js"))).contains("micrograd.wasm", "micrograd.js");
        assertThat(Files.readString(site.resolve("micrograd.js"))).contains("dotAfter");
        assertThat(Files.readAllBytes(site.resolve("micrograd.wasm"))).startsWith(0, 'a', 's', 'm');
        assertThat(Files.size(site.resolve("viz/full.render.js"))).isGreaterThan(1_000_000);
        try (Stream<Path> files = Files.walk(site)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(27);
        }
    }

    @Test
    void gradOfAnExpressionStartingWithMinus() {
        CommandRun run = CommandRun.of("grad", "-a*b", "a=2", "b=-3");
        assertThat(run.out()).isEqualTo(String.format("value = 6.0%nd/da = 3.0%nd/db = -2.0%n"));
    }

    @Test
    void gradWritesTheDotFile() throws IOException {
        Path dot = dir.resolve("graphs/neuron.dot");
        CommandRun run = CommandRun.of("grad", "relu(b + w1*x1 + w2*x2)", "x1=1.0", "x2=-2.0",
                "w1=0.23550571390294128", "w2=0.06653114721000164", "b=0", "--dot", dot.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("wrote " + dot);
        assertThat(Files.readString(dot)).contains("{ out | data 0.1024 | grad 1.0000 }",
                "{ w1 | data 0.2355 | grad 1.0000 }", "{ x2 | data -2.0000 | grad 0.0665 }", "label=\"ReLU\"");
    }

    @Test
    void gradDrawsSvgAndPng() throws Exception {
        GraphvizAvailability.require();
        Path svg = dir.resolve("g.svg");
        Path png = dir.resolve("g.png");
        CommandRun run = CommandRun.of("grad", "(a*b + c) * f", "a=2", "b=-3", "c=10", "f=-2",
                "--svg", svg.toString(), "--png", png.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(svg)).contains("<svg", "grad 6.0000");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(image.getHeight());
    }

    @Test
    void demoTrainsMicrogradsModelAndWritesPicturesAndModel() throws Exception {
        Path out = dir.resolve("demo-out");
        CommandRun run = CommandRun.of("demo", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("MLP of [Layer of [ReLUNeuron(2), ").endsWith("Layer of [LinearNeuron(16)]]");
        assertThat(lines.get(1)).isEqualTo("number of parameters 337");
        List<String> steps = lines.stream().filter(line -> line.startsWith("step ")).toList();
        assertThat(steps).hasSize(100);
        // micrograd's demo.ipynb logs exactly these (its random.seed(1337) and np.random.seed(1337), replayed)
        assertThat(steps.get(0)).isEqualTo("step 0 loss 0.8958441028683222, accuracy 50.0%");
        assertThat(steps.get(10)).endsWith("accuracy 91.0%");
        assertThat(steps.get(99)).startsWith("step 99 loss ");
        String finalLine = lines.stream().filter(line -> line.startsWith("final accuracy")).findFirst().orElseThrow();
        assertThat(finalLine).isEqualTo("final accuracy 100.0% on 100 points");

        Path boundary = out.resolve("moons-decision-boundary.png");
        Path training = out.resolve("moons-training.png");
        Path model = out.resolve("moons-model.json");
        assertThat(lines.subList(lines.size() - 3, lines.size()))
                .containsExactly("wrote " + boundary, "wrote " + training, "wrote " + model);
        assertThat(ImageIO.read(boundary.toFile())).isNotNull();
        assertThat(ImageIO.read(training.toFile())).isNotNull();

        // the saved model is the trained one: same accuracy on the demo's moons
        MLP loaded = ModelFile.load(model);
        Dataset moons = new MicrogradDemo().moons();
        assertThat(Metrics.accuracy(loaded, moons)).isEqualTo(1.0);
        // both classes' region colours are in the picture
        BufferedImage picture = ImageIO.read(boundary.toFile());
        assertThat(countColour(picture, DecisionBoundaryPlot.REGION_COLORS[0].getRGB())).isGreaterThan(10_000);
        assertThat(countColour(picture, DecisionBoundaryPlot.REGION_COLORS[1].getRGB())).isGreaterThan(10_000);
    }

    @Test
    void demoRunsTheObjectGraphByDefaultAndTheFastPathsGiveItsNumbers() {
        CommandRun graph = CommandRun.of("demo", "--out", dir.resolve("graph").toString());
        CommandRun tape = CommandRun.of("demo", "--out", dir.resolve("tape").toString(), "--gradient", "tape");
        CommandRun parallel = CommandRun.of("demo", "--out", dir.resolve("parallel").toString(), "--workers", "2",
                "--gradient", "parallel");
        assertThat(graph.out()).contains("gradient=graph)");
        assertThat(tape.out()).contains("gradient=tape)");
        assertThat(parallel.out()).contains("gradient=parallel(2 workers))");
        assertThat(losses(tape)).isEqualTo(losses(graph)); // bit for bit
        List<Double> single = losses(graph);
        List<Double> split = losses(parallel);
        for (int k = 0; k < single.size(); k++) {
            assertThat(split.get(k)).as("step %d", k).isCloseTo(single.get(k), within(1e-9 * Math.abs(single.get(k))));
        }
    }

    @Test
    void demoIsReproducible() {
        CommandRun first = CommandRun.of("demo", "--out", dir.resolve("1").toString(), "--seed", "3");
        CommandRun second = CommandRun.of("demo", "--out", dir.resolve("2").toString(), "--seed", "3");
        assertThat(steps(first)).isEqualTo(steps(second)).hasSize(100);
    }

    @Test
    void trainOnSpiralsWithAdamReportsTrainAndTestAccuracy() {
        CommandRun run = CommandRun.of("train", "--dataset", "spirals", "--classes", "3", "--samples", "150",
                "--layers", "16,16", "--optimizer", "adam", "--lr", "0.05", "--steps", "60", "--init", "kaiming",
                "--out", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Layer of [LinearNeuron(16), LinearNeuron(16), LinearNeuron(16)]",
                "loss=softmax", "Adam(", "linearDecay(0.05 -> 0.005 over 60 steps)");
        assertThat(run.out()).containsPattern("train accuracy \\d+\\.\\d% on 120 points, test accuracy \\d+\\.\\d% on 30 points");
        assertThat(dir.resolve("spirals-decision-boundary.png")).exists();
        assertThat(dir.resolve("spirals-training.png")).exists();
        assertThat(dir.resolve("spirals-model.json")).exists();
    }

    @Test
    void trainOnACsvFileWithTextLabelsAndMoreThanTwoFeatures() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,kind\n");
        Dataset blobs = Datasets.blobs(60, 2, 0.5, 11);
        for (int i = 0; i < blobs.size(); i++) {
            double[] x = blobs.row(i);
            csv.append(x[0]).append(',').append(x[1]).append(',').append(x[0] - x[1]).append(',')
                    .append(blobs.label(i) == 0 ? "cat" : "dog").append('\n');
        }
        Path file = Files.writeString(dir.resolve("pets.csv"), csv);
        CommandRun run = CommandRun.of("train", file.toString(), "--label", "kind", "--layers", "4", "--loss",
                "logistic", "--schedule", "constant", "--lr", "0.1", "--steps", "30", "--out", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("loss=logistic", "constant(0.1)",
                "(no decision-boundary picture: the data has 3 features, the picture needs 2)",
                "wrote " + dir.resolve("pets-training.png"), "wrote " + dir.resolve("pets-model.json"));
        assertThat(dir.resolve("pets-decision-boundary.png")).doesNotExist();
    }

    @Test
    void predictPrintsOneClassPerRowAsTheModelDecides() throws IOException {
        Path model = TrainedModel.moonsModel(dir);
        MLP loaded = ModelFile.load(model);
        Dataset points = Datasets.moons(25, 0.2, 99);
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int i = 0; i < points.size(); i++) {
            csv.append(points.row(i)[0]).append(',').append(points.row(i)[1]).append(',').append(points.label(i)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("points.csv"), csv);

        CommandRun run = CommandRun.of("predict", "--model", model.toString(), file.toString(), "--scores");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(points.size());
        Classifier classifier = Classifier.of(loaded);
        for (int i = 0; i < points.size(); i++) {
            String[] fields = lines.get(i).split(",");
            assertThat(Integer.parseInt(fields[0])).isEqualTo(classifier.classify(points.row(i)));
            assertThat(Double.parseDouble(fields[1])).isCloseTo(loaded.predict(points.row(i))[0], within(1e-6));
            assertThat(Integer.parseInt(fields[0])).isEqualTo(Double.parseDouble(fields[1]) > 0 ? 1 : 0);
        }
    }

    @Test
    void predictAnswersInTheLabelsOfTheCsvTheModelWasTrainedOn() throws IOException {
        Dataset blobs = Datasets.blobs(60, 2, 0.5, 11);
        for (List<String> labels : List.of(List.of("1", "2"), List.of("cat", "dog"))) {
            StringBuilder csv = new StringBuilder("x,y,label\n");
            for (int i = 0; i < blobs.size(); i++) {
                double[] x = blobs.row(i);
                csv.append(x[0]).append(',').append(x[1]).append(',').append(labels.get(blobs.label(i))).append('\n');
            }
            Path file = Files.writeString(dir.resolve("labelled.csv"), csv);
            for (String loss : List.of("hinge", "softmax")) { // one output, and one output per class
                CommandRun trained = CommandRun.of("train", file.toString(), "--loss", loss, "--layers", "4",
                        "--steps", "40", "--test-fraction", "0", "--out", dir.toString());
                assertThat(trained.status()).as(trained.err()).isZero();
                CommandRun run = CommandRun.of("predict", "--model", dir.resolve("labelled-model.json").toString(),
                        file.toString());
                assertThat(run.status()).as(run.err()).isZero();
                assertThat(run.out().lines().distinct()).as("%s, %s loss", labels, loss)
                        .containsExactlyInAnyOrderElementsOf(labels);
            }
        }
    }

    @Test
    void eachRunWritesItsOwnIdIntoEveryFileItWrites() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String folder : List.of("first", "second")) {
            Path out = dir.resolve(folder);
            CommandRun run = CommandRun.of("train", "--steps", "2", "--out", out.toString());
            assertThat(run.status()).as(run.err()).isZero();
            String id = ModelFile.read(out.resolve("moons-model.json")).run();
            assertThat(id).isNotEmpty();
            for (String picture : List.of("moons-decision-boundary.png", "moons-training.png")) {
                assertThat(ChartFiles.pngText(out.resolve(picture))).as(picture)
                        .containsEntry(TrainingSession.RUN_KEYWORD, id);
            }
            ids.add(id);
        }
        assertThat(ids.get(0)).as("two runs, two ids: a picture of one run next to the model of the other is told")
                .isNotEqualTo(ids.get(1));
    }

    private static double number(String line, String prefix) {
        assertThat(line).startsWith(prefix);
        return Double.parseDouble(line.substring(prefix.length()));
    }

    @Test
    void trainWithTwoWorkersFollowsTheSingleThreadRun() {
        String[] options = {"train", "--dataset", "moons", "--samples", "120", "--steps", "30", "--test-fraction", "0"};
        CommandRun one = CommandRun.of(concat(options, "--out", dir.resolve("w1").toString(), "--workers", "1"));
        CommandRun two = CommandRun.of(concat(options, "--out", dir.resolve("w2").toString(), "--workers", "2"));
        assertThat(one.status()).as(one.err()).isZero();
        assertThat(two.status()).as(two.err()).isZero();
        assertThat(one.out()).contains("gradient=tape)");
        assertThat(two.out()).contains("gradient=parallel(2 workers))");
        List<Double> single = losses(one);
        List<Double> parallel = losses(two);
        assertThat(parallel).hasSize(30).hasSameSizeAs(single);
        // the same gradient up to the order of the sums, so the losses agree far beyond what training noise would allow
        for (int k = 0; k < single.size(); k++) {
            assertThat(parallel.get(k)).as("step %d", k).isCloseTo(single.get(k), within(1e-9 * Math.abs(single.get(k))));
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static List<Double> losses(CommandRun run) {
        return steps(run).stream().map(line -> Double.parseDouble(line.replaceAll("step \\d+ loss ([^,]+),.*", "$1")))
                .toList();
    }

    private static List<String> steps(CommandRun run) {
        return run.out().lines().filter(line -> line.startsWith("step ")).toList();
    }

    private static long countColour(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF) ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void helpDoesNoWork() throws IOException {
        Path notebooks = Path.of("..", "lessons", "notebooks");
        Map<Path, FileTime> before = modificationTimes(notebooks);
        assertThat(CommandRun.of("notebooks", "--help").out()).startsWith("Usage: micrograd notebooks");
        assertThat(modificationTimes(notebooks)).isEqualTo(before).isNotEmpty();

        CommandRun bench = CommandRun.of("bench", "--help", "--chart", dir.resolve("chain.png").toString());
        assertThat(bench.out()).startsWith("Usage: micrograd bench").contains("--chart=FILE.png");
        assertThat(dir).isEmptyDirectory();
    }

    private static Map<Path, FileTime> modificationTimes(Path folder) throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    @Test
    void lessonListsTheLessonsWithTheirTitles() throws IOException {
        CommandRun run = CommandRun.of("lesson");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Lessons (run one with 'micrograd lesson N'):");
        try (Stream<Path> lessons = Files.list(Path.of("..", "lessons"))) {
            assertThat(lines).hasSize(1 + (int) lessons.filter(p -> p.toString().endsWith(".jsh")).count());
        }
        assertThat(lines).contains("   1  the derivative, by nudging",
                "   4  backpropagation by hand, and the chain rule",
                "  10  the moons demo");
    }
}
