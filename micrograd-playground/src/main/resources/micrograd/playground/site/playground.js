// The page around the engine (engine.js loads it: micrograd.playground.PlaygroundApi compiled by TeaVM): it shows
// the view the link's fragment names (the calculator, #demo or #train...), reads the form or the fragment, asks the
// engine for the numbers, the steps, the nudge and the DOT text, and draws the graph (graphs.js).
"use strict";

const page = {
  calculations: 0, // calculations started, so that a later one can take over from an earlier one
  renders: 0,   // drawings finished, so that a test can wait for the next one
  graph: null,  // the GraphView of the calculator's graph
  labels: [],   // every node's label, by id (the graph's JSON)
};

const $ = (id) => document.getElementById(id);

/**
 * The keys of a fragment that are no variable: the program, the lecture's example, the exercise, and presenter mode
 * (presenter.js).
 */
const FRAGMENT_KEYS = ["prog", "expr", "lecture", "quiz", "present"];

/**
 * The fragment #prog=...&a=2&b=-3 (or an older link's #expr=...) as {expr, vars: "a=2 b=-3", quiz}; #lecture=ID
 * as the lecture's example {expr, vars: "", example, quiz}; null when it holds none. #quiz& before either opens the
 * exercise on it.
 */
function stateFromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  const quiz = params.has("quiz");
  if (params.has("lecture")) {
    const example = lectureExample(params.get("lecture"));
    if (example === null) {
      throw new Error("there is no lecture example '" + params.get("lecture") + "'");
    }
    return { expr: example.program, vars: "", example, quiz };
  }
  const text = params.get("prog") ?? params.get("expr");
  if (text === null) {
    return null;
  }
  const vars = [];
  for (const [name, value] of params) {
    if (!FRAGMENT_KEYS.includes(name)) {
      vars.push(name + "=" + value);
    }
  }
  return { expr: text, vars: vars.join(" "), quiz };
}

function fragmentOf(expr, vars) {
  const params = new URLSearchParams();
  params.set("prog", expr);
  for (const assignment of vars.split(/[\s,&]+/).filter((a) => a.includes("="))) {
    const at = assignment.indexOf("=");
    params.append(assignment.slice(0, at), assignment.slice(at + 1));
  }
  return "#" + params.toString().replace(/\+/g, "%20");
}

/**
 * Evaluates the form and opens the stepper at step 0; unless told not to (#demo keeps its link), the fragment then
 * holds the program. A program the engine refuses clears the last one's graph and numbers: one error line is left.
 * The engine's work, the table and the stepper each run in a task of their own (the engine's first calculation also
 * compiles much of it), so that the page never waits long; a calculation started meanwhile takes over, and this one
 * then resolves to false.
 */
async function calculate(rewriteFragment = true) {
  pause();
  const generation = ++page.calculations;
  const expr = $("expr").value;
  const vars = $("vars").value;
  const problem = engine.api.evaluate(expr, vars);
  $("error").textContent = problem;
  if (problem) {
    quiz.active = false;
    for (const stale of ["report", "rule", "position", "step-heading", "nudge-report"]) {
      $(stale).textContent = "";
    }
    replaceAll($("nodes").tBodies[0], []);
    page.graph.showNote("no graph: the program above has a mistake");
    document.body.dataset.state = "error";
    return false;
  }
  if (rewriteFragment) {
    history.replaceState(null, "", fragmentOf(expr, vars));
  }
  await nextTask();
  if (generation !== page.calculations) {
    return false;
  }
  showNodes();
  offerVariablesToNudge();
  await nextTask();
  if (generation !== page.calculations) {
    return false;
  }
  stepper.steps = engine.api.stepCount();
  if (quiz.active) {
    startQuiz();
  } else {
    show(0);
  }
  return true;
}

/**
 * The table of every node, read from the graph as JSON (micrograd.graph.GraphJson, what `micrograd grad --json`
 * prints), which the page also offers as a file.
 */
function showNodes() {
  const json = engine.api.graphJson();
  const graph = JSON.parse(json);
  page.labels = graph.nodes.map((node) => node.label);
  const rows = graph.nodes.map((node) => {
    const row = document.createElement("tr");
    row.dataset.node = node.id;
    const operation = node.op === "leaf" ? "" : node.op + " (" + node.symbol + ")";
    for (const text of [node.id, node.label, operation]) {
      row.insertCell().textContent = String(text);
    }
    numberCell(row, node.data, "data");
    numberCell(row, node.grad, "grad");
    row.insertCell().textContent = node.children.join(", ");
    return row;
  });
  replaceAll($("nodes").tBodies[0], rows);
  URL.revokeObjectURL($("json-download").href);
  $("json-download").href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
}

