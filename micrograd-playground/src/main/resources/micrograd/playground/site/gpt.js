// The gpt view (#gpt...): microgpt trained in the page by the engine (engine.api once engine.ready has resolved: the
// gpt* exports of PlaygroundApi, as WebAssembly GC or JavaScript). As in the training view, JavaScript drives the run:
// the engine works in slices of about 8 ms (training steps, a look at the samples, the final samples, one call each)
// between which the browser draws (once per animation frame) and answers, so the page stays responsive; there is no
// thread in the engine.
"use strict";

const gpt = {
  names: null,        // the text of names.txt, fetched once
  started: false,
  playing: false,
  settings: {},       // the run's link keys
  lines: [],          // what `micrograd gpt` prints: the header, the step lines, the samples
  losses: [],
  looks: [],          // [{step, names}] the samples drawn from a copy of the random stream during training
  look: null,         // the look being drawn
  finals: 0,
  speed: null,        // the speed control (speed.js)
  lastFrame: null,
  sliceTimer: null,
  generation: 0,      // counts plays, so that one chain of slices runs at a time
  timing: null,       // {start, trainedMs, engineMs, frameGap, slice}
  readAt: 0,          // performance.now() of the last reading of the name
  graph: { done: 0, steps: 0, timer: null, renders: 0, view: null },
};

const GPT_SLICE_MS = 8;
const GPT_MEAN_OVER = 50;
const g$ = (id) => document.getElementById(id);
// keysOf(text), the link's keys as an object, is training.js's (loaded before this file)

function gptError(problem) {
  g$("g-error").textContent = problem;
  if (problem) {
    g$("gpt").dataset.state = "error";
  }
}

/** Starts a run from link keys; a bad key keeps the last run (or, on a first bad link, the defaults, paused). */
function gptStart(keys, paused) {
  gptPause();
  let problem = engine.api.gptSetup(keys, gpt.names);
  if (problem && gpt.started) {
    gptError(problem);
    return;
  }
  if (problem) {
    engine.api.gptSetup("", gpt.names);
    paused = true;
  }
  gpt.started = true;
  const settings = engine.api.gptSettings();
  gpt.settings = keysOf(settings);
  history.replaceState(null, "", "#gpt&" + settings + (paused ? "&paused" : ""));
  for (const [key, value] of Object.entries(gpt.settings)) {
    g$("g-" + key).value = value;
  }
  gpt.lines = engine.api.gptHeader().split("\n");
  g$("g-log").dataset.lines = 0;
  gpt.losses = [];
  gpt.looks = [];
  gpt.look = null;
  gpt.finals = 0;
  gpt.timing = { start: null, trainedMs: NaN, engineMs: 0, frameGap: 0, slice: 0 };
  g$("gpt").dataset.state = "ready";
  gptError(problem);
  gptReadName();
  gptDraw();
  if (!paused) {
    gptPlay();
  }
}

/** One call into the engine: a look's next name, else a training step, else a final sample; false when all is done. */
function gptWork() {
  const api = engine.api;
  const steps = Number(gpt.settings.steps);
  if (gpt.look) {
    gpt.look.names.push(api.gptLookNext());
    if (gpt.look.names.length >= Number(gpt.settings.samples)) {
      gpt.looks.push(gpt.look);
      gpt.look = null;
    }
    return true;
  }
  if (gpt.losses.length < steps) {
    if (gpt.timing.start === null) {
      gpt.timing.start = performance.now();
    }
    const before = performance.now();
    gpt.lines.push(api.gptStep());
    gpt.timing.engineMs += performance.now() - before;
    const done = gpt.losses.length + 1;
    gpt.losses.push(api.gptLossAt(done - 1));
    if (done === steps) {
      gpt.timing.trainedMs = performance.now() - gpt.timing.start;
      gpt.lines.push("", "--- inference (new, hallucinated names) ---");
    }
    const every = Number(gpt.settings.every);
    if (every > 0 && done < steps && (done === 1 || done % every === 0)) {
      api.gptStartLook();
      gpt.look = { step: done, names: [] };
    }
    return true;
  }
  const sample = api.gptFinalSample();
  if (sample) {
    gpt.lines.push(sample);
    gpt.finals++;
    return true;
  }
  return false;
}

/**
 * One slice of the run. As fast as it goes: calls into the engine until GPT_SLICE_MS have passed, then hands the
 * browser back its event loop, so that it draws and answers between slices, as #demo does. At a set speed: the steps
 * that are due (speed.js), every 16 ms. Drawing happens in animation frames (gptFrame), apart from the work.
 */
