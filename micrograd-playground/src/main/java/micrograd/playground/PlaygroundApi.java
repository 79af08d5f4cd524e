package micrograd.playground;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import micrograd.expr.ExpressionException;
import micrograd.gpt.Documents;
import micrograd.gpt.GptReading;
import org.teavm.jso.JSExport;

/**
 * What the page calls, exported by TeaVM from both builds (WebAssembly GC and JavaScript): {@link #evaluate} an
 * expression, then read its report, its graph (JSON, or DOT at any point of the backward pass), the backward steps
 * and a {@link #nudge}; or run micrograd's demo one step at a time. The page is one session, so the last calculation
 * is kept here between calls. Only strings and numbers cross to JavaScript. The page runs these in a Web Worker of
 * their own (engine-worker.js), several calls to a message, so that no call holds the page up.
 */
public final class PlaygroundApi {

    private static Calculation current;
    private static Quiz quiz;
    private static DemoRun demo;
    private static TrainingView training;
    private static GptView gpt;

    private PlaygroundApi() {
    }

    /**
     * Evaluates {@code program} (a program or an expression, {@link micrograd.expr.Program}) over {@code assignments}
     * ({@code a=2 b=-3}) and runs backward; "" when it worked, else one line saying what is wrong (the last good
     * calculation stays).
     */
    @JSExport
    public static String evaluate(String program, String assignments) {
        try {
            current = new Calculation(program, assignments);
            return "";
        } catch (ExpressionException e) {
            return (e.statement() > 0 ? "invalid program at " : "invalid expression at ") + e.getMessage();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** {@code value = ...} and a {@code d/dNAME = ...} line per variable, as {@code micrograd grad} prints them. */
    @JSExport
    public static String report() {
        return current.report();
    }

    /** The graph as {@link micrograd.graph.GraphJson} text. */
    @JSExport
    public static String graphJson() {
        return current.json();
    }

    /** The variables' names, in the order given, separated by newlines. */
    @JSExport
    public static String variableNames() {
        return String.join("\n", current.variableNames());
    }

    /**
     * The output with {@code variable} nudged by {@code h}, the slope it measures and what the gradient predicts, one
     * number a line ({@link Nudge#report}).
     *
     * @throws IllegalArgumentException when there is no such variable, or h is 0 or not finite
     */
    @JSExport
    public static String nudge(String variable, double h) {
        return current.nudge(variable, h).report();
    }

    /** How many backward steps pass grad on (step 0, before them, not counted): one per node an operation made. */
    @JSExport
    public static int stepCount() {
        return current.steps().count();
    }

    /** The id of the node whose grad step {@code k} passes on; -1 for step 0. */
    @JSExport
    public static int stepNode(int k) {
        return k == 0 ? -1 : current.steps().step(k).node();
    }

    /** The ids of the nodes that receive grad in step {@code k}, comma-separated (step 0: the output). */
    @JSExport
    public static String stepReceivers(int k) {
        List<Integer> receivers = k == 0 ? List.of(current.steps().rootId()) : current.steps().step(k).receivers();
        return receivers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Step {@code k} explained: step 0's reason, or one chain-rule line per operand, separated by newlines. */
    @JSExport
    public static String stepText(int k) {
        return String.join("\n", current.steps().lines(k));
    }

    /** The DOT text of the graph after backward step {@code k}. */
    @JSExport
    public static String dotAfter(int k) {
        return current.dotAfter(k);
    }

    /** The report ({@link #report}) with every grad as it stands after backward step {@code k}. */
    @JSExport
    public static String reportAfter(int k) {
        return current.reportAfter(k);
    }

    // ---- the manual-backprop exercise on the current calculation ----------------------------------------------

    /** Starts the exercise over on the current calculation. */
    @JSExport
    public static void quizStart() {
        quiz = new Quiz(current.steps());
    }

    /** The question, {@code What is d.grad? (1 of 6)}, or the end's line. */
    @JSExport
    public static String quizQuestion() {
        return quiz.question();
    }

    /** The id of the node asked about; -1 when every grad is found. */
    @JSExport
    public static int quizNode() {
        return quiz.node();
    }

    /** Checks an answer: a line starting "right", "wrong", or saying why it is no number. */
    @JSExport
    public static String quizAnswer(String typed) {
        return quiz.answer(typed);
    }

    /** The chain-rule product that gives the asked grad. */
    @JSExport
    public static String quizProduct() {
        return quiz.product();
    }

    @JSExport
    public static String quizScore() {
        return quiz.score();
    }

    /** The graph with the grads found so far, the others shown as {@code ?}. */
    @JSExport
    public static String quizDot() {
        return quiz.dot();
    }

    /** The answer's tolerance, as the page states it. */
    @JSExport
    public static double quizTolerance() {
        return Quiz.TOLERANCE;
    }

    // ---- the lecture's examples, for the page's menu -----------------------------------------------------------

    @JSExport
    public static int lectureCount() {
        return LectureExample.values().length;
    }

    /** Example {@code index}'s id, as {@code #lecture=ID} names it. */
    @JSExport
    public static String lectureId(int index) {
        return LectureExample.values()[index].id;
    }

    @JSExport
    public static String lectureTitle(int index) {
        return LectureExample.values()[index].title;
    }

    @JSExport
    public static String lectureProgram(int index) {
        return LectureExample.values()[index].program;
    }

    /** The leaf the example nudges. */
    @JSExport
    public static String lectureNudged(int index) {
        return LectureExample.values()[index].nudged;
    }

    /** By how much the example nudges its leaf. */
    @JSExport
    public static double lectureH(int index) {
        return LectureExample.values()[index].h;
    }

    /**
     * Starts micrograd's demo ({@link DemoRun}); the page then calls {@link #demoStep} in batches, and draws between
     * them. A demo already running is dropped.
     *
     * @return the demo's first lines, the model and the trainer, separated by a newline
     */
    @JSExport
    public static String startDemo() {
        demo = new DemoRun();
        return String.join("\n", demo.lines());
    }

    /**
     * Runs the demo's next training step.
     *
     * @return its line, as {@code micrograd demo} prints it ({@code step 0 loss ..., accuracy ...%})
     * @throws IllegalStateException when every step has run
     */
    @JSExport
    public static String demoStep() {
        return demo.step();
    }

    /** How many steps the demo runs in all. */
    @JSExport
    public static int demoSteps() {
        return demo.steps();
    }

    /** The demo's mean time per step so far in milliseconds, not counting the pauses for the page. */
    @JSExport
    public static double demoMillisPerStep() {
        return demo.millisPerStep();
    }

    /** Demo step {@code index}'s loss. */
    @JSExport
    public static double demoLossAt(int index) {
        return demo.stepAt(index).loss();
    }

    /** Demo step {@code index}'s accuracy, 0 to 1. */
    @JSExport
    public static double demoAccuracyAt(int index) {
        return demo.stepAt(index).accuracy();
    }

    /** The demo's plot extent: "xmin xmax ymin ymax". */
    @JSExport
    public static String demoBounds() {
        return boundsText(demo.bounds());
    }

    /** The demo's decision boundary on a {@code cells} x {@code cells} grid, as {@link DecisionGrid#text}. */
    @JSExport
    public static String demoGrid(int cells) {
        return DecisionGrid.text(demo.grid(cells));
    }

    /** The demo's moons, as {@link DecisionGrid#points}. */
    @JSExport
    public static String demoPoints() {
        return DecisionGrid.points(demo.data());
    }

    private static String boundsText(double[] b) {
        return b[0] + " " + b[1] + " " + b[2] + " " + b[3];
    }

    // ---- the training view: the page calls trainStep() in batches, one after another, and draws between them -------

    /**
     * Starts a training run from the link's keys ({@code data=moons&n=100&layers=8...}, see {@link TrainingSettings});
     * "" when it started, else one line saying which key is wrong (the last good run stays).
     */
    @JSExport
    public static String trainSetup(String keys) {
        try {
            training = new TrainingView(TrainingSettings.parse(keys));
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Every setting of the run, as link keys: the defaults filled in, the points added by hand included. */
    @JSExport
    public static String trainSettings() {
        return training.settings().toString();
    }

    /** The model and the trainer, one line each, as {@code micrograd train} prints them. */
    @JSExport
    public static String trainDescription() {
        return training.description();
    }

    /**
     * Runs one training step; "" when it ran, else one line: the run diverged (the loss or a weight is no longer
     * finite) or has taken all its steps.
     */
    @JSExport
    public static String trainStep() {
        if (!training.hasNextStep()) {
            return "all " + training.settings().spec().steps() + " steps have run; reset, or raise steps";
        }
        try {
            training.step();
            return "";
        } catch (ArithmeticException e) {
            return e.getMessage();
        }
    }

    /** How many steps have run. */
    @JSExport
    public static int trainStepsDone() {
        return training.stepsDone();
    }

    /** Step {@code index}'s loss (data loss plus L2) on its batch, before its update. */
    @JSExport
    public static double trainLossAt(int index) {
        return training.stepAt(index).loss();
    }

    /** Step {@code index}'s accuracy on its batch (0 to 1), before its update. */
    @JSExport
    public static double trainAccuracyAt(int index) {
        return training.stepAt(index).accuracy();
    }

    /** The plot's extent: "xmin xmax ymin ymax". */
    @JSExport
    public static String trainBounds() {
        return boundsText(training.bounds());
    }

    /** The decision boundary on a {@code cells} x {@code cells} grid, as {@link TrainingView#grid}, comma-separated. */
    @JSExport
    public static String trainGrid(int cells) {
        return DecisionGrid.text(training.grid(cells));
    }

    /** The points, drawn and added, as {@link DecisionGrid#points}. */
    @JSExport
    public static String trainPoints() {
        return DecisionGrid.points(training.data());
    }

    /** Whether the run has a step left ("done: N steps" when not). */
    @JSExport
    public static boolean trainHasNextStep() {
        return training.hasNextStep();
    }

    /** How many points the data has (drawn and added). */
    @JSExport
    public static int trainPointCount() {
        return training.data().size();
    }

    @JSExport
    public static double trainPointX(int index) {
        return training.data().row(index)[0];
    }

    @JSExport
    public static double trainPointY(int index) {
        return training.data().row(index)[1];
    }

    @JSExport
    public static int trainPointClass(int index) {
        return training.data().label(index);
    }

    /** Adds a point of class {@code label}; "" when added, else one line saying why not. */
    @JSExport
    public static String trainAddPoint(double x, double y, int label) {
        try {
            training.addPoint(x, y, label);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Chooses the point whose loss graph {@link #trainPointGraph} draws. */
    @JSExport
    public static void trainChoosePoint(int index) {
        training.choose(index);
    }

    @JSExport
    public static int trainChosenPoint() {
        return training.chosen();
    }

    /** The chosen point's loss graph as DOT, data and grad on every node; "" when it is too large to draw. */
    @JSExport
    public static String trainPointGraph() {
        return training.pointGraph();
    }

    /** How many values the last point graph had, and the most the page draws. */
    @JSExport
    public static int trainPointGraphNodes() {
        return training.graphNodes();
    }

    /** The largest graph the page draws, in values: the calculator's and the training view's point graph. */
    @JSExport
    public static int graphNodeLimit() {
        return DrawnGraphs.NODE_LIMIT;
    }

    /** One line per parameter: name, data, grad (the last step's), separated by tabs. */
    @JSExport
    public static String trainWeights() {
        return training.weights();
    }

    // ---- the gpt view: microgpt trained one step per call (gptStep), in batches, the page drawing between them ----

    /**
     * Starts a microgpt run from the link's keys ({@code seed=42&steps=1000...}, see {@link GptSettings}) on
     * {@code names}, the text of names.txt (the page fetches it); "" when it started, else one line saying which key
     * is wrong (the last good run stays).
     */
    @JSExport
    public static String gptSetup(String keys, String names) {
        try {
            List<String> documents = Documents.read(new BufferedReader(new StringReader(names)));
            if (documents.isEmpty()) {
                return "the names did not load; reload the page";
            }
            gpt = new GptView(GptSettings.parse(keys), documents);
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Every setting of the run, as link keys. */
    @JSExport
    public static String gptSettings() {
        return gpt.settings().toString();
    }

    /** num docs, vocab size and num params, one line each, as {@code micrograd gpt} prints them. */
    @JSExport
    public static String gptHeader() {
        return gpt.header();
    }

    /** Runs the next step and returns its line ({@code step    1 / 1000 | loss 3.3660}); "" when all have run. */
    @JSExport
    public static String gptStep() {
        return gpt.hasNextStep() ? gpt.step() : "";
    }

    @JSExport
    public static double gptLossAt(int step) {
        return gpt.lossAt(step);
    }

    /** Starts a look at the samples, from a copy of the random stream; {@link #gptLookNext} draws them. */
    @JSExport
    public static void gptStartLook() {
        gpt.startLook();
    }

    @JSExport
    public static String gptLookNext() {
        return gpt.lookNext();
    }

    /** The next final sample's line ({@code sample  1: kamon}) after the last step; "" when all are drawn. */
    @JSExport
    public static String gptFinalSample() {
        return gpt.hasNextStep() || gpt.finalSamplesDone() >= gpt.settings().samples() ? "" : gpt.finalSample();
    }

    /**
     * Reads {@code name} with the current weights; "" when read, else one line saying why not. The reading's parts
     * come from the gptRead* calls.
     */
    @JSExport
    public static String gptRead(String name) {
        try {
            gpt.read(name);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The reading's tokens, one a line: id, a tab, and its character or BOS. */
    @JSExport
    public static String gptReadTokens() {
        GptReading reading = gpt.reading();
        StringBuilder text = new StringBuilder();
        int bos = gpt.tokenizer().bos();
        for (int token : reading.tokens()) {
            text.append(token).append('\t')
                    .append(token == bos ? "BOS" : gpt.tokenizer().decode(new int[] {token})).append('\n');
        }
        return text.toString();
    }

    /** Head {@code head}'s attention in layer {@code layer}: a row per position (';'), its weights comma-separated. */
    @JSExport
    public static String gptReadAttention(int layer, int head) {
        StringBuilder text = new StringBuilder();
        for (double[][] position : gpt.reading().attention()[layer]) {
            text.append(numbers(position[head])).append(';');
        }
        return text.substring(0, text.length() - 1);
    }

    /** The next-token probabilities at {@code position}, comma-separated, by token id. */
    @JSExport
    public static String gptReadProbabilities(int position) {
        return numbers(gpt.reading().probabilities()[position]);
    }

    /** The loss at each position, comma-separated. */
    @JSExport
    public static String gptReadLosses() {
        return numbers(gpt.reading().losses());
    }

    private static String numbers(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(value).append(',');
        }
        return text.substring(0, Math.max(text.length() - 1, 0));
    }

    /** The characters of tokens 0 to n-1 (BOS, token n, is not a character). */
    @JSExport
    public static String gptVocabulary() {
        return gpt.tokenizer().characters();
    }

    /** The run's model shape: layers and heads, separated by a space. */
    @JSExport
    public static String gptShape() {
        return gpt.settings().layers() + " " + gpt.settings().heads();
    }

    /**
     * Builds the small model's graph of {@code name}'s first position ({@link GptView#smallGraph}); "" when built,
     * else one line saying why not.
     */
    @JSExport
    public static String gptSmallGraph(String name) {
        try {
            gpt.smallGraph(name);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The small graph as {@link micrograd.graph.GraphJson} text. */
    @JSExport
    public static String gptGraphJson() {
        return gpt.smallGraph().json();
    }

    @JSExport
    public static int gptGraphStepCount() {
        return gpt.smallGraph().steps().count();
    }

    @JSExport
    public static int gptGraphStepNode(int index) {
        return gpt.smallGraph().steps().step(index + 1).node();
    }

    /** Step {@code index} of the small graph's backward pass, as {@link #stepText} explains the expression's. */
    @JSExport
    public static String gptGraphStepText(int index) {
        return String.join("\n", gpt.smallGraph().steps().lines(index + 1));
    }

    @JSExport
    public static String gptGraphDotAfter(int done) {
        return gpt.smallGraph().dotAfter(done);
    }

    /** The run's graph of {@code name}'s whole loss: its node count, then "operation TAB count" lines. */
    @JSExport
    public static String gptGraphSize(String name) {
        try {
            return gpt.graphSize(name);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
