// # Lesson 9: Neuron, Layer, MLP, and the training loop
//
// A Neuron is the lecture's tanh(w . x + b) with its own weights; a Layer is a list of neurons that all see the same
// inputs; an MLP chains layers, each layer's outputs becoming the next one's inputs. Their parameters() are just the
// weight and bias Values, so training is: forward pass, a loss that measures how wrong the predictions are,
// backward() to get every parameter's gradient, and a small step of each parameter against its gradient. The
// lecture's tiny data set: four inputs of three numbers, and the targets 1, -1, -1, 1.

import java.util.*;
import micrograd.engine.*;
import micrograd.nn.*;
import micrograd.train.*;

// One neuron on its own: 3 inputs, tanh, weights uniform in (-1, 1) from a generator seeded with 7, so that every
// run prints the same numbers.
Neuron neuron = new Neuron(3, Activation.TANH, Init.UNIFORM, new SplittableRandom(7));
System.out.println(neuron + " on [2, 3, -1]: " + neuron.forward(List.of(Value.of(2.0), Value.of(3.0), Value.of(-1.0))).data());

// The lecture's MLP(3, [4, 4, 1]) with tanh on every neuron, seeded so that the numbers repeat.
MLP model = MLP.builder(3).layers(4, 4, 1).activation(Activation.TANH).seed(42).build();
System.out.println(model);
System.out.println("parameters: " + model.parameters().size());

double[][] xs = {{2.0, 3.0, -1.0}, {3.0, -1.0, 0.5}, {0.5, 1.0, 1.0}, {1.0, 1.0, -1.0}};
double[] ys = {1.0, -1.0, -1.0, 1.0};

// The loop, written out as in the lecture: loss = sum of (ypred - y)^2, learning rate 0.1, 20 steps.
double firstLoss = 0, lastLoss = 0;
List<Value> ypred = new ArrayList<>();
for (int k = 0; k < 20; k++) {
    ypred.clear();
    for (double[] x : xs) {
        ypred.add(model.forward(x).get(0));
    }
    List<Value> squaredErrors = new ArrayList<>();
    for (int i = 0; i < ys.length; i++) {
        squaredErrors.add(ypred.get(i).sub(ys[i]).pow(2));
    }
    Value loss = Value.sum(squaredErrors);

    model.zeroGrad();          // backward() accumulates: forget the last step's gradients first
    loss.backward();
    for (Value p : model.parameters()) {
        p.setData(p.data() - 0.1 * p.grad());
    }
    System.out.println("step " + k + " loss " + loss.data());
    if (k == 0) { firstLoss = loss.data(); }
    lastLoss = loss.data();
}
System.out.println("loss fell from " + firstLoss + " to " + lastLoss);
System.out.println("predictions: " + ypred.stream().map(v -> String.format("%.3f", v.data())).toList() + " for targets " + Arrays.toString(ys));
/exit
