package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./micrograd launcher at the repository root, run as a separate process from another directory, after Maven's
 * package phase has built what it runs (so it does not rebuild).
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "micrograd").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** Exit status, stdout and stderr of the launcher run in {@code dir}. */
    private record Result(int status, String out, String err) {
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        return launchWithInput("", Map.of(), args);
    }

    private Result launchWithInput(String input, String... args) throws IOException, InterruptedException {
        return launchWithInput(input, Map.of(), args);
    }

    /** The launcher run in {@code dir} with {@code input} as its stdin and {@code environment} added to its own. */
    private Result launchWithInput(String input, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path in = Files.writeString(dir.resolve("stdin.txt"), input);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(in.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("launcher finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void launcherIsExecutable() {
        assertThat(Files.isExecutable(LAUNCHER)).as(LAUNCHER + " is executable").isTrue();
    }

    @Test
    void helpListsEveryCommandAndDoesNotRebuild() throws Exception {
        Result help = launch("--help");
        assertThat(help.status()).as(help.err()).isZero();
        assertThat(help.err()).as("nothing rebuilt after Maven's package").isEmpty();
        for (String command : List.of("demo", "train", "predict", "grad", "lesson", "notebooks", "bench", "jshell",
                "playground")) {
            assertThat(help.out()).containsPattern("(?m)^  " + command + " +\\S");
        }

        Result bench = launch("bench", "--help");
        assertThat(bench.status()).as(bench.err()).isZero();
        assertThat(bench.err()).isEmpty();
        assertThat(bench.out()).startsWith("Usage: micrograd bench");
        assertThat(dir.resolve("bench-chain.png")).doesNotExist();
    }

    @Test
    void jmhIsInTheBenchmarksFolderOnlyNotOnTheCommandsClassPath() throws IOException {
        Path target = LAUNCHER.resolveSibling("micrograd-app/target");
        assertThat(jarNames(target.resolve("lib"))).isNotEmpty()
                .noneMatch(name -> name.startsWith("jmh-") || name.startsWith("micrograd-bench"));
        assertThat(jarNames(target.resolve("bench"))).anyMatch(name -> name.startsWith("jmh-core-"))
                .anyMatch(name -> name.startsWith("micrograd-bench-"));
    }

    private static List<String> jarNames(Path folder) throws IOException {
        try (Stream<Path> jars = Files.list(folder)) {
            return jars.map(jar -> jar.getFileName().toString()).toList();
        }
    }

    @Test
    void playgroundServesThePageOnTheLoopbackAtThePortItPrints() throws Exception {
        Process process = new ProcessBuilder(LAUNCHER.toString(), "playground").directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).matches("serving the playground at http://127\\.0\\.0\\.1:\\d+/ \\(Ctrl-C stops\\)");
            URI page = URI.create(line.split(" ")[4]);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> index = http.send(HttpRequest.newBuilder(page).build(), BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("<title>micrograd playground</title>");
            HttpResponse<String> engine = http.send(HttpRequest.newBuilder(page.resolve("micrograd.js")).build(),
                    BodyHandlers.ofString());
            assertThat(engine.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
            HttpResponse<byte[]> wasm = http.send(HttpRequest.newBuilder(page.resolve("micrograd.wasm")).build(),
                    BodyHandlers.ofByteArray());
            assertThat(wasm.headers().firstValue("Content-Type")).hasValue("application/wasm");
            assertThat(http.send(HttpRequest.newBuilder(page.resolve("../pom.xml")).build(), BodyHandlers.ofString())
                    .statusCode()).isEqualTo(404);
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("playground stopped").isTrue();
        }
    }

    @Test
    void notebooksHelpChangesNoFile() throws Exception {
        Path notebook = LAUNCHER.resolveSibling("lessons/notebooks/04-manual-backpropagation.ipynb");
        FileTime before = Files.getLastModifiedTime(notebook);
        Result help = launch("notebooks", "--help");
        assertThat(help.status()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: micrograd notebooks");
        assertThat(Files.getLastModifiedTime(notebook)).isEqualTo(before);
    }

    @Test
    void jshellReadsStdinWithTheProjectImported() throws Exception {
        Result jshell = launchWithInput("Value.of(2).mul(3).data()\n/exit\n", "jshell");
        assertThat(jshell.status()).as(jshell.err()).isZero();
        assertThat(jshell.out()).contains("==> 6.0");
        assertThat(jshell.out() + jshell.err()).doesNotContain("Error", "Exception");
    }

    @Test
    void versionAndGradFromAnotherDirectory() throws Exception {
        Result version = launch("--version");
        assertThat(version.status()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("micrograd ");

        Result grad = launch("grad", "(a*b + c) * f", "a=2", "b=-3", "c=10", "f=-2", "--dot", "graph.dot");
        assertThat(grad.status()).as(grad.err()).isZero();
        assertThat(grad.out()).startsWith(String.format("value = -8.0%nd/da = 6.0%nd/db = -4.0%nd/dc = -2.0%nd/df = 4.0%n"));
        assertThat(dir.resolve("graph.dot")).content().startsWith("digraph micrograd {");
    }

    @Test
    void aClassArchiveIsMadeOnlyByARunThatEndedWellAndNeverChangesWhatACommandPrints() throws Exception {
        Path archive = LAUNCHER.resolveSibling("micrograd-app/target/cds/grad.jsa");
        Files.deleteIfExists(archive);

        Result refused = launch("grad", "a*", "a=2");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(archive).as("no archive from a run that failed").doesNotExist();

        Result recording = launch("grad", "a*b", "a=2", "b=3");
        assertThat(archive).as("the archive the first good run made").isNotEmptyFile();
        Result mapping = launch("grad", "a*b", "a=2", "b=3");
        assertThat(mapping).isEqualTo(recording);
        assertThat(mapping.err()).isEmpty();
        assertThat(mapping.out()).isEqualTo(String.format("value = 6.0%nd/da = 3.0%nd/db = 2.0%n"));

        // an archive the JVM cannot use (here: not an archive at all) is skipped without a word
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not a class archive");
        assertThat(launch("grad", "a*b", "a=2", "b=3")).isEqualTo(recording);
        // an archive older than the jar is made again
        Files.setLastModifiedTime(archive, FileTime.fromMillis(0));
        assertThat(launch("grad", "a*b", "a=2", "b=3")).isEqualTo(recording);
        assertThat(Files.size(archive)).isGreaterThan(100_000);
    }

    @Test
    void demoWritesIntoOutOfTheCurrentDirectoryAndPredictReadsItsModel() throws Exception {
        Result demo = launch("demo");
        assertThat(demo.status()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("number of parameters 337", "step 0 loss ", "step 99 loss ",
                "final accuracy 100.0% on 100 points");
        assertThat(ImageIO.read(dir.resolve("out/moons-decision-boundary.png").toFile())).isNotNull();
        assertThat(ImageIO.read(dir.resolve("out/moons-training.png").toFile())).isNotNull();

        Files.writeString(dir.resolve("points.csv"), "x,y\n0.0,1.0\n1.0,-0.5\n");
        Result predict = launch("predict", "--model", "out/moons-model.json", "points.csv");
        assertThat(predict.status()).as(predict.err()).isZero();
        assertThat(predict.out().lines().toList()).containsExactly("0", "1"); // upper moon is class 0
    }

    @Test
    void lessonRunsALessonInJShellAndListsThem() throws Exception {
        Result list = launch("lesson");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains(" 1  the derivative, by nudging", "10  the moons demo");

        Result lesson = launch("lesson", "2");
        assertThat(lesson.status()).as(lesson.err()).isZero();
        assertThat(lesson.out()).contains("d1 = 4.0, d2 = 4.0001, slope dd/dc = 0.9999999999976694");

        Result missing = launch("lesson", "42");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err())
                .isEqualTo("micrograd lesson: there is no lesson '42'; run 'micrograd lesson' to list them\n");
    }

    @Test
    void aLessonWithoutGraphvizWritesTheDotFileSaysHowToInstallItAndGoesOn() throws Exception {
        Result lesson = launchWithInput("", Map.of("MICROGRAD_DOT", dir.resolve("no-dot").toString()), "lesson", "3");
        assertThat(lesson.status()).as(lesson.err()).isZero();
        assertThat(lesson.err()).isEmpty();
        Path folder = Path.of("out", "lessons", "03-value-and-graph");
        assertThat(lesson.out()).contains("L = -8.0, made by '*'", "wrote " + folder.resolve("L.dot")
                + " but not L.png: Graphviz's '" + dir.resolve("no-dot") + "' program was not found; install Graphviz");
        assertThat(dir.resolve(folder).resolve("L.dot")).content().startsWith("digraph");
        try (Stream<Path> files = Files.list(dir.resolve(folder))) {
            assertThat(files).containsExactly(dir.resolve(folder).resolve("L.dot"));
        }
    }

    @Test
    void badInputIsOneLineAndStatusTwo() throws Exception {
        Result unknown = launch("frobnicate");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
        assertThat(unknown.err()).contains("unknown command 'frobnicate'");

        Result expression = launch("grad", "a +* b", "a=1", "b=2");
        assertThat(expression.status()).isEqualTo(2);
        assertThat(expression.err()).isEqualTo("micrograd grad: invalid expression at column 4: expected a number, "
                + "a variable, a function or '(' but found '*' (in \"a +* b\")\n");
    }
}
