// The gpt view (#gpt...): microgpt trained in the page by the engine (the gpt* exports of PlaygroundApi, in its
// worker: engine.js). As in the training view, the run goes in batches at the speed control's pace (runInBatches):
// training steps, a look at the samples, the final samples; each animation frame draws what came back, so the page
// stays responsive while the engine works.
"use strict";

const gpt = {
  names: null,        // the text of names.txt, fetched once
  started: false,
  run: 0,             // counts runs set up, so that an answer about an earlier run is not taken for this one's
  plays: 0,           // counts plays, so that one chain of batches runs at a time
  playing: false,
  settingsText: "",   // the run's link keys, as the engine gives them
  settings: {},       // the same, as an object
  lines: [],          // what `micrograd gpt` prints: the header, the step lines, the samples
  losses: [],
  looks: [],          // [{step, names}] the samples drawn from a copy of the random stream during training
  drawn: {},          // how many losses and looks the curve and the looks show
  look: null,         // the look being drawn
  asked: null,        // what has been asked of the engine so far: {steps, lookNames (null: no look under way)}
  finished: false,    // every final sample is in
  speed: null,        // the speed control (speed.js)
  lastFrame: null,
  timing: null,       // {start, trainedMs, engineMs, frameGap, batch}
  reading: null,      // the reading of the name under way (a promise), if any
  readAt: 0,          // performance.now() of the last reading of the name
  graph: { done: 0, steps: 0, timer: null, renders: 0, view: null },
};

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
async function gptStart(keys, paused) {
  gptPause();
  const problem = await engine.api.gptSetup(keys, gpt.names);
  if (problem && gpt.started) {
    gptError(problem);
    return;
  }
  const run = ++gpt.run; // answers about the last run, asked for before this one, are in by now
  if (problem) {
    await engine.api.gptSetup("", gpt.names);
    paused = true;
  }
  const [settings, header] = await engine.batch([["gptSettings"], ["gptHeader"]]);
  if (run !== gpt.run) {
    return;
  }
  gpt.started = true;
  gpt.settingsText = settings;
  gpt.settings = keysOf(settings);
  history.replaceState(null, "", "#gpt&" + settings + (paused ? "&paused" : ""));
  for (const [key, value] of Object.entries(gpt.settings)) {
    g$("g-" + key).value = value;
  }
  gpt.lines = header.split("\n");
  g$("g-log").dataset.lines = 0;
  gpt.losses = [];
  gpt.looks = [];
  gpt.drawn = {};
  gpt.look = null;
  gpt.asked = { steps: 0, lookNames: null };
  gpt.finished = false;
  gpt.timing = { start: null, trainedMs: NaN, engineMs: 0, frameGap: 0, batch: 0 };
  g$("gpt").dataset.state = "ready";
  gptError(problem);
  await gptDraw();
  if (!paused) {
    gptPlay();
  }
}

/**
 * Asks the engine for up to `count` more pieces of the run, after those already asked for (gpt.asked), in one batch:
 * the names of a look under way, else training steps (up to the step after which the next look starts), else final
 * samples; then takes their results. Resolves to {more, engineMs} for runInBatches.
 */