/** The nudge's choice of variable: the calculation's, keeping the one chosen when it is still there. */
function offerVariablesToNudge() {
  const select = $("nudge-variable");
  const chosen = select.value;
  const names = engine.api.variableNames().split("\n").filter((name) => name !== "");
  replaceAll(select, names.map((name) => new Option(name, name, false, name === chosen)));
  nudge();
}

/** The output with the chosen variable moved by h, next to the gradient's prediction; the engine computes both. */
function nudge() {
  const variable = $("nudge-variable").value;
  const h = Number($("nudge-h").value);
  if (variable === "") {
    $("nudge-report").textContent = "no variable to nudge";
  } else if (!Number.isFinite(h) || h === 0) {
    $("nudge-report").textContent = "h must be a number other than 0";
  } else {
    $("nudge-report").textContent = engine.api.nudge(variable, h);
  }
}

/** The slider chooses h as a power of ten, from 1e-6 to 1; the field takes any h. */
function nudgeBySlider() {
  $("nudge-h").value = String(Number((10 ** Number($("nudge-slider").value)).toPrecision(3)));
  nudge();
}

/** How long a slice of the demo's training may keep the page busy before it hands the browser back its events. */
const DEMO_SLICE_MS = 8;
/** The demo's boundary: a grid of this many cells a side; it and the curves are drawn at most every DEMO_DRAW_MS. */
const DEMO_GRID = 40;
const DEMO_DRAW_MS = 100;

const demo = { speed: null, losses: [], accuracies: [], drawnAt: 0, points: [], bounds: [0, 1, 0, 1] };

/**
 * #demo: micrograd's demo trains in slices of the page's time. A slice runs the engine's demoStep() (one training
 * step) as many times as the speed control allows, for at most DEMO_SLICE_MS, then hands the browser back its event
 * loop (setTimeout) so that it draws and answers; each animation frame shows the lines so far, the progress, the
 * decision boundary and the curves. No thread is needed, so this runs the same on both engines. The page also
 * measures how long it was kept busy: its longest slice and the longest gap between two animation frames.
 */
function runDemo() {
  const section = $("demo");
  if (section.dataset.state === "running") {
    return; // one demo at a time: a second would share the page's time with the first
  }
  section.dataset.state = "running";
  const api = engine.api;
  const lines = [api.startDemo()];
  const total = api.demoSteps();
  const busy = { slice: 0, frameGap: 0, lastFrame: null };
  demo.losses = [];
  demo.accuracies = [];
  demo.points = pointsOf(api.demoPoints());
  demo.bounds = api.demoBounds().split(" ").map(Number);
  demo.drawnAt = 0;
  demo.speed.restart();
  $("demo-progress").max = total;
  let longestStep = 0;
  const slice = () => {
    try {
      const start = performance.now();
      let due = demo.speed.due(start);
      // a slice runs at least one step (when due), and begins another only when it should end within the slice's
      // time, judging by the longest step so far
      for (let ran = 0; due > 0 && api.demoStepsDone() < total
          && (ran === 0 || performance.now() - start + longestStep < DEMO_SLICE_MS); ran++) {
        const before = performance.now();
        lines.push(api.demoStep());
        const done = api.demoStepsDone();
        demo.losses.push(api.demoLossAt(done - 1));
        demo.accuracies.push(api.demoAccuracyAt(done - 1));
        longestStep = Math.max(longestStep, performance.now() - before);
        due--;
      }
      busy.slice = Math.max(busy.slice, performance.now() - start);
      if (api.demoStepsDone() < total) {
        setTimeout(slice, due === 0 ? 15 : 0);
      } else {
        section.dataset.state = "trained";
      }
    } catch (error) {
      section.dataset.state = "failed";
      fail(error);
    }
  };
  let shownLines = 0;
  const follow = (now) => {
    if (busy.lastFrame !== null) {
      busy.frameGap = Math.max(busy.frameGap, now - busy.lastFrame);
    }
    busy.lastFrame = now;
    const done = api.demoStepsDone();
    const perStep = api.demoMillisPerStep();
    const finished = section.dataset.state !== "running";
    // the canvases first, while the layout is still the last frame's: their sizes are read without a new layout
    if (finished || now - demo.drawnAt > DEMO_DRAW_MS) {
      drawDemo();
    }
    $("demo-progress").value = done;
    if (lines.length !== shownLines) {
      shownLines = lines.length;
      $("demo-log").textContent = lines.join("\n");
      $("demo-log").scrollTop = $("demo-log").scrollHeight;
    }
    $("demo-status").textContent = (finished ? "done: " + done + " steps" : "step " + done + " of " + total)
        + (done > 0 ? ", " + perStep.toFixed(2) + " ms per step (" + engine.name + ")" : "");
    if (section.dataset.state === "running") {
      requestAnimationFrame(follow);
    } else if (section.dataset.state === "trained") {
      $("demo-status").textContent += "; the page drew at least every " + Math.ceil(busy.frameGap) + " ms";
      Object.assign(section.dataset, { msPerStep: perStep, longestSliceMs: busy.slice,
        longestFrameGapMs: busy.frameGap, state: "done" });
    }
  };
  setTimeout(slice, 0);
  requestAnimationFrame(follow);
}

