// # Lesson 11: microgpt, a GPT on the scalar engine
//
// In February 2026 Karpathy published microgpt: about 200 lines of Python that train and sample a GPT with exactly
// the engine of these lessons, a scalar Value with add, mul, pow, log, exp and relu. micrograd.gpt is its Java
// twin, written to be read next to microgpt.py. This lesson walks through it: the tokenizer, one forward pass,
// attention, the training loop, sampling. PythonRandom replays CPython's random module (seed, shuffle, gauss,
// choices), so every number printed here is the Python original's.

import java.util.*;
import micrograd.data.*;
import micrograd.engine.*;
import micrograd.gpt.*;

// ## The data and the tokenizer
// 32,033 names (karpathy/makemore's names.txt, MIT licence), one document each. Every distinct character becomes a
// token, 0 to 25 for a to z, and one more token, BOS (26), marks where a name starts and ends.
List<String> names = Documents.names();
Tokenizer tokenizer = Tokenizer.of(names);
System.out.println("num docs: " + names.size() + ", vocab size: " + tokenizer.vocabSize());
System.out.println("emma -> " + Arrays.toString(tokenizer.encode("emma")));

// ## One forward pass, drawn small
// The model sees one token at a time. Its embedding (a row of wte) plus the position's (a row of wpe) is
// normalised (RMSNorm), then attention mixes in what the earlier positions said, an MLP thinks about it, and
// lm_head turns the result into one score (logit) per possible next token. A tiny model (width 4, 2 heads) on two
// letters shows the shape: each position adds its key and value to the KV cache, which later positions attend to.
Gpt tiny = Gpt.initialized(new GptShape(3, 1, 4, 2, 4), new PythonRandom(1));
KvCache cache = new KvCache(1);
Value[] first = tiny.logits(2, 0, cache);     // BOS at position 0
Value[] second = tiny.logits(0, 1, cache);    // the first letter at position 1: it attends to positions 0 and 1
System.out.println("logits after BOS, a: " + Arrays.stream(second).map(v -> String.format("%.4f", v.data())).toList());
System.out.println("cached keys: " + cache.keys(0).size() + ", nodes in the second position's graph: "
        + second[0].topologicalOrder().size());

// ## Attention, by hand
// A head compares its query with every cached key (a dot product scaled by 1/sqrt(head size)), turns the scores
// into weights with softmax, and returns the weighted sum of the values. Here with numbers small enough to check:
Value[] scores = {Value.of(1.0), Value.of(2.0), Value.of(0.5)};
Value[] weights = Gpt.softmax(scores);
System.out.println("softmax(1, 2, 0.5) = " + Arrays.stream(weights).map(v -> String.format("%.4f", v.data())).toList());

// ## The training loop
// Each step takes one name, runs the model over its tokens (BOS, e, m, m, a predicting e, m, m, a, BOS), averages
// -log(probability of the right next token), calls backward() on that one Value and lets Adam move the 4,192
// weights. With the original's seed 42 the first two losses are microgpt's 3.3660 and 3.4243; from the third on,
// this shorter run's learning rate (falling to 0 over 50 steps, not 1000) shows.
Microgpt run = Microgpt.start(names, 42, 1, 16, 4, 16);
System.out.println("num params: " + run.model().parameters().size());
System.out.println("nodes in the graph of emma's loss: " + run.model().loss(tokenizer.encode("emma")).topologicalOrder().size());
int steps = 50;
for (int step = 0; step < steps; step++) {
    double loss = run.trainStep(step, steps);
    if (step < 3 || step == steps - 1) {
        System.out.println(Microgpt.stepLine(step, steps, loss));
    }
}

// ## Sampling
// Start from BOS, draw the next token from the softmax of the logits (divided by a temperature: below 1 sharpens
// the distribution), feed it back, and stop at BOS. After only 50 steps the names are rough; `./micrograd gpt`
// trains the full 1000 steps and prints microgpt's published twenty, kamon to anton.
for (int i = 1; i <= 5; i++) {
    System.out.println("sample " + i + ": " + run.sample(0.5));
}
/exit
