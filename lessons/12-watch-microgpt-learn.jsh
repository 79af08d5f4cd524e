// # Lesson 12: watch microgpt learn
//
// Lesson 11 took microgpt apart. This one watches it learn: the loss it starts from and why, the samples getting
// better as it trains, what its attention looks at in a name, and the graph one step of it builds, drawn. The run is
// microgpt's own, seed 42 and 1000 steps: the steps and the final samples are what Karpathy's microgpt.py prints.
// The playground's #gpt view shows the same run live in a browser.

import java.nio.file.*;
import java.util.*;
import micrograd.engine.*;
import micrograd.fast.DerivedGpt;
import micrograd.gpt.*;
import micrograd.lessons.LessonFiles;
import micrograd.plot.*;

// ## The baseline loss
// Before training the weights are small random numbers, so the model's probabilities over the 27 tokens (a to z and
// BOS) are all about 1/27. The loss of a right answer given probability 1/27 is -log(1/27) = log(27): the first
// loss should be close to it, and anything below it is learned.
Microgpt run = Microgpt.start(Documents.names(), 42, 1, 16, 4, 16);
DerivedGpt.use(run);   // the fast path micrograd gpt uses, for the steps and the samples: the same numbers, bit for bit
System.out.println(String.format("uniform guess: -log(1/27) = %.4f", -Math.log(1.0 / 27)));

// ## Samples improving
// Every few steps we look at what the model would say. Sampling draws from the random stream, and the final samples
// must be the ones Python draws, so a look draws from a copy of the stream (Microgpt.samplesAside): the run never
// notices. The loss of one name is noisy; its mean over the last 50 steps shows the trend.
int steps = 1000;
double[] losses = new double[steps];
Set<Integer> looks = Set.of(1, 50, 200, 1000);
for (int step = 0; step < steps; step++) {
    losses[step] = run.trainStep(step, steps);
    if (step == 0) {
        System.out.println(Microgpt.stepLine(step, steps, losses[step]));
    }
    if (looks.contains(step + 1)) {
        Iterator<String> names = run.samplesAside(0.5);
        List<String> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(names.next());
        }
        double[] mean = GptLossPlot.runningMean(Arrays.copyOf(losses, step + 1));
        System.out.println(String.format("after step %4d (mean loss %.4f): %s", step + 1, mean[step], five));
    }
}
System.out.println(Microgpt.stepLine(steps - 1, steps, losses[steps - 1]));
System.out.println("final samples: " + run.sample(0.5) + ", " + run.sample(0.5) + ", " + run.sample(0.5));
Path folder = LessonFiles.folder("12-watch-microgpt-learn");
Path curve = GptLossPlot.save(folder.resolve("loss.png"), losses, 27);
System.out.println("wrote " + curve);
LessonFiles.show(curve);

// ## What attention looks at
// Reading "emma" with the trained weights: at each position each of the 4 heads spreads a weight of 1 over the
// positions up to it (never after: the causal mask). The last position (the second "m"... then "a") decides what
// comes next; here is where head 0 looks from the last position, and every head drawn as a heatmap.
GptReading emma = run.read("emma");
double[] lastRow = emma.attention()[0][emma.positions() - 1][0];
System.out.println("head 0 from the last position: " + Arrays.stream(lastRow).mapToObj(w -> String.format("%.3f", w)).toList());
System.out.println(String.format("emma's loss per position: %s", Arrays.stream(emma.losses()).mapToObj(l -> String.format("%.3f", l)).toList()));
Path heatmaps = AttentionPlot.save(folder.resolve("emma-attention.png"), emma.attention(), List.of("BOS", "e", "m", "m", "a"));
System.out.println("wrote " + heatmaps);
LessonFiles.show(heatmaps);

// ## The graph of one step, drawn small
// The default model's graph of "emma" has tens of thousands of nodes. A model 2 wide with 1 head, on the first
// position only (BOS predicting "e"), has a few hundred: every weight a leaf, then the embedding, RMSNorm, attention,
// the MLP, lm_head, softmax and -log p. backward() walks it from the loss to every weight.
Microgpt small = Microgpt.start(Documents.names(), 42, 1, 2, 1, 16);
List<Value> weights = small.model().parameters();
List<String> weightNames = small.model().parameterNames();
for (int i = 0; i < weights.size(); i++) {
    weights.get(i).label(weightNames.get(i));
}
int bos = small.tokenizer().bos();
Value loss = small.model().loss(new int[] {bos, small.tokenizer().encode("e")[1]}).label("loss");
loss.backward();
System.out.println("nodes in the small graph: " + loss.topologicalOrder().size() + ", in emma's default graph: "
        + run.model().loss(run.tokenizer().encode("emma")).topologicalOrder().size());
LessonFiles.drawGraph(loss, folder.resolve("small-graph.png"));
/exit
