// The training view (#train...): the engine (engine.api once engine.ready has resolved: the train* exports of
// PlaygroundApi, as WebAssembly GC or JavaScript) trains, this file steps it and draws. JavaScript drives the run: each
// animation frame calls trainStep() as often as the speed control allows, for at most about 12 ms, and then draws, so
// the page stays responsive; there is no thread in the engine.
"use strict";

const training = {
  started: false,     // a run has been set up (a bad link then keeps it, or else falls back to the defaults)
  playing: false,
  losses: [],         // per step: the loss on its batch
  accuracies: [],     // per step: the accuracy on its batch, 0 to 1
  bounds: [0, 1, 0, 1],
  classes: 2,
  drawnBoundaryAt: 0, // performance.now() of the last boundary drawing
  drawnTableAt: 0,
  drawnGraphAt: 0,
  graphBusy: false,   // a point graph is being laid out by viz.js
  graphWanted: false, // the point graph should be drawn again (new weights or another point)
  graphRenders: 0,    // point graphs drawn, so that a test can wait for one
  rate: { steps: 0, since: 0, perSecond: NaN },
  points: [],         // [x, y, class] of every point, drawn and added
  speed: null,        // the speed control (speed.js)
  graph: null,        // the GraphView of the chosen point's loss graph
};

const GRID_CELLS = 50;
const SLICE_MS = 12;

const t$ = (id) => document.getElementById(id);

/** The form's fields by link key. */
const FIELDS = {
  data: "t-data", n: "t-n", noise: "t-noise", classes: "t-classes", seed: "t-seed", layers: "t-layers",
  act: "t-act", loss: "t-loss", opt: "t-opt", lr: "t-lr", batch: "t-batch", l2: "t-l2", steps: "t-steps",
};

function keysOf(text) {
  const keys = {};
  for (const pair of text.split("&")) {
    const at = pair.indexOf("=");
    if (at > 0) {
      keys[pair.slice(0, at)] = pair.slice(at + 1);
    }
  }
  return keys;
}

/** The form's settings as link keys; the points added by hand come from the running settings. */
function keysFromForm() {
  const pairs = [];
  for (const [key, id] of Object.entries(FIELDS)) {
    const field = t$(id);
    if (!field.disabled) {
      pairs.push(key + "=" + field.value.trim());
    }
  }
  const added = keysOf(engine.api.trainSettings()).add;
  if (added) {
    pairs.push("add=" + added);
  }
  return pairs.join("&");
}

function fillForm(settings) {
  const keys = keysOf(settings);
  for (const [key, id] of Object.entries(FIELDS)) {
    t$(id).value = keys[key] ?? "";
  }
  t$("t-classes").disabled = !("classes" in keys);
  training.classes = Number(keys.classes ?? 2);
  const picker = t$("t-add-class");
  replaceAll(picker, Array.from({ length: training.classes }, (_, k) => new Option(String(k), String(k))));
}

function showError(problem) {
  t$("t-error").textContent = problem;
  if (problem) {
    t$("train").dataset.state = "error";
  }
}

/** Starts a run from link keys; on a problem keeps the last run (or the defaults, on a first bad link). */
function startTraining(keys) {
  pauseTraining();
  const problem = engine.api.trainSetup(keys);
  if (problem && training.started) {
    showError(problem); // the last run goes on as it was
    return;
  }
  if (problem) {
    engine.api.trainSetup("");
  }
  training.started = true;
  const settings = engine.api.trainSettings();
  history.replaceState(null, "", "#train&" + settings);
  fillForm(settings);
  t$("t-model").textContent = engine.api.trainDescription();
  training.bounds = engine.api.trainBounds().split(" ").map(Number);
  training.points = pointsOf(engine.api.trainPoints());
  training.losses = [];
  training.accuracies = [];
  engine.api.trainChoosePoint(0);
  t$("train").dataset.state = "ready";
  showError(problem);
  drawNewRun();
}

/**
 * Draws a new run: the boundary, the weights, then the rest, each in a task of its own (the engine's first grid also
 * compiles much of it), so that the page never waits long.
 */
async function drawNewRun() {
  try {
    for (const part of [drawBoundaryOfRun, drawWeights]) {
      await nextTask();
      part();
    }
    training.drawnBoundaryAt = training.drawnTableAt = performance.now();
    training.graphWanted = true; // and the point graph, which the rest draws
    await nextTask();
  } catch (error) {
    pauseTraining();
    showError("cannot draw the run: " + error);
    return;
  }
  drawEverything(false);
}