function gptSlice() {
  if (!gpt.playing) {
    return;
  }
  const start = performance.now();
  let more = true;
  const due = gpt.speed.due(start);
  if (due === Infinity) {
    do {
      more = gptWork();
    } while (more && performance.now() - start < GPT_SLICE_MS);
  } else {
    for (let i = 0; i < due && more; i++) {
      more = gptWork();
    }
  }
  gpt.timing.slice = Math.max(gpt.timing.slice, performance.now() - start);
  if (!more) {
    gptPause();
    Object.assign(g$("gpt").dataset, { trainMs: gpt.timing.trainedMs, engineMs: gpt.timing.engineMs,
      longestFrameGapMs: gpt.timing.frameGap, longestSliceMs: gpt.timing.slice });
    gptDraw(true);
    g$("gpt").dataset.state = "done";
    return;
  }
  gptNextSlice();
}

/**
 * Schedules the next slice: at full speed through a message to the page itself, which the browser delivers as soon
 * as it has drawn and answered (setTimeout(0) would wait at least 4 ms once nested, a third of each slice).
 */
function gptNextSlice() {
  if (gpt.speed.perSecond === Infinity) {
    gptChannel.port2.postMessage(gpt.generation);
  } else {
    gpt.sliceTimer = setTimeout(gptSlice, 16);
  }
}

const gptChannel = new MessageChannel();
// a message sent before a pause and a new play belongs to the old chain of slices: only the current one runs on
gptChannel.port1.onmessage = (event) => {
  if (event.data === gpt.generation) {
    gptSlice();
  }
};

/** Draws the run while it plays, once per animation frame, and measures the longest gap between two frames. */
function gptFrame(now) {
  if (!gpt.playing) {
    return;
  }
  if (gpt.lastFrame !== null) {
    gpt.timing.frameGap = Math.max(gpt.timing.frameGap, now - gpt.lastFrame);
  }
  gpt.lastFrame = now;
  gptDraw(performance.now() - gpt.readAt > 300);
  requestAnimationFrame(gptFrame);
}

function gptPlay() {
  if (gpt.playing) {
    gptPause();
    gptDraw(true);
    return;
  }
  gptError("");
  gpt.playing = true;
  gpt.generation++;
  gpt.lastFrame = null;
  gpt.speed.restart();
  g$("g-play").textContent = "pause";
  g$("gpt").dataset.state = "running";
  gptNextSlice();
  requestAnimationFrame(gptFrame);
}

function gptPause() {
  if (gpt.playing) {
    gpt.playing = false;
    clearTimeout(gpt.sliceTimer);
    g$("g-play").textContent = "play";
    g$("gpt").dataset.state = "ready";
  }
}

/** The step button: one training step (or, after the last, one more sample), then everything drawn. */
function gptStepOnce() {
  gptPause();
  while (gpt.look) {
    gptWork(); // a look started by the last step is finished first, so that "step" is always one step
  }
  gptWork();
  gptDraw(true);
}

/** Draws the log, the curve, the looks; with `all`, the name's reading as well (a forward pass in the engine). */
function gptDraw(all = true) {
  try {
    const done = gpt.losses.length;
    const steps = Number(gpt.settings.steps);
    g$("g-status").textContent = "step " + done + " of " + steps + gptSpeedText();
    g$("gpt").dataset.steps = done;
    const log = g$("g-log");
    const shown = Number(log.dataset.lines ?? 0);
    if (shown > gpt.lines.length || shown === 0) {
      log.textContent = gpt.lines.join("\n");
    } else if (shown < gpt.lines.length) {
      log.append("\n" + gpt.lines.slice(shown).join("\n")); // only the new lines: the log grows to 1000 and more
    }
    if (shown !== gpt.lines.length) {
      log.dataset.lines = gpt.lines.length;
      log.scrollTop = log.scrollHeight;
    }
    gptDrawCurve();
    gptDrawLooks();
    if (all) {
      gptReadName();
    }
  } catch (error) {
    gptPause();
    gptError("cannot draw the run: " + error);
  }
}

function gptSpeedText() {
  const t = gpt.timing;
  if (!Number.isFinite(t.trainedMs)) {
    return "";
  }
  const steps = gpt.losses.length;
  return "; trained in " + (t.trainedMs / 1000).toFixed(2) + " s, " + (steps * 1000 / t.trainedMs).toFixed(0)
      + " steps/s (" + (steps * 1000 / t.engineMs).toFixed(0) + " steps/s in the engine, " + engine.name + ")";
}

