// The training view (#train...): the engine (engine.api once engine.ready has resolved: the train* exports of
// PlaygroundApi, as WebAssembly GC or JavaScript) trains, this file steps it and draws. JavaScript drives the run: each
// animation frame calls trainStep() for a slice of about 12 ms and then draws, so the page stays responsive; there is
// no thread in the engine.
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
  viz: new Viz(),
};

const CLASS_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
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
  picker.replaceChildren(...Array.from({ length: training.classes }, (_, k) => new Option(String(k), String(k))));
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
  training.losses = [];
  training.accuracies = [];
  engine.api.trainChoosePoint(0);
  t$("train").dataset.state = "ready";
  showError(problem);
  drawEverything();
}

function runSteps(budgetMs) {
  const start = performance.now();
  do {
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
  } while (performance.now() - start < budgetMs);
}

function frame() {
  if (!training.playing) {
    return;
  }
  runSteps(SLICE_MS);
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
  training.playing = true;
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
  t$("t-loss-value").textContent = last >= 0 ? String(training.losses[last]) : "-";
  t$("t-accuracy-value").textContent = last >= 0 ? (training.accuracies[last] * 100).toFixed(1) + "%" : "-";
  t$("t-status").textContent = "step " + done + " of " + keysOf(engine.api.trainSettings()).steps
      + (training.playing && training.rate.perSecond > 0 ? ", " + training.rate.perSecond.toFixed(0) + " steps/s" : "");
  t$("train").dataset.steps = done;
  if (all || now - training.drawnBoundaryAt > 100) {
    drawBoundary();
    training.drawnBoundaryAt = now;
  }
  drawCurves();
  if (all || now - training.drawnTableAt > 500) {
    drawWeights();
    training.drawnTableAt = now;
  }
  if (all || now - training.drawnGraphAt > 2000) {
    training.graphWanted = true;
  }
  drawPointGraph();
}

function toCanvas(canvas, x, y) {
  const [xmin, xmax, ymin, ymax] = training.bounds;
  return [(x - xmin) / (xmax - xmin) * canvas.width, (ymax - y) / (ymax - ymin) * canvas.height];
}

function drawBoundary() {
  const canvas = t$("t-boundary");
  const context = canvas.getContext("2d");
  const cells = engine.api.trainGrid(GRID_CELLS).split(",").map(Number);
  const w = canvas.width / GRID_CELLS;
  const h = canvas.height / GRID_CELLS;
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < cells.length; i++) {
    const label = Math.floor(cells[i] / 100);
    context.globalAlpha = 0.12 + 0.5 * (cells[i] % 100) / 99;
    context.fillStyle = CLASS_COLOURS[label % CLASS_COLOURS.length];
    context.fillRect((i % GRID_CELLS) * w, Math.floor(i / GRID_CELLS) * h, Math.ceil(w), Math.ceil(h));
  }
  context.globalAlpha = 1;
  const chosen = engine.api.trainChosenPoint();
  for (let i = 0; i < engine.api.trainPointCount(); i++) {
    const [px, py] = toCanvas(canvas, engine.api.trainPointX(i), engine.api.trainPointY(i));
    context.beginPath();
    context.arc(px, py, i === chosen ? 6 : 4, 0, 2 * Math.PI);
    context.fillStyle = CLASS_COLOURS[engine.api.trainPointClass(i) % CLASS_COLOURS.length];
    context.fill();
    context.lineWidth = i === chosen ? 2.5 : 1;
    context.strokeStyle = i === chosen ? "#000" : "#fff";
    context.stroke();
  }
  canvas.dataset.draws = Number(canvas.dataset.draws ?? 0) + 1;
}