/** Runs up to `count` steps for at most `budgetMs`; at the end of the run, pauses: "done", a normal state. */
function runSteps(count, budgetMs) {
  const start = performance.now();
  for (let i = 0; i < count && (i === 0 || performance.now() - start < budgetMs); i++) {
    if (!engine.api.trainHasNextStep()) {
      pauseTraining();
      t$("train").dataset.state = "done";
      return;
    }
    const problem = engine.api.trainStep();
    if (problem) {
      pauseTraining();
      drawEverything();
      showError(problem);
      return;
    }
    const done = engine.api.trainStepsDone();
    training.losses.push(engine.api.trainLossAt(done - 1));
    training.accuracies.push(engine.api.trainAccuracyAt(done - 1));
    training.rate.steps++;
  }
}

function frame() {
  if (!training.playing) {
    return;
  }
  runSteps(training.speed.due(performance.now()), SLICE_MS);
  const now = performance.now();
  const elapsed = now - training.rate.since;
  if (elapsed > 500) {
    training.rate.perSecond = training.rate.steps * 1000 / elapsed;
    t$("train").dataset.stepsPerSecond = training.rate.perSecond;
    training.rate.steps = 0;
    training.rate.since = now;
  }
  drawEverything(false);
  if (training.playing) {
    requestAnimationFrame(frame);
  }
}

function playTraining() {
  if (training.playing) {
    pauseTraining();
    drawEverything();
    return;
  }
  showError("");
  if (!engine.api.trainHasNextStep()) {
    startTraining(engine.api.trainSettings()); // play after the end: the same run again
  }
  training.playing = true;
  training.speed.restart();
  training.rate = { steps: 0, since: performance.now(), perSecond: NaN };
  t$("t-play").textContent = "pause";
  t$("train").dataset.state = "running";
  requestAnimationFrame(frame);
}

function pauseTraining() {
  if (training.playing) {
    training.playing = false;
    t$("t-play").textContent = "play";
    t$("train").dataset.state = "ready";
  }
}

/**
 * Draws what changed; unless `all`, the boundary at most every 100 ms, the table every 500 ms and the point's graph
 * every 2 s (viz.js lays it out on the page's thread, in some 100 ms, time the training would lose).
 */
function drawEverything(all = true) {
  try {
    drawChanges(all);
  } catch (error) {
    pauseTraining();
    showError("cannot draw the run: " + error);
  }
}

function drawChanges(all) {
  const now = performance.now();
  const done = engine.api.trainStepsDone();
  const last = training.losses.length - 1;
  t$("t-loss-value").textContent = last >= 0 ? formatNumber(training.losses[last]) : "-";
  t$("t-loss-value").title = last >= 0 ? String(training.losses[last]) : "";
  t$("t-accuracy-value").textContent = last >= 0 ? (training.accuracies[last] * 100).toFixed(1) + "%" : "-";
  const total = keysOf(engine.api.trainSettings()).steps;
  t$("t-status").textContent = (engine.api.trainHasNextStep() ? "step " + done + " of " + total
      : "done: " + done + " steps")
      + (training.playing && training.rate.perSecond > 0 ? ", " + training.rate.perSecond.toFixed(0) + " steps/s" : "");
  t$("train").dataset.steps = done;
  if (all || now - training.drawnBoundaryAt > 100) {
    drawBoundaryOfRun();
    training.drawnBoundaryAt = now;
  }
  drawCurves(t$("t-curves"), training.losses, training.accuracies);
  if (all || now - training.drawnTableAt > 500) {
    drawWeights();
    training.drawnTableAt = now;
  }
  if (all || now - training.drawnGraphAt > 2000) {
    training.graphWanted = true;
  }
  drawPointGraph();
}

function drawBoundaryOfRun() {
  const cells = engine.api.trainGrid(GRID_CELLS).split(",").map(Number);
  drawBoundary(t$("t-boundary"), training.bounds, GRID_CELLS, cells, training.points, engine.api.trainChosenPoint());
}

function drawWeights() {
  const rows = engine.api.trainWeights().trim().split("\n").map((line) => {
    const [name, data, grad] = line.split("\t");
    const row = document.createElement("tr");
    row.insertCell().textContent = name;
    numberCell(row, data, "data");
    numberCell(row, grad, "grad");
    return row;
  });
  replaceAll(t$("t-weights").tBodies[0], rows); // a large network has 100,000 rows: never spread into a call
}