/** Each step's loss (light) and its running mean over the last GPT_MEAN_OVER steps (dark), with log(27) marked. */
function gptDrawCurve() {
  const canvas = g$("g-curve");
  const context = canvas.getContext("2d");
  const steps = Number(gpt.settings.steps);
  const top = 4.5;
  const x = (i) => 30 + i / Math.max(steps - 1, 1) * (canvas.width - 40);
  const y = (loss) => 10 + (1 - Math.min(loss, top) / top) * (canvas.height - 30);
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.font = "12px system-ui, sans-serif";
  context.strokeStyle = "#ccc";
  context.fillStyle = "#555";
  for (let level = 0; level <= 4; level++) {
    context.beginPath();
    context.moveTo(30, y(level));
    context.lineTo(canvas.width - 10, y(level));
    context.stroke();
    context.fillText(String(level), 12, y(level) + 4);
  }
  const uniform = Math.log(27);
  context.setLineDash([4, 4]);
  context.strokeStyle = "#888";
  context.beginPath();
  context.moveTo(30, y(uniform));
  context.lineTo(canvas.width - 10, y(uniform));
  context.stroke();
  context.setLineDash([]);
  context.fillText("-log(1/27) = 3.30, a uniform guess", 36, y(uniform) - 4);
  const line = (values, colour, width) => {
    context.beginPath();
    values.forEach((v, i) => (i === 0 ? context.moveTo(x(i), y(v)) : context.lineTo(x(i), y(v))));
    context.strokeStyle = colour;
    context.lineWidth = width;
    context.stroke();
    context.lineWidth = 1;
  };
  line(gpt.losses, "#f2a99f", 1);
  line(gptRunningMean(gpt.losses), "#c0392b", 2);
  context.fillStyle = "#333";
  context.fillText("loss per step (light) and its mean over the last " + GPT_MEAN_OVER + " steps (dark)", 36,
      canvas.height - 6);
}

function gptRunningMean(values) {
  const means = [];
  let total = 0;
  values.forEach((v, i) => {
    total += v - (i >= GPT_MEAN_OVER ? values[i - GPT_MEAN_OVER] : 0);
    means.push(total / Math.min(i + 1, GPT_MEAN_OVER));
  });
  return means;
}

function gptDrawLooks() {
  const rows = gpt.looks.map((look) => "step " + String(look.step).padStart(4) + ": " + look.names.join(" "));
  const text = rows.join("\n");
  if (g$("g-looks").textContent !== text) {
    g$("g-looks").textContent = text;
    const names = new Set(gpt.looks.flatMap((look) => look.names).filter((name) => name));
    g$("g-name-list").replaceChildren(...[...names].slice(-40).map((name) => new Option(name)));
  }
}

// ---- inside the model: the name read with the current weights ----

/** Reads the name in the field with the current weights and draws its tokens, attention, probabilities and losses. */
function gptReadName() {
  gpt.readAt = performance.now();
  const api = engine.api;
  const name = g$("g-name").value.trim();
  const problem = api.gptRead(name);
  g$("g-read-error").textContent = problem;
  if (problem) {
    return;
  }
  const tokens = api.gptReadTokens().trim().split("\n").map((line) => line.split("\t"));
  const losses = api.gptReadLosses().split(",").map(Number);
  const table = g$("g-tokens");
  const cells = (label, values) => {
    const row = document.createElement("tr");
    row.append(Object.assign(document.createElement("th"), { textContent: label }));
    for (const value of values) {
      row.insertCell().textContent = value;
    }
    return row;
  };
  table.replaceChildren(cells("position", tokens.map((_, i) => String(i))),
      cells("token", tokens.map((t) => t[1])), cells("id", tokens.map((t) => t[0])),
      cells("loss predicting the next", losses.map((l) => l.toFixed(3)).concat([""])));
  const [layers, heads] = api.gptShape().split(" ").map(Number);
  const labels = tokens.slice(0, losses.length).map((t) => t[1]);
  const maps = [];
  for (let layer = 0; layer < layers; layer++) {
    for (let head = 0; head < heads; head++) {
      const rows = api.gptReadAttention(layer, head).split(";").map((row) => row.split(",").map(Number));
      maps.push(gptHeatmap("layer " + layer + ", head " + head, rows, labels));
    }
  }
  g$("g-attention").replaceChildren(...maps);
  g$("g-probs").replaceChildren(gptProbabilityBars(tokens, losses.length));
  g$("gpt").dataset.reads = Number(g$("gpt").dataset.reads ?? 0) + 1;
}