async function gptWork(count) {
  const run = gpt.run;
  const asked = gpt.asked;
  const steps = Number(gpt.settings.steps);
  const samples = Number(gpt.settings.samples);
  if (asked.lookNames !== null) {
    const n = Math.min(count, samples - asked.lookNames);
    asked.lookNames = asked.lookNames + n < samples ? asked.lookNames + n : null;
    const names = await engine.batch(Array.from({ length: n }, () => ["gptLookNext"]));
    if (run === gpt.run) {
      gpt.look.names.push(...names);
      if (gpt.look.names.length >= samples) {
        gpt.looks.push(gpt.look);
        gpt.look = null;
      }
    }
    return { more: true, engineMs: names.engineMs };
  }
  if (asked.steps < steps) {
    const every = Number(gpt.settings.every);
    const looksAfter = (step) => every > 0 && step < steps && (step === 1 || step % every === 0);
    const calls = [];
    const last = Math.min(asked.steps + count, steps);
    while (asked.steps < last && asked.lookNames === null) {
      calls.push(["gptStep"], ["gptLossAt", asked.steps]);
      asked.steps++;
      if (looksAfter(asked.steps)) {
        calls.push(["gptStartLook"]);
        asked.lookNames = 0;
      }
    }
    const through = asked.steps;
    if (gpt.timing.start === null) {
      gpt.timing.start = performance.now();
    }
    const results = await engine.batch(calls);
    if (run !== gpt.run) {
      return { more: false, engineMs: 0 };
    }
    gpt.timing.engineMs += results.engineMs;
    for (let i = 0; i + 1 < results.length; i += 2) {
      gpt.lines.push(results[i]);
      gpt.losses.push(results[i + 1]);
    }
    if (looksAfter(through)) {
      gpt.look = { step: through, names: [] };
    }
    if (through === steps) {
      gpt.timing.trainedMs = performance.now() - gpt.timing.start;
      gpt.lines.push("", "--- inference (new, hallucinated names) ---");
    }
    return { more: true, engineMs: results.engineMs };
  }
  const drawn = await engine.batch(Array.from({ length: count }, () => ["gptFinalSample"]));
  if (run !== gpt.run) {
    return { more: false, engineMs: 0 };
  }
  const more = drawn.filter((sample) => sample !== "");
  gpt.lines.push(...more);
  gpt.finished ||= more.length < drawn.length;
  return { more: !gpt.finished, engineMs: drawn.engineMs };
}

/** Plays the run: batches in the engine, and a drawing of what came back in every animation frame. */
async function gptRun() {
  const play = ++gpt.plays;
  const going = () => gpt.playing && play === gpt.plays;
  requestAnimationFrame(gptFrame);
  try {
    const { finished, longestBatchMs } = await runInBatches(gpt.speed, gptWork, going);
    gpt.timing.batch = Math.max(gpt.timing.batch, longestBatchMs);
    if (finished && play === gpt.plays) {
      await gptFinish();
    }
  } catch (error) {
    gptPause();
    gptError("the engine failed: " + messageOf(error));
  }
}

/** The end of the run: its timings in the view's data, everything drawn, then "done". */
async function gptFinish() {
  gptPause();
  Object.assign(g$("gpt").dataset, { trainMs: gpt.timing.trainedMs, engineMs: gpt.timing.engineMs,
    longestFrameGapMs: gpt.timing.frameGap, longestBatchMs: gpt.timing.batch });
  await gptDraw(true);
  g$("gpt").dataset.state = "done";
}

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
  gpt.lastFrame = null;
  gpt.speed.restart();
  g$("g-play").textContent = "pause";
  g$("gpt").dataset.state = "running";
  gptRun();
}

function gptPause() {
  if (gpt.playing) {
    gpt.playing = false;
    g$("g-play").textContent = "play";
    g$("gpt").dataset.state = "ready";
  }
}

/** The step button: one training step (or, after the last, one more sample), then everything drawn. */
async function gptStepOnce() {
  gptPause();
  while (gpt.asked.lookNames !== null) {
    await gptWork(Number(gpt.settings.samples)); // a look the last step started comes first: "step" is one step
  }
  if (!gpt.finished) {
    await gptWork(1);
  }
  await gptDraw(true);
}

/** Draws the log, the curve, the looks; with `all`, the name's reading as well (a forward pass in the engine). */
async function gptDraw(all = true) {
  try {
    const done = gpt.losses.length;
    const steps = Number(gpt.settings.steps);
    g$("g-status").textContent = "step " + done + " of " + steps + gptSpeedText();
    g$("gpt").dataset.steps = done;
    const log = g$("g-log");
    const shown = Number(log.dataset.lines ?? 0);
    if (shown > gpt.lines.length || shown === 0) {
      log.replaceChildren(gptLogChunk(gpt.lines));
    } else if (shown < gpt.lines.length) {
      // only the new lines, in a block of their own, so that the browser lays out these and not the 1000 before
      log.lastChild.firstChild.appendData("\n");
      log.append(gptLogChunk(gpt.lines.slice(shown)));
    }
    if (shown !== gpt.lines.length) {
      log.dataset.lines = gpt.lines.length;
      log.scrollTop = log.scrollHeight;
    }
    if (gpt.drawn.losses !== gpt.losses.length || gpt.drawn.looks !== gpt.looks.length) {
      gpt.drawn = { losses: gpt.losses.length, looks: gpt.looks.length };
      gptDrawCurve();
      gptDrawLooks();
    }
    if (all) {
      await gptReadName();
    }
  } catch (error) {
    gptPause();
    gptError("cannot draw the run: " + error);
  }
}

