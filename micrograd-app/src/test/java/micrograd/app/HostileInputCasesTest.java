package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import micrograd.testsupport.GraphvizAvailability;
import micrograd.io.ModelFile;
import micrograd.nn.Activation;
import micrograd.nn.MLP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases of issue 14's adversarial campaign that did not hold, each as it behaves now. */
class HostileInputCasesTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    /** Exit status 2, one line on stderr holding {@code mentions}, no stack trace, and nothing written to --out. */
    private CommandRun refused(CommandRun run, String... mentions) {
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err().lines()).as("stderr is one line").hasSize(1);
        assertThat(run.err()).contains(mentions).doesNotContain("Exception", "\tat ");
        assertThat(out()).as("a failed command creates nothing").doesNotExist();
        return run;
    }

    private CommandRun train(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = out().toString();
        return CommandRun.of(all);
    }

    @Test
    void resourcesAreBoundedUpFront() {
        refused(train("--workers", "100000", "--steps", "1"), "--workers must be from 1", "--force-workers");
        refused(train("--workers", "1000", "--steps", "1"), "--workers must be from 1");
        if (Runtime.getRuntime().availableProcessors() < 64) {
            refused(train("--workers", "64", "--steps", "1"), "more than the", "cores of this machine",
                    "--force-workers");
        }
        refused(train("--steps", "2147483647"), "--steps must be from 1 to 1000000", "'2147483647'");
        refused(train("--samples", "2147483647"), "--samples must be from 1 to 1000000", "'2147483647'");
        refused(train("--layers", "100000000"), "parameters", "more than half of the", "fewer or narrower layers");
        refused(train("--samples", "1000000", "--layers", "64,64"), "builds a graph of about", "mini-batches");
        refused(train("--dataset", "blobs", "--classes", "1000000000"), "--classes must be from 2 to 1000");
    }

    @Test
    void aClassPerDistinctLabelNotPerIntegerUpToTheLargest() throws IOException {
        Path csv = Files.writeString(dir.resolve("far.csv"), "x,y,label\n0,0,0\n1,1,1000000000\n0,1,0\n1,0,1000000000\n");
        CommandRun run = train(csv.toString(), "--steps", "3", "--test-fraction", "0");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("number of parameters 337"); // 2 classes: one hinge output
    }

    @Test
    void devicesAndHugeFilesAreRefusedAsInput() throws IOException {
        Path devZero = Path.of("/dev/zero");
        if (Files.isReadable(devZero)) {
            refused(train(devZero.toString()), "NUL character", "not a text file");
            Path model = TrainedModel.moonsModel(dir);
            refused(CommandRun.of("predict", "--model", model.toString(), devZero.toString()), "NUL character");
            Path csv = Files.writeString(dir.resolve("p.csv"), "x,y\n1,2\n");
            refused(CommandRun.of("predict", "--model", devZero.toString(), csv.toString()), "larger than 32 MB");
        }
        Path model = Files.writeString(dir.resolve("huge-nin.json"), "{\"format\":\"micrograd-mlp\",\"version\":1,"
                + "\"nin\":2147483647,\"layers\":[2],\"hiddenActivation\":\"relu\",\"outputActivation\":\"linear\","
                + "\"parameters\":[]}");
        Path csv = Files.writeString(dir.resolve("q.csv"), "x,y\n1,2\n");
        refused(CommandRun.of("predict", "--model", model.toString(), csv.toString()), "4294967296 parameters");
    }

    @Test
    void specialFilesAndLinksAreNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            refused(CommandRun.of("grad", "a*b", "a=1", "b=2", "--dot", devNull.toString()), "not a regular file");
            assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
        }
        Path real = Files.writeString(dir.resolve("real.dot"), "mine");
        Path link = Files.createSymbolicLink(dir.resolve("link.dot"), real);
        refused(CommandRun.of("grad", "a*b", "a=1", "b=2", "--dot", link.toString()), "symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("mine");
    }

    @Test
    void aNameIsAFileNameInsideOut() throws IOException {
        for (String name : List.of("../escaped", dir.resolve("abs").toString(), "..", "a/b", "")) {
            refused(train("--steps", "1", "--name", name), "--name must be a file name");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
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

    @Test
    void gradThatFailsOnTheExpressionCreatesNoFolder() {
        refused(CommandRun.of("grad", "a*(b", "a=1", "b=2", "--dot", out().resolve("sub/g.dot").toString()),
                "invalid expression");
        refused(CommandRun.of("grad", "a", "a=1d", "--svg", out().resolve("g.svg").toString()), "'1d' is not a number");
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
    void predictRefusesARowWithoutAClass() throws IOException {
        Path model = TrainedModel.moonsModel(dir);
        Path csv = Files.writeString(dir.resolve("huge.csv"), "x,y\n1,2\n1e308,-1e308\n");
        CommandRun run = refused(CommandRun.of("predict", "--model", model.toString(), csv.toString()),
                "data row 2", "has no class");
        assertThat(run.out()).as("no partial answer").isEmpty();
    }

    @Test
    void oneClassIsRefusedWhateverItsSpellingAndNoPhantomClass() throws IOException {
        Path ones = Files.writeString(dir.resolve("ones.csv"), "x,label\n1,1\n2,+1\n3,1.0\n");
        refused(train(ones.toString()), "holds a single class");
        Path oneTwo = Files.writeString(dir.resolve("onetwo.csv"), "x,y,label\n0,0,1\n1,1,2\n0,1,1\n1,0,2\n2,2,1\n");
        CommandRun run = train(oneTwo.toString(), "--steps", "2", "--loss", "softmax", "--test-fraction", "0");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Layer of [LinearNeuron(16), LinearNeuron(16)]]", "number of parameters 354");
    }

    @Test
    void badNumbersAreRefusedQuotingWhatWasTyped() throws IOException {
        refused(train("--test-fraction", "-0.5"), "--test-fraction must be", "'-0.5'");
        refused(train("--test-fraction", "NaN"), "'NaN' is not a number");
        refused(train("--lr", "Infinity"), "'Infinity' is not a number");
        refused(train("--lr", "1e308"), "--lr must be above 0 and at most 1e6", "'1e308'");
        refused(train("--lr", "1d"), "'1d' is not a number");
        refused(train("--noise", "1e308"), "--noise must be from 0 to 100", "'1e308'");
        refused(CommandRun.of("grad", "a", "a=0x1p3"), "'0x1p3' is not a number");
        refused(CommandRun.of("grad", "a", "a=1.0\0"), "'1.0\\u0000' is not a number");
        Path csv = Files.writeString(dir.resolve("java.csv"), "x,y,label\n1,2f,0\n2,3,1\n");
        refused(train(csv.toString()), "line 2", "'2f' is not a number");
    }

    @Test
    void messagesKeepTheSystemsReason() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.csv"),
                "x,y,label\n1,2,caf\u00e9\n3,4,th\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        refused(train(latin1.toString()), "is not UTF-8 text", "save it as UTF-8");
        Path secret = Files.writeString(dir.resolve("secret.csv"), "x,label\n1,0\n2,1\n");
        secret.toFile().setReadable(false);
        if (!Files.isReadable(secret)) { // root reads anyway
            CommandRun run = refused(train(secret.toString()), "cannot read " + secret, "permission denied");
            assertThat(run.err()).doesNotContain(secret + ": " + secret);
        }
        Path locked = Files.createDirectory(dir.resolve("locked"));
        locked.toFile().setWritable(false);
        try {
            if (!Files.isWritable(locked)) {
                CommandRun run = CommandRun.of("train", "--steps", "1", "--out", locked.toString());
                assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
                assertThat(run.out()).as("refused before the training").isEmpty();
                assertThat(run.err()).contains("permission denied").doesNotContain(".part");
            }
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void extraArgumentsAreRefusedNotIgnored() {
        refused(CommandRun.of("--version", "extra"), "--version takes no arguments, got 'extra'");
        refused(CommandRun.of("--help", "extra"), "--help takes no arguments");
        refused(CommandRun.of("lesson", "1", "extra"), "'extra'");
        refused(CommandRun.of("notebooks", "extra"), "'extra'");
        CommandRun help = CommandRun.of("--help", "train");
        assertThat(help.status()).as("help on a command still works").isZero();
    }

    @Test
    void predictFindsTheModelsFeaturesByName() throws IOException {
        Path csv = Files.writeString(dir.resolve("shapes.csv"),
                "width,height,label\n1,0,1\n0,1,0\n2,0.5,1\n0.5,2,0\n3,1,1\n1,3,0\n");
        CommandRun trained = train(csv.toString(), "--steps", "60", "--layers", "4", "--test-fraction", "0");
        assertThat(trained.status()).as(trained.err()).isZero();
        Path model = out().resolve("shapes-model.json");
        assertThat(model).content().contains("\"features\" : [ \"width\", \"height\" ]");
        Path inOrder = Files.writeString(dir.resolve("in-order.csv"), "width,height\n4,0\n0,4\n");
        Path swapped = Files.writeString(dir.resolve("swapped.csv"), "height,extra,width\n0,9,4\n4,9,0\n");
        CommandRun straight = CommandRun.of("predict", "--model", model.toString(), inOrder.toString(), "--scores");
        CommandRun byName = CommandRun.of("predict", "--model", model.toString(), swapped.toString(), "--scores");
        assertThat(byName.status()).as(byName.err()).isZero();
        assertThat(byName.out()).isEqualTo(straight.out());
        Path missing = Files.writeString(dir.resolve("missing.csv"), "width,depth\n1,2\n");
        CommandRun refused = CommandRun.of("predict", "--model", model.toString(), missing.toString());
        assertThat(refused.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(refused.err()).contains("has no column \"height\"", "the header has [width, depth]");
    }
}