/** One head's attention, a row per position (the query), a column per earlier position; the masked cells hatched. */
function gptHeatmap(title, rows, labels) {
  const n = rows.length;
  const cell = Math.max(14, Math.min(28, Math.floor(220 / n)));
  const margin = 22;
  const canvas = document.createElement("canvas");
  canvas.width = margin + n * cell + 2;
  canvas.height = margin + n * cell + 18;
  canvas.title = title + ": row = position attending, column = position attended to";
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.font = "11px ui-monospace, monospace";
  context.textAlign = "center";
  for (let i = 0; i < n; i++) {
    context.fillStyle = "#333";
    context.fillText(labels[i], margin + i * cell + cell / 2, margin - 6);
    context.fillText(labels[i], margin / 2, margin + i * cell + cell / 2 + 4);
    for (let j = 0; j < n; j++) {
      const left = margin + j * cell;
      const top = margin + i * cell;
      if (j > i) {
        context.fillStyle = "#eee"; // the causal mask: a position cannot look ahead
        context.fillRect(left, top, cell - 1, cell - 1);
        context.strokeStyle = "#ccc";
        context.beginPath();
        context.moveTo(left, top + cell - 1);
        context.lineTo(left + cell - 1, top);
        context.stroke();
      } else {
        const w = rows[i][j];
        context.fillStyle = "rgb(" + Math.round(255 - 225 * w) + "," + Math.round(255 - 160 * w) + ","
            + Math.round(255 - 60 * w) + ")";
        context.fillRect(left, top, cell - 1, cell - 1);
      }
    }
  }
  context.textAlign = "left";
  context.fillStyle = "#333";
  context.fillText(title, 2, canvas.height - 4);
  const figure = document.createElement("figure");
  figure.append(canvas);
  return figure;
}

/** Per position, the probability of each next token as a bar, the actual next token's bar dark. */
function gptProbabilityBars(tokens, positions) {
  const api = engine.api;
  const characters = [...api.gptVocabulary()];
  const vocab = characters.length + 1;
  const bar = 14;
  const rowHeight = 56;
  const canvas = document.createElement("canvas");
  canvas.width = 70 + vocab * bar;
  canvas.height = positions * rowHeight + 16;
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.font = "11px ui-monospace, monospace";
  for (let pos = 0; pos < positions; pos++) {
    const probs = api.gptReadProbabilities(pos).split(",").map(Number);
    const next = Number(tokens[pos + 1][0]);
    const base = pos * rowHeight + rowHeight - 6;
    context.fillStyle = "#333";
    context.fillText(tokens[pos][1] + " \u2192 " + tokens[pos + 1][1], 2, base - 12);
    probs.forEach((p, id) => {
      context.fillStyle = id === next ? "#c0392b" : "#9db9d8";
      const h = Math.max(1, p * (rowHeight - 10));
      context.fillRect(70 + id * bar, base - h, bar - 1, h);
    });
  }
  context.fillStyle = "#555";
  characters.forEach((character, id) => context.fillText(character, 70 + id * bar, canvas.height - 3));
  context.fillText("\u2022", 70 + characters.length * bar, canvas.height - 3);
  canvas.title = "next-token probabilities per position, a to z then BOS (\u2022); the actual next token dark";
  return canvas;
}

// ---- the graph of one step: a small model's first position, drawn and stepped as the expression view does ----

function gptBuildGraph() {
  const api = engine.api;
  const name = g$("g-name").value.trim();
  const problem = api.gptSmallGraph(name);
  g$("g-graph-error").textContent = problem;
  if (problem) {
    return;
  }
  const nodes = JSON.parse(api.gptGraphJson()).nodes.length;
  gpt.graph.steps = api.gptGraphStepCount();
  g$("g-graph-note").textContent = "A model " + GPT_SMALL + ", untrained: the loss of its first position (BOS "
      + "predicting \u201c" + name[0] + "\u201d) is " + nodes + " nodes.";
  g$("gpt").dataset.graphNodes = nodes;
  const size = api.gptGraphSize(name).split("\n");
  g$("g-graph-size").textContent = "The run's model, on all of \u201c" + name + "\u201d: " + size[0] + " nodes\n"
      + size.slice(1).map((line) => "  " + line.replace("\t", ": ")).join("\n");
  gptShowGraph(gpt.graph.steps);
}