/** Loss (top, from 0 to its largest) and accuracy (bottom, 0 to 100%) against the step. */
function drawCurves() {
  const canvas = t$("t-curves");
  const context = canvas.getContext("2d");
  const half = canvas.height / 2;
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.font = "12px system-ui, sans-serif";
  const n = training.losses.length;
  const finite = training.losses.filter(Number.isFinite);
  const top = Math.max(1e-12, ...finite);
  const plot = (values, y0, height, max, colour) => {
    context.beginPath();
    values.forEach((v, i) => {
      const x = n <= 1 ? 0 : i / (n - 1) * (canvas.width - 1);
      const y = y0 + height - Math.min(v / max, 1) * (height - 4) - 2;
      if (i === 0) {
        context.moveTo(x, y);
      } else {
        context.lineTo(x, y);
      }
    });
    context.strokeStyle = colour;
    context.lineWidth = 1.5;
    context.stroke();
  };
  plot(training.losses, 0, half, top, "#c0392b");
  plot(training.accuracies, half, half, 1, "#1f77b4");
  context.strokeStyle = "#ccc";
  context.lineWidth = 1;
  context.strokeRect(0.5, 0.5, canvas.width - 1, half - 1);
  context.strokeRect(0.5, half + 0.5, canvas.width - 1, half - 1);
  context.fillStyle = "#333";
  context.fillText("loss (0 to " + top.toPrecision(3) + ")", 6, 14);
  context.fillText("accuracy (0 to 100%)", 6, half + 14);
}

function drawWeights() {
  const rows = engine.api.trainWeights().trim().split("\n").map((line) => {
    const row = document.createElement("tr");
    for (const cell of line.split("\t")) {
      const td = document.createElement("td");
      td.textContent = cell;
      row.append(td);
    }
    return row;
  });
  t$("t-weights").tBodies[0].replaceChildren(...rows);
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
        + engine.api.trainGraphNodeLimit() + ". Choose smaller hidden layers, such as 8 or 4,4, to see it.";
    t$("t-graph").replaceChildren();
    return;
  }
  t$("t-graph-note").textContent = engine.api.trainPointGraphNodes() + " values, the weights as the last step left them.";
  training.graphBusy = true;
  training.viz.renderSVGElement(dot).then((svg) => {
    t$("t-graph").replaceChildren(svg);
    training.graphRenders++;
    t$("train").dataset.graphRenders = training.graphRenders;
  }).catch((error) => {
    training.viz = new Viz(); // viz.js cannot be used again after an error
    showError("cannot draw the point's graph: " + error);
  }).finally(() => {
    training.graphBusy = false;
    if (!training.playing) {
      drawPointGraph(); // draws the latest weights if they changed during the layout
    }
  });
}

/** A click on a point chooses it; elsewhere it adds a point (shift: the next class after the picker's). */
function clickPlot(event) {
  const canvas = t$("t-boundary");
  const box = canvas.getBoundingClientRect();
  const cx = (event.clientX - box.left) * canvas.width / box.width;
  const cy = (event.clientY - box.top) * canvas.height / box.height;
  for (let i = 0; i < engine.api.trainPointCount(); i++) {
    const [px, py] = toCanvas(canvas, engine.api.trainPointX(i), engine.api.trainPointY(i));
    if (Math.hypot(px - cx, py - cy) <= 6) {
      engine.api.trainChoosePoint(i);
      drawEverything();
      return;
    }
  }
  const [xmin, xmax, ymin, ymax] = training.bounds;
  const x = xmin + cx / canvas.width * (xmax - xmin);
  const y = ymax - cy / canvas.height * (ymax - ymin);
  const picked = Number(t$("t-add-class").value);
  const problem = engine.api.trainAddPoint(x, y, event.shiftKey ? (picked + 1) % training.classes : picked);
  showError(problem);
  if (!problem) {
    history.replaceState(null, "", "#train&" + engine.api.trainSettings());
    drawEverything();
  }
}

function openTraining() {
  if (!location.hash.startsWith("#train")) {
    return;
  }
  t$("train").hidden = false;
  startTraining(decodeURIComponent(location.hash.slice(1)));
}

engine.ready.then(() => {
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
    runSteps(0);
    drawEverything();
  });
  t$("t-reset").addEventListener("click", () => startTraining(engine.api.trainSettings()));
  t$("t-boundary").addEventListener("click", clickPlot);
  window.addEventListener("hashchange", openTraining);
  openTraining();
});
