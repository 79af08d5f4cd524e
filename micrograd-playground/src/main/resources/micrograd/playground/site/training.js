// The training view (#train...): the engine (the train* exports of PlaygroundApi, in its worker: engine.js) trains,
// this file steps it and draws. The run goes in batches of trainStep() at the speed control's pace (runInBatches);
// each animation frame draws what changed, so the page stays responsive while the engine works.
"use strict";

const training = {
  started: false,     // a run has been set up (a bad link then keeps it, or else falls back to the defaults)
  run: 0,             // counts runs set up, so that an answer about an earlier run is not taken for this one's
  plays: 0,           // counts plays, so that one chain of batches runs at a time
  playing: false,
  settings: "",       // the run's settings as link keys (the engine's trainSettings())
  stepsDone: 0,
  asked: 0,           // the steps asked of the engine so far: stepsDone, and those under way
  hasNextStep: false,
  chosen: 0,          // the point whose loss graph is drawn
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
  const added = keysOf(training.settings).add;
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
async function startTraining(keys) {
  pauseTraining();
  const problem = await engine.api.trainSetup(keys);
  if (problem && training.started) {
    showError(problem); // the last run goes on as it was
    return;
  }
  const run = ++training.run; // answers about the last run, asked for before this one, are in by now
  if (problem) {
    await engine.api.trainSetup("");
  }
  const [settings, description, bounds, points, , stepsDone, hasNextStep, chosen] = await engine.batch([
    ["trainSettings"], ["trainDescription"], ["trainBounds"], ["trainPoints"], ["trainChoosePoint", 0],
    ["trainStepsDone"], ["trainHasNextStep"], ["trainChosenPoint"]]);
  if (run !== training.run) {
    return;
  }
  training.started = true;
  Object.assign(training, { settings, stepsDone, asked: stepsDone, hasNextStep, chosen });
  history.replaceState(null, "", "#train&" + settings);
  fillForm(settings);
  t$("t-model").textContent = description;
  training.bounds = bounds.split(" ").map(Number);
  training.points = pointsOf(points);
  training.losses = [];
  training.accuracies = [];
  t$("train").dataset.state = "ready";
  showError(problem);
  await drawNewRun(run);
}

/** Draws a new run: the boundary, the weights, then the rest, each in a task of its own, so the page never waits. */
async function drawNewRun(run) {
  try {
    for (const part of [drawBoundaryOfRun, drawWeights]) {
      await nextTask();
      if (run !== training.run) {
        return;
      }
      await part();
    }
    training.drawnBoundaryAt = training.drawnTableAt = performance.now();
    training.graphWanted = true; // and the point graph, which the rest draws
    await nextTask();
  } catch (error) {
    pauseTraining();
    showError("cannot draw the run: " + error);
    return;
  }
  await drawEverything(false);
}

/**
 * Asks the engine for up to `count` more steps of the run (after those already asked for) and takes their losses and
 * accuracies; resolves to {more, engineMs} for runInBatches. At the run's end it pauses (the drawing then says "done",
 * a normal state); a step that diverged pauses it with that one line.
 */
async function runSteps(count) {
  const run = training.run;
  const total = Number(keysOf(training.settings).steps);
  const calls = [];
  for (; calls.length < 3 * count && training.asked < total; training.asked++) {
    calls.push(["trainStep"], ["trainLossAt", training.asked], ["trainAccuracyAt", training.asked]);
  }
  let results;
  try {
    results = await engine.batch(calls);
  } catch (error) {
    results = error.results ?? []; // a step that diverged has no loss to read: the batch stops there
    if (!results.some((result, i) => i % 3 === 0 && result !== "")) {
      throw error;
    }
  }
  if (run !== training.run) {
    return { more: false, engineMs: 0 };
  }
  let problem = "";
  let ran = 0;
  for (let i = 0; i < results.length && !problem; i += 3) {
    problem = results[i];
    if (!problem) {
      training.losses.push(results[i + 1]);
      training.accuracies.push(results[i + 2]);
      ran++;
    }
  }
  training.stepsDone += ran;
  training.rate.steps += ran;
  training.asked -= calls.length / 3 - ran; // the steps a divergence stopped are not under way
  training.hasNextStep = training.stepsDone < total;
  if (!training.hasNextStep) {
    pauseTraining();
  } else if (problem) {
    pauseTraining();
    await drawEverything();
    showError(problem);
  }
  return { more: training.hasNextStep && !problem, engineMs: results.engineMs ?? 0 };
}

/** Plays the run: batches of steps in the engine, and a drawing of what changed in every animation frame. */
async function playRun() {
  const play = ++training.plays;
  const going = () => training.playing && play === training.plays;
  requestAnimationFrame(frame);
  try {
    const { finished } = await runInBatches(training.speed, runSteps, going);
    if (finished) {
      await drawEverything();
    }
  } catch (error) {
    pauseTraining();
    showError("the engine failed: " + messageOf(error));
  }
}

function frame() {
  if (!training.playing) {
    return;
  }
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

async function playTraining() {
  if (training.playing) {
    pauseTraining();
    drawEverything();
    return;
  }
  showError("");
  if (!training.hasNextStep) {
    await startTraining(training.settings); // play after the end: the same run again
  }
  training.playing = true;
  training.speed.restart();
  training.rate = { steps: 0, since: performance.now(), perSecond: NaN };
  t$("t-play").textContent = "pause";
  t$("train").dataset.state = "running";
  playRun();
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
async function drawEverything(all = true) {
  try {
    await drawChanges(all);
  } catch (error) {
    pauseTraining();
    showError("cannot draw the run: " + error);
  }
}

async function drawChanges(all) {
  const now = performance.now();
  const done = training.stepsDone;
  const last = training.losses.length - 1;
  t$("t-loss-value").textContent = last >= 0 ? formatNumber(training.losses[last]) : "-";
  t$("t-loss-value").title = last >= 0 ? String(training.losses[last]) : "";
  t$("t-accuracy-value").textContent = last >= 0 ? (training.accuracies[last] * 100).toFixed(1) + "%" : "-";
  const total = keysOf(training.settings).steps;
  t$("t-status").textContent = (training.hasNextStep ? "step " + done + " of " + total
      : "done: " + done + " steps")
      + (training.playing && training.rate.perSecond > 0 ? ", " + training.rate.perSecond.toFixed(0) + " steps/s" : "");
  t$("train").dataset.steps = done;
  drawCurves(t$("t-curves"), training.losses, training.accuracies);
  if (all || now - training.drawnGraphAt > 2000) {
    training.graphWanted = true;
  }
  const boundary = all || now - training.drawnBoundaryAt > 100;
  const table = all || now - training.drawnTableAt > 500;
  if (boundary) {
    training.drawnBoundaryAt = now;
  }
  if (table) {
    training.drawnTableAt = now;
  }
  await Promise.all([boundary && drawBoundaryOfRun(), table && drawWeights(), drawPointGraph()]);
  if (!training.hasNextStep && !training.playing && t$("train").dataset.state === "ready") {
    t$("train").dataset.state = "done"; // once the end is drawn: a test then reads the whole run
  }
}

async function drawBoundaryOfRun() {
  const cells = (await engine.api.trainGrid(GRID_CELLS)).split(",").map(Number);
  drawBoundary(t$("t-boundary"), training.bounds, GRID_CELLS, cells, training.points, training.chosen);
}

async function drawWeights() {
  const rows = (await engine.api.trainWeights()).trim().split("\n").map((line) => {
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
async function drawPointGraph() {
  if (training.graphBusy || !training.graphWanted) {
    return;
  }
  training.graphWanted = false;
  training.graphBusy = true;
  training.drawnGraphAt = performance.now();
  let dot;
  let nodes;
  try {
    [dot, nodes] = await engine.batch([["trainPointGraph"], ["trainPointGraphNodes"]]);
  } catch (error) {
    training.graphBusy = false;
    throw error;
  }
  t$("t-chosen").textContent = String(training.chosen);
  if (!dot) {
    t$("t-graph-note").textContent = "This graph has " + nodes + " values; the page draws up to "
        + page.graphNodeLimit + ". Choose smaller hidden layers, such as 8 or 4,4, to see it.";
    training.graph.showNote("no graph: too many values to lay out");
    training.graphBusy = false;
    return;
  }
  t$("t-graph-note").textContent = nodes + " values, the weights as the last step left them.";
  renderGraph(dot).then((svg) => {
    training.graph.show(svg);
    training.graphRenders++;
    t$("train").dataset.graphRenders = training.graphRenders;
  }).catch((error) => {
    showError("cannot draw the point's graph: " + messageOf(error));
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
async function clickPlot(event) {
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
    await engine.api.trainChoosePoint(nearest);
    training.chosen = nearest;
    await drawEverything();
    return;
  }
  const [xmin, xmax, ymin, ymax] = training.bounds;
  const x = xmin + cx / box.width * (xmax - xmin);
  const y = ymax - cy / box.height * (ymax - ymin);
  const picked = Number(t$("t-add-class").value);
  const problem = await engine.api.trainAddPoint(x, y, event.shiftKey ? (picked + 1) % training.classes : picked);
  showError(problem);
  if (!problem) {
    // the point changes the data and the link, not the steps: they go on, and never pass the settings' steps
    const [points, settings] = await engine.batch([["trainPoints"], ["trainSettings"]]);
    training.points = pointsOf(points);
    training.settings = settings;
    history.replaceState(null, "", "#train&" + training.settings);
    await drawEverything();
  }
}

async function openTraining() {
  if (!location.hash.startsWith("#train")) {
    return;
  }
  let keys;
  try {
    keys = decodeURIComponent(location.hash.slice(1));
  } catch (error) {
    // a link cut inside a %-escape: say so in one line, and open the view with the defaults
    training.started = false;
    await startTraining("");
    showError("this link's settings are not readable (" + error.message + "); the view opened with the defaults");
    return;
  }
  await startTraining(keys.replace(/(^|&)present(=[^&]*)?(?=&|$)/, ""));
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
  t$("t-step").addEventListener("click", async () => {
    pauseTraining();
    await runSteps(1);
    await drawEverything();
  });
  t$("t-reset").addEventListener("click", () => startTraining(training.settings));
  t$("t-boundary").addEventListener("click", clickPlot);
  window.addEventListener("hashchange", openTraining);
  nextTask().then(openTraining); // each view opens in a task of its own, after every view's controls are wired
});