const GPT_SMALL = "embd 2, heads 1";

function gptShowGraph(done) {
  const api = engine.api;
  const graph = gpt.graph;
  graph.done = done;
  g$("g-graph-position").textContent = "step " + done + " of " + graph.steps;
  const current = done > 0 ? api.gptGraphStepNode(done - 1) : -1;
  g$("g-graph-rule").textContent = done > 0 ? api.gptGraphStepText(done - 1) : "before backward(): every grad is 0";
  renderGraph(api.gptGraphDotAfter(done)).then((svg) => {
    if (graph.done !== done) {
      return;
    }
    markCurrentNode(svg, current);
    graph.view.show(svg);
    graph.renders++;
    g$("gpt").dataset.graphRenders = graph.renders;
  }).catch((error) => {
    g$("g-graph-error").textContent = "cannot draw the graph: " + (error instanceof Error ? error.message : error);
  });
}

function gptGraphPlay() {
  const graph = gpt.graph;
  if (graph.timer) {
    clearInterval(graph.timer);
    graph.timer = null;
    g$("g-graph-play").textContent = "play";
    return;
  }
  if (graph.done >= graph.steps) {
    gptShowGraph(0);
  }
  g$("g-graph-play").textContent = "pause";
  graph.timer = setInterval(() => {
    if (graph.done >= graph.steps) {
      gptGraphPlay();
    } else {
      gptShowGraph(graph.done + 1);
    }
  }, 700);
}

function gptOpen() {
  if (!location.hash.startsWith("#gpt")) {
    return;
  }
  let keys;
  try {
    keys = decodeURIComponent(location.hash.slice(1)).replace(/(^|&)present(=[^&]*)?(?=&|$)/, "");
  } catch (error) {
    keys = "gpt&paused"; // a link cut inside a %-escape: the defaults, paused, and one line saying so
    gptError("this link's settings are not readable (" + error.message + "); the view opened with the defaults");
  }
  const paused = keys.split("&").includes("paused");
  const load = gpt.names !== null ? Promise.resolve(gpt.names)
    : fetch("names/names.txt").then((response) => {
      if (!response.ok) {
        throw new Error("names/names.txt: " + response.status);
      }
      return response.text();
    });
  load.then((names) => {
    gpt.names = names;
    gptStart(keys, paused);
  }).catch((error) => gptError("cannot load the names: " + error.message));
}

gpt.speed = speedControl(g$("g-speed"));
gpt.graph.view = new GraphView(g$("g-graph"));
g$("g-settings-panel").open = window.innerWidth >= 700; // on a phone the curve and the log come first
window.addEventListener("presenterchange", () => {
  gpt.graph.view.fit();
  if (gpt.started) {
    gptDraw(true);
  }
});
engine.ready.then(() => {
  presenter.keys("gpt", {
    step: () => g$("g-step").click(),
    play: () => g$("g-play").click(),
    reset: () => g$("g-reset").click(),
    zoomIn: () => gpt.graph.view.zoomBy(1.25),
    zoomOut: () => gpt.graph.view.zoomBy(1 / 1.25),
  });
  g$("g-settings").addEventListener("submit", (event) => {
    event.preventDefault();
    const keys = ["seed", "steps", "temperature", "samples", "every", "embd", "heads", "layers", "block"]
      .map((key) => key + "=" + g$("g-" + key).value.trim()).join("&");
    gptStart(keys, false);
  });
  g$("g-play").addEventListener("click", gptPlay);
  g$("g-step").addEventListener("click", gptStepOnce);
  g$("g-reset").addEventListener("click", () => gptStart(engine.api.gptSettings(), true));
  g$("g-read").addEventListener("submit", (event) => {
    event.preventDefault();
    gptReadName();
    gptBuildGraph();
  });
  g$("g-graph-build").addEventListener("click", gptBuildGraph);
  g$("g-graph-reset").addEventListener("click", () => gptShowGraph(0));
  g$("g-graph-back").addEventListener("click", () => gptShowGraph(Math.max(gpt.graph.done - 1, 0)));
  g$("g-graph-step").addEventListener("click", () => gptShowGraph(Math.min(gpt.graph.done + 1, gpt.graph.steps)));
  g$("g-graph-play").addEventListener("click", gptGraphPlay);
  window.addEventListener("hashchange", gptOpen);
  nextTask().then(gptOpen); // each view opens in a task of its own, after every view's controls are wired
});
