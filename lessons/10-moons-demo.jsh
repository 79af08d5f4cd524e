// # Lesson 10: the moons demo
//
// micrograd's demo.ipynb: 100 points in two interleaving half moons, labelled -1 and +1. An MLP(2, [16, 16, 1])
// (ReLU hidden layers, a linear output: a score whose sign is the class) learns to separate them. The loss is the
// SVM max-margin loss, the mean of relu(1 - y * score), which is zero once every point is on its side by a margin,
// plus a little L2 regularisation, 1e-4 * sum of p^2, which keeps the weights small. 100 steps of full-batch
// gradient descent, the learning rate falling linearly from 1.0 to 0.1. Then we look at what it learned: the
// model's decision regions over a grid, with the points on top. The notebook seeds Python's and NumPy's generators
// with 1337; MersenneTwister replays both streams, so the moons, the initial weights and every logged number below
// are the notebook's own. MicrogradDemo holds that definition (the data, the model, the trainer) for `micrograd
// demo`, the playground's demo and the benchmarks; here we take its data and model and write its loop out by hand.

import java.nio.file.*;
import java.util.*;
import micrograd.data.*;
import micrograd.engine.*;
import micrograd.lessons.LessonFiles;
import micrograd.nn.*;
import micrograd.train.*;
import micrograd.plot.*;

MicrogradDemo demo = new MicrogradDemo(1337);   // random.seed(1337), np.random.seed(1337)
Dataset moons = demo.moons();   // make_moons(n_samples=100, noise=0.1)
double[] y = moons.signedLabels();
MLP model = demo.model();   // MLP(2, [16, 16, 1])
System.out.println(model);
System.out.println("number of parameters " + model.parameters().size());

List<TrainingStep> history = new ArrayList<>();
for (int k = 0; k < 100; k++) {
    List<Value> scores = new ArrayList<>();
    for (int i = 0; i < moons.size(); i++) {
        scores.add(model.forward(moons.row(i)).get(0));
    }
    Value dataLoss = Loss.hinge(scores, y);
    Value loss = dataLoss.add(Loss.l2(model.parameters(), 1e-4));
    double accuracy = Metrics.accuracy(scores, y);

    model.zeroGrad();
    loss.backward();
    double learningRate = 1.0 - 0.9 * k / 100;
    for (Value p : model.parameters()) {
        p.setData(p.data() - learningRate * p.grad());
    }
    history.add(new TrainingStep(k, loss.data(), accuracy, learningRate));
    if (k % 10 == 0 || k == 99) {
        System.out.println("step " + k + " loss " + loss.data() + ", accuracy " + accuracy * 100 + "%");
    }
}
System.out.println("final training accuracy " + Metrics.accuracy(model, moons) * 100 + "%");

// The loop above is the demo's trainer, written out: MicrogradDemo's Trainer, on fresh weights, takes the same 100
// steps and ends on the same loss, to the last bit.
List<TrainingStep> log = demo.trainer().build().fit(demo.model(), moons);
System.out.println("the demo's Trainer: step 99 loss " + log.get(99).loss()
        + (log.get(99).loss() == history.get(99).loss() ? ", the loop's own" : ", not the loop's " + history.get(99).loss()));

Path folder = LessonFiles.folder("10-moons-demo");
Path boundary = DecisionBoundaryPlot.save(folder.resolve("moons-decision-boundary.png"), "MLP(2, [16, 16, 1]) on moons", model, moons);
Path training = TrainingPlot.save(folder.resolve("moons-training.png"), "training", history);
System.out.println("wrote " + boundary + " and " + training);
LessonFiles.show(boundary);   // inline in a notebook; nothing in JShell
LessonFiles.show(training);
/exit