/** The demo's curves and its boundary (a prediction per grid cell). */
function drawDemo() {
  drawCurves($("demo-curves"), demo.losses, demo.accuracies);
  const cells = engine.api.demoGrid(DEMO_GRID).split(",").map(Number);
  drawBoundary($("demo-boundary"), demo.bounds, DEMO_GRID, cells, demo.points, -1);
  demo.drawnAt = performance.now();
}

/** Shows what went wrong in the engine (a Java exception, or one of the browser's) as the page's one error line. */
function fail(error) {
  const message = error instanceof Error ? error.message : String(error);
  $("error").textContent = "the engine failed: " + message;
  document.body.dataset.state = "error";
}

/** The view the fragment names: #demo, #train..., #gpt..., else the calculator. */
function viewOfFragment() {
  return location.hash === "#demo" || location.hash.startsWith("#demo&") ? "demo"
      : location.hash.startsWith("#train") ? "train" : location.hash.startsWith("#gpt") ? "gpt" : "calculator";
}

/** Shows one view, hiding the others. */
function showView(view) {
  document.body.dataset.view = view;
  for (const section of document.querySelectorAll("section.view")) {
    section.hidden = section.dataset.viewName !== view;
  }
}

/**
 * Opens the view the fragment names. The calculator calculates only when it is shown: the other views open without
 * waiting for it, and the calculator's own link (#) calculates when the reader comes back to it.
 */
async function openFragment() {
  const view = viewOfFragment();
  showView(view);
  if (view === "demo") {
    runDemo();
  }
  if (view !== "calculator") {
    if (document.body.dataset.state === "loading") {
      document.body.dataset.state = "ready"; // the engine is, and this view draws no calculator graph
    }
    return;
  }
  let state = null;
  try {
    state = stateFromFragment();
  } catch (error) {
    $("error").textContent = "this link's program is not readable: " + error.message;
  }
  if (state) {
    $("expr").value = state.expr;
    $("vars").value = state.vars;
    quiz.active = state.quiz;
    if (!state.quiz && !$("quiz").hidden) {
      stopQuiz();
    }
  }
  $("lecture").value = state && state.example ? new URLSearchParams(location.hash.slice(1)).get("lecture") : "";
  // the demo's, the training view's, the lecture's and the exercise's links stay
  const linkStays = state !== null && (state.example || state.quiz);
  if (await calculate(!linkStays) && state && state.example) {
    nudgeLikeTheLecture(state.example);
  }
}

window.addEventListener("error", (event) => fail(event.error ?? event.message));
window.addEventListener("unhandledrejection", (event) => fail(event.reason));
showView(viewOfFragment());
page.graph = new GraphView($("graph"));
demo.speed = speedControl($("demo-speed"));
window.addEventListener("presenterchange", () => page.graph.fit());
presenter.keys("calculator", {
  back: () => $("back").click(),
  step: () => $("step").click(),
  play: () => $("play").click(),
  reset: () => $("reset").click(),
  zoomIn: () => page.graph.zoomBy(1.25),
  zoomOut: () => page.graph.zoomBy(1 / 1.25),
});
presenter.keys("demo", { reset: () => runDemo(), play: () => runDemo() });
$("demo-restart").addEventListener("click", () => runDemo());
engine.ready.then(async () => {
  $("engine").textContent = "engine: " + engine.name + (engine.note ? " (" + engine.note + ")" : "");
  $("calculator").addEventListener("submit", (event) => {
    event.preventDefault();
    calculate();
  });
  wireStepper();
  wireQuiz();
  $("nudge-variable").addEventListener("change", nudge);
  $("nudge-h").addEventListener("input", nudge);
  $("nudge-slider").addEventListener("input", nudgeBySlider);
  window.addEventListener("hashchange", openFragment);
  // each view opens in a task of its own, after every view's controls are wired; the lecture's menu first
  await nextTask();
  offerLecture();
  await nextTask();
  await openFragment();
}).catch(fail);