/** The chosen point's loss graph, one layout at a time (viz.js is slow on a few hundred nodes). */
function drawPointGraph() {
  if (training.graphBusy || !training.graphWanted) {
    return;
  }
  training.graphWanted = false;
  training.drawnGraphAt = performance.now();
  t$("t-chosen").textContent = String(engine.api.trainChosenPoint());
  const dot = engine.api.trainPointGraph();
  if (!dot) {
    t$("t-graph-note").textContent = "This graph has " + engine.api.trainPointGraphNodes() + " values; the page draws up to "
        + engine.api.graphNodeLimit() + ". Choose smaller hidden layers, such as 8 or 4,4, to see it.";
    training.graph.showNote("no graph: too many values to lay out");
    return;
  }
  t$("t-graph-note").textContent = engine.api.trainPointGraphNodes() + " values, the weights as the last step left them.";
  training.graphBusy = true;
  renderGraph(dot).then((svg) => {
    training.graph.show(svg);
    training.graphRenders++;
    t$("train").dataset.graphRenders = training.graphRenders;
  }).catch((error) => {
    showError("cannot draw the point's graph: " + (error instanceof Error ? error.message : error));
  }).finally(() => {
    training.graphBusy = false;
    if (!training.playing) {
      drawPointGraph(); // draws the latest weights if they changed during the layout
    }
  });
}

/**
 * A tap or click on a point chooses it (within 22 CSS px for a finger, 8 for a mouse); elsewhere it adds a point of
 * the picker's class (shift-click: the next class).
 */
function clickPlot(event) {
  const canvas = t$("t-boundary");
  const box = canvas.getBoundingClientRect();
  const cx = event.clientX - box.left;
  const cy = event.clientY - box.top;
  const reach = event.pointerType === "touch" ? 22 : 8;
  let nearest = -1;
  let nearestDistance = Infinity;
  training.points.forEach(([x, y], i) => {
    const [px, py] = toPlot(training.bounds, box.width, box.height, x, y);
    const distance = Math.hypot(px - cx, py - cy);
    if (distance <= reach && distance < nearestDistance) {
      nearest = i;
      nearestDistance = distance;
    }
  });
  if (nearest >= 0) {
    engine.api.trainChoosePoint(nearest);
    drawEverything();
    return;
  }
  const [xmin, xmax, ymin, ymax] = training.bounds;
  const x = xmin + cx / box.width * (xmax - xmin);
  const y = ymax - cy / box.height * (ymax - ymin);
  const picked = Number(t$("t-add-class").value);
  const problem = engine.api.trainAddPoint(x, y, event.shiftKey ? (picked + 1) % training.classes : picked);
  showError(problem);
  if (!problem) {
    training.points = pointsOf(engine.api.trainPoints());
    history.replaceState(null, "", "#train&" + engine.api.trainSettings());
    drawEverything();
  }
}

function openTraining() {
  if (!location.hash.startsWith("#train")) {
    return;
  }
  let keys;
  try {
    keys = decodeURIComponent(location.hash.slice(1));
  } catch (error) {
    // a link cut inside a %-escape: say so in one line, and open the view with the defaults
    training.started = false;
    startTraining("");
    showError("this link's settings are not readable (" + error.message + "); the view opened with the defaults");
    return;
  }
  startTraining(keys.replace(/(^|&)present(=[^&]*)?(?=&|$)/, ""));
}

training.speed = speedControl(t$("t-speed"));
t$("t-settings-panel").open = window.innerWidth >= 700; // on a phone the plot comes first, the settings folded
training.graph = new GraphView(t$("t-graph"));
window.addEventListener("presenterchange", () => {
  training.graph.fit();
  if (training.started) {
    drawEverything();
  }
});
window.addEventListener("resize", () => {
  if (training.started && !t$("train").hidden) {
    drawEverything();
  }
});
engine.ready.then(() => {
  presenter.keys("train", {
    step: () => t$("t-step").click(),
    play: () => t$("t-play").click(),
    reset: () => t$("t-reset").click(),
    zoomIn: () => training.graph.zoomBy(1.25),
    zoomOut: () => training.graph.zoomBy(1 / 1.25),
  });
  t$("t-settings").addEventListener("submit", (event) => {
    event.preventDefault();
    startTraining(keysFromForm());
  });
  t$("t-data").addEventListener("change", () => {
    const counted = t$("t-data").value === "blobs" || t$("t-data").value === "spirals";
    t$("t-classes").disabled = !counted;
    if (counted && !t$("t-classes").value) {
      t$("t-classes").value = "2";
    }
    t$("t-noise").value = ""; // the new dataset's usual noise
    t$("t-noise").disabled = true;
    startTraining(keysFromForm().replace(/(^|&)add=[^&]*/, ""));
    t$("t-noise").disabled = false;
  });
  t$("t-play").addEventListener("click", playTraining);
  t$("t-step").addEventListener("click", () => {
    pauseTraining();
    runSteps(1, 0);
    drawEverything();
  });
  t$("t-reset").addEventListener("click", () => startTraining(engine.api.trainSettings()));
  t$("t-boundary").addEventListener("click", clickPlot);
  window.addEventListener("hashchange", openTraining);
  nextTask().then(openTraining); // each view opens in a task of its own, after every view's controls are wired
});
