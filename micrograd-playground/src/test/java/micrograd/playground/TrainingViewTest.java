package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.data.MersenneTwister;
import micrograd.nn.Activation;
import micrograd.nn.MLP;
import micrograd.train.LossKind;
import micrograd.train.Metrics;
import micrograd.train.Trainer;
import micrograd.train.TrainingStep;
import org.junit.jupiter.api.Test;

/** The training view's logic on the JVM: its settings, and that its run is the nn package's own training. */
class TrainingViewTest {

    private static List<TrainingStep> steps(TrainingView view, int count) {
        List<TrainingStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(view.step());
        }
        return steps;
    }

    @Test
    void defaultsAreWrittenOutInFullAndReadBackTheSame() {
        TrainingSettings defaults = TrainingSettings.parse("");
        assertThat(defaults.toString()).isEqualTo("data=moons&n=100&noise=0.1&seed=1337&layers=16,16&act=relu"
                + "&loss=hinge&opt=sgd&lr=0.1&batch=0&l2=1.0E-4&steps=500");
        TrainingSettings spirals = TrainingSettings.parse("train&data=spirals&classes=3&n=90&seed=7"
                + "&add=0.5,-0.25,2;1,1,0&layers=16,16&act=tanh&opt=adam&lr=0.01&batch=30&l2=0&steps=40");
        assertThat(spirals.spec().loss()).isEqualTo(LossKind.SOFTMAX_CROSS_ENTROPY);
        assertThat(TrainingSettings.parse(spirals.toString()).toString()).isEqualTo(spirals.toString());
        assertThat(spirals.toString()).contains("&add=0.5,-0.25,2;1.0,1.0,0&");
    }

    @Test
    void badSettingsAreOneLineNamingTheKey() {
        assertThat(problem("layers=16,x")).startsWith("layers: ").contains("16,16");
        assertThat(problem("lr=-1")).startsWith("lr: ");
        assertThat(problem("data=squares")).contains("moons, circles, blobs or spirals");
        assertThat(problem("data=blobs&classes=3&loss=hinge")).startsWith("loss: ").contains("loss=softmax");
        assertThat(problem("colour=red")).startsWith("unknown key \"colour\"");
        assertThat(problem("seed=-1")).startsWith("seed: ");
        assertThat(problem("act=linear")).startsWith("act: ");
        assertThat(problem("n=20&batch=50")).startsWith("batch: ");
        assertThat(problem("add=1,2,5")).startsWith("add: ");
        // sizes the page cannot hold, refused before anything is built (the tab crashed or froze on these)
        assertThat(problem("layers=256,256&n=2000")).contains("parameter-rows", "fewer or narrower layers");
        assertThat(problem("layers=256,256,256")).contains("parameter-rows", "1000000");
        assertThat(PlaygroundApi.trainSetup("layers=64,64&n=100&batch=50")).isEmpty();
        assertThat(problem("n=2000&add=0,0,1")).startsWith("add: ").contains("2001", "2000");
        String many = String.join(";", java.util.Collections.nCopies(20_000, "0.5,0.5,1"));
        assertThat(problem("n=100&add=" + many)).startsWith("add: ").contains("20100");
        TrainingSettings full = TrainingSettings.parse("n=1999&add=0,0,1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> full.withPoint(1, 1, 0))
                .hasMessageStartingWith("add: ").hasMessageContaining("2001");
        for (String key : List.of("layers=16,x", "lr=-1", "data=squares", "colour=red", "n=20&batch=50")) {
            assertThat(problem(key)).doesNotContain("\n");
        }
    }

    private static String problem(String keys) {
        String problem = PlaygroundApi.trainSetup(keys);
        assertThat(problem).as(keys).isNotEmpty();
        return problem;
    }

    @Test
    void fullBatchStepsAreTheTrainersOnNumpysMoonsAndTheBuildersModel() {
        TrainingView view = new TrainingView(TrainingSettings.parse("layers=8,8&lr=0.5&l2=1e-3"));
        Dataset moons = Datasets.moons(100, 0.1, MersenneTwister.numpyLegacy(1337));
        assertThat(view.data()).isEqualTo(moons);
        MLP model = MLP.builder(2).layers(8, 8, 1).seed(1337).build();
        List<TrainingStep> expected = Trainer.builder().learningRate(0.5).l2(1e-3).steps(20).build().fit(model, moons);
        assertThat(steps(view, 20)).isEqualTo(expected);
        assertThat(view.stepsDone()).isEqualTo(20);
    }

    @Test
    void miniBatchAdamStepsAreTheTrainersToo() {
        TrainingView view = new TrainingView(TrainingSettings.parse(
                "data=blobs&classes=3&n=60&seed=5&layers=4&act=tanh&opt=adam&lr=0.05&batch=16"));
        Dataset blobs = Datasets.blobs(60, 3, 0.8, MersenneTwister.numpyLegacy(5));
        MLP model = MLP.builder(2).layers(4, 3).hidden(Activation.TANH).seed(5).build();
        List<TrainingStep> expected = Trainer.builder().loss(LossKind.SOFTMAX_CROSS_ENTROPY).adam().learningRate(0.05)
                .batchSize(16).seed(5).steps(15).build().fit(model, blobs);
        assertThat(steps(view, 15)).isEqualTo(expected);
    }

    @Test
    void anAddedPointJoinsTheDataAndTheStepsGoOn() {
        TrainingView view = new TrainingView(TrainingSettings.parse("n=50"));
        steps(view, 3);
        view.addPoint(0.25, 2.5, 1);
        assertThat(view.data().size()).isEqualTo(51);
        assertThat(view.data().row(50)).containsExactly(0.25, 2.5);
        assertThat(view.data().label(50)).isEqualTo(1);
        steps(view, 2);
        assertThat(view.stepsDone()).isEqualTo(5);
        assertThat(view.settings().toString()).contains("&add=0.25,2.5,1&");
        assertThat(TrainingView.dataOf(TrainingSettings.parse(view.settings().toString()))).isEqualTo(view.data());
    }

    @Test
    void thePointGraphIsThatPointsLossWithItsGradsAndLeavesTheStepsGrads() {
        TrainingView view = new TrainingView(TrainingSettings.parse("layers=8"));
        steps(view, 5);
        String weightsBefore = view.weights();
        view.choose(7);
        String dot = view.pointGraph();
        assertThat(view.weights()).isEqualTo(weightsBefore);
        assertThat(view.graphNodes()).isBetween(50, DrawnGraphs.NODE_LIMIT);
        assertThat(dot).startsWith("digraph").contains("{ loss |", "{ x1 |", "{ w1.0.0 |", "{ b2.0 |");
        double[] out = copyOfEightUnitModel(view).predict(view.data().row(7));
        double y = view.data().label(7) == 1 ? 1 : -1;
        double hinge = Math.max(0, 1 - y * out[0]);
        assertThat(dot).contains(String.format(java.util.Locale.ROOT, "{ loss | data %.4f | grad 1.0000 }", hinge));
    }

    /** The network of layers=8, MLP(2, [8, 1]), holding the weights the view's table lists. */
    private static MLP copyOfEightUnitModel(TrainingView view) {
        String[] lines = view.weights().split("\n");
        double[] data = new double[lines.length];
        for (int i = 0; i < lines.length; i++) {
            data[i] = Double.parseDouble(lines[i].split("\t")[1]);
        }
        MLP model = MLP.builder(2).layers(8, 1).seed(1337).build();
        model.setParameterData(data);
        return model;
    }

    @Test
    void theDefaultsSeparateTheMoons() {
        TrainingView view = new TrainingView(TrainingSettings.parse(""));
        TrainingStep last = null;
        while (view.hasNextStep()) {
            last = view.step();
        }
        assertThat(last.accuracy()).isEqualTo(1.0);
    }

    @Test
    void addingPointsNeverTakesTheCountPastTheSteps() {
        TrainingView view = new TrainingView(TrainingSettings.parse("layers=4&steps=10"));
        steps(view, 6);
        view.addPoint(0.5, 0.5, 1);
        assertThat(view.stepsDone()).isEqualTo(6);
        while (view.hasNextStep()) {
            view.step();
        }
        assertThat(view.stepsDone()).isEqualTo(10);
        view.addPoint(0.25, 0.5, 0);
        assertThat(view.hasNextStep()).isFalse();
        assertThat(view.stepsDone()).isEqualTo(10);
        assertThat(view.data().size()).isEqualTo(102);
    }

    @Test
    void aNetworkTooLargeToDrawSaysHowLarge() {
        TrainingView view = new TrainingView(TrainingSettings.parse("layers=32,32"));
        assertThat(view.pointGraph()).isEmpty();
        assertThat(view.graphNodes()).isGreaterThan(DrawnGraphs.NODE_LIMIT);
    }

    @Test
    void theGridHoldsTheModelsClassAtEachCellCentre() {
        TrainingView view = new TrainingView(TrainingSettings.parse("layers=8&lr=0.5"));
        steps(view, 30);
        int cells = 12;
        int[] grid = view.grid(cells);
        double[] b = view.bounds();
        MLP model = copyOfEightUnitModel(view);
        boolean[] seen = new boolean[2];
        for (int row = 0; row < cells; row++) {
            for (int col = 0; col < cells; col++) {
                double x = b[0] + (col + 0.5) * (b[1] - b[0]) / cells;
                double y = b[3] - (row + 0.5) * (b[3] - b[2]) / cells;
                int label = Metrics.predictedClass(model, model.predict(x, y));
                assertThat(grid[row * cells + col] / 100).as("cell %d,%d", row, col).isEqualTo(label);
                assertThat(grid[row * cells + col] % 100).isBetween(0, 99);
                seen[label] = true;
            }
        }
        assertThat(seen).containsExactly(true, true);
    }

    @Test
    void theApiReportsADivergedRunInOneLine() {
        assertThat(PlaygroundApi.trainSetup("lr=100&layers=16,16&act=relu&loss=mse")).isEmpty();
        String problem = "";
        for (int i = 0; i < 50 && problem.isEmpty(); i++) {
            problem = PlaygroundApi.trainStep();
        }
        assertThat(problem).startsWith("the training diverged at step ").endsWith("lower the learning rate or the L2 strength");
    }

    @Test
    void theApiSaysWhenEveryStepHasRun() {
        assertThat(PlaygroundApi.trainSetup("steps=2")).isEmpty();
        assertThat(PlaygroundApi.trainStep()).isEmpty();
        assertThat(PlaygroundApi.trainStep()).isEmpty();
        assertThat(PlaygroundApi.trainStep()).startsWith("all 2 steps have run");
        assertThat(PlaygroundApi.trainStepsDone()).isEqualTo(2);
        assertThat(PlaygroundApi.trainLossAt(1)).isFinite();
    }
}