/** Lines of the log as one block (its text ends without a newline; the next block's start adds one). */
function gptLogChunk(lines) {
  const block = document.createElement("div");
  block.append(document.createTextNode(lines.join("\n"))); // a text node even when empty, for the next block's "\n"
  return block;
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

/**
 * Reads the name in the field with the current weights and draws its tokens, attention, probabilities and losses.
 * One reading at a time: asked for during one, it reads again once that one is drawn.
 */
function gptReadName() {
  gpt.readAt = performance.now();
  if (!gpt.reading) {
    gpt.reading = gptReadOnce().finally(() => {
      gpt.reading = null;
    });
    return gpt.reading;
  }
  if (!gpt.readNext) {
    gpt.readNext = gpt.reading.then(() => {
      gpt.readNext = null;
      return gptReadName();
    });
  }
  return gpt.readNext;
}

async function gptReadOnce() {
  const name = g$("g-name").value.trim();
  const [problem, tokenLines, lossList, shape, vocabulary] = await engine.batch([["gptRead", name],
    ["gptReadTokens"], ["gptReadLosses"], ["gptShape"], ["gptVocabulary"]]);
  g$("g-read-error").textContent = problem;
  if (problem) {
    return;
  }
  const tokens = tokenLines.trim().split("\n").map((line) => line.split("\t"));
  const losses = lossList.split(",").map(Number);
  const [layers, heads] = shape.split(" ").map(Number);
  const calls = [];
  for (let layer = 0; layer < layers; layer++) {
    for (let head = 0; head < heads; head++) {
      calls.push(["gptReadAttention", layer, head]);
    }
  }
  for (let pos = 0; pos < losses.length; pos++) {
    calls.push(["gptReadProbabilities", pos]);
  }
  const read = await engine.batch(calls);
  const attention = read.slice(0, layers * heads);
  const probabilities = read.slice(layers * heads).map((list) => list.split(",").map(Number));
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
  const labels = tokens.slice(0, losses.length).map((t) => t[1]);
  const maps = gptCanvases(g$("g-attention"), attention.length, true);
  attention.forEach((text, i) => gptHeatmap(maps[i], "layer " + Math.floor(i / heads) + ", head " + i % heads,
      text.split(";").map((row) => row.split(",").map(Number)), labels));
  gptProbabilityBars(gptCanvases(g$("g-probs"), 1, false)[0], tokens, probabilities, vocabulary);
  g$("gpt").dataset.reads = Number(g$("gpt").dataset.reads ?? 0) + 1;
}

/**
 * `count` canvases in `holder` (each in a figure, with `inFigures`), the ones drawn last time kept: a name is read
 * several times a second while training runs, and redrawing a canvas costs the page far less than a new one.
 */
function gptCanvases(holder, count, inFigures) {
  while (holder.children.length > count) {
    holder.lastChild.remove();
  }
  while (holder.children.length < count) {
    const canvas = document.createElement("canvas");
    if (inFigures) {
      const figure = document.createElement("figure");
      figure.append(canvas);
      holder.append(figure);
    } else {
      holder.append(canvas);
    }
  }
  return [...holder.children].map((child) => (inFigures ? child.firstChild : child));
}

/** Gives `canvas` this size, leaving it as it is when it has it already (a new size clears it and its layout). */
function gptResize(canvas, width, height) {
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
}

/** Draws on `canvas` one head's attention, a row per position (the query), a column per earlier one; the mask hatched. */
function gptHeatmap(canvas, title, rows, labels) {
  const n = rows.length;
  const cell = Math.max(14, Math.min(28, Math.floor(220 / n)));
  const margin = 22;
  gptResize(canvas, margin + n * cell + 2, margin + n * cell + 18);
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
}

/**
 * Draws on `canvas`, per position, the probability of each next token as a bar (`probabilities`, a row per position,
 * over `vocabulary` and BOS), the actual next token's bar dark.
 */
function gptProbabilityBars(canvas, tokens, probabilities, vocabulary) {
  const positions = probabilities.length;
  const characters = [...vocabulary];
  const vocab = characters.length + 1;
  const bar = 14;
  const rowHeight = 56;
  gptResize(canvas, 70 + vocab * bar, positions * rowHeight + 16);
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.font = "11px ui-monospace, monospace";
  for (let pos = 0; pos < positions; pos++) {
    const probs = probabilities[pos];
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
}

// ---- the graph of one step: a small model's first position, drawn and stepped as the expression view does ----

async function gptBuildGraph() {
  const name = g$("g-name").value.trim();
  const problem = await engine.api.gptSmallGraph(name);
  g$("g-graph-error").textContent = problem;
  if (problem) {
    return;
  }
  const [json, steps, sizeLines] = await engine.batch([["gptGraphJson"], ["gptGraphStepCount"],
    ["gptGraphSize", name]]);
  const nodes = JSON.parse(json).nodes.length;
  gpt.graph.steps = steps;
  g$("g-graph-note").textContent = "A model " + GPT_SMALL + ", untrained: the loss of its first position (BOS "
      + "predicting \u201c" + name[0] + "\u201d) is " + nodes + " nodes.";
  g$("gpt").dataset.graphNodes = nodes;
  const size = sizeLines.split("\n");
  g$("g-graph-size").textContent = "The run's model, on all of \u201c" + name + "\u201d: " + size[0] + " nodes\n"
      + size.slice(1).map((line) => "  " + line.replace("\t", ": ")).join("\n");
  await gptShowGraph(gpt.graph.steps);
}

const GPT_SMALL = "embd 2, heads 1";

async function gptShowGraph(done) {
  const graph = gpt.graph;
  graph.done = done;
  g$("g-graph-position").textContent = "step " + done + " of " + graph.steps;
  const calls = [["gptGraphDotAfter", done]];
  if (done > 0) {
    calls.push(["gptGraphStepNode", done - 1], ["gptGraphStepText", done - 1]);
  }
  const [dot, current = -1, rule = "before backward(): every grad is 0"] = await engine.batch(calls);
  if (graph.done !== done) {
    return;
  }
  g$("g-graph-rule").textContent = rule;
  await renderGraph(dot).then((svg) => {
    if (graph.done !== done) {
      return;
    }
    markCurrentNode(svg, current);
    graph.view.show(svg);
    graph.renders++;
    g$("gpt").dataset.graphRenders = graph.renders;
  }).catch((error) => {
    g$("g-graph-error").textContent = "cannot draw the graph: " + messageOf(error);
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

async function gptOpen() {
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
  if (gpt.names === null) {
    try {
      const response = await fetch("names/names.txt");
      if (!response.ok) {
        throw new Error("names/names.txt: " + response.status);
      }
      gpt.names = await response.text();
    } catch (error) {
      gptError("cannot load the names: " + error.message);
      return;
    }
  }
  await gptStart(keys, paused);
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
  g$("g-reset").addEventListener("click", () => gptStart(gpt.settingsText, true));
  g$("g-read").addEventListener("submit", async (event) => {
    event.preventDefault();
    await gptReadName();
    await gptBuildGraph();
  });
  g$("g-graph-build").addEventListener("click", gptBuildGraph);
  g$("g-graph-reset").addEventListener("click", () => gptShowGraph(0));
  g$("g-graph-back").addEventListener("click", () => gptShowGraph(Math.max(gpt.graph.done - 1, 0)));
  g$("g-graph-step").addEventListener("click", () => gptShowGraph(Math.min(gpt.graph.done + 1, gpt.graph.steps)));
  g$("g-graph-play").addEventListener("click", gptGraphPlay);
  window.addEventListener("hashchange", gptOpen);
  nextTask().then(gptOpen); // each view opens in a task of its own, after every view's controls are wired
});
