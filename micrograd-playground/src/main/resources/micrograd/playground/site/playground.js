// The page around the engine (engine.js loads it: micrograd.playground.PlaygroundApi compiled by TeaVM): it shows
// the view the link's fragment names (the calculator, #demo or #train...), reads the form or the fragment, asks the
// engine for the numbers, the steps, the nudge and the DOT text, and draws the graph (graphs.js).
"use strict";

const page = {
  calculations: 0, // calculations started, so that a later one can take over from an earlier one
  renders: 0,   // drawings finished, so that a test can wait for the next one
  graph: null,  // the GraphView of the calculator's graph
  labels: [],   // every node's label, by id (the graph's JSON)
  graphNodeLimit: 0, // the most values a graph drawn on the page may have (DrawnGraphs.NODE_LIMIT)
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
async function stateFromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  const quiz = params.has("quiz");
  if (params.has("lecture")) {
    const example = await lectureExample(params.get("lecture"));
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
 * The table and the stepper are each filled in a task of their own, so that the page never waits long; a calculation
 * started meanwhile takes over, and this one then resolves to false.
 */
async function calculate(rewriteFragment = true) {
  pause();
  const generation = ++page.calculations;
  document.body.dataset.state = "calculating"; // until the graph is drawn: "ready", or "error"
  const expr = $("expr").value;
  const vars = $("vars").value;
  const problem = await engine.api.evaluate(expr, vars);
  if (generation !== page.calculations) {
    return false;
  }
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
  const [json, names, steps] = await engine.batch([["graphJson"], ["variableNames"], ["stepCount"]]);
  if (generation !== page.calculations) {
    return false;
  }
  showNodes(json);
  await offerVariablesToNudge(names);
  await nextTask();
  if (generation !== page.calculations) {
    return false;
  }
  stepper.steps = steps;
  await (quiz.active ? startQuiz() : show(0));
  return true;
}

/**
 * The table of every node, read from the graph as JSON (micrograd.graph.GraphJson, what `micrograd grad --json`
 * prints), which the page also offers as a file.
 */
function showNodes(json) {
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

/** The nudge's choice of variable (`names`, a line each): the calculation's, keeping the chosen one if still there. */
function offerVariablesToNudge(names) {
  const select = $("nudge-variable");
  const chosen = select.value;
  const options = names.split("\n").filter((name) => name !== "");
  replaceAll(select, options.map((name) => new Option(name, name, false, name === chosen)));
  return nudge();
}

/** The output with the chosen variable moved by h, next to the gradient's prediction; the engine computes both. */
async function nudge() {
  const variable = $("nudge-variable").value;
  const h = Number($("nudge-h").value);
  if (variable === "") {
    $("nudge-report").textContent = "no variable to nudge";
  } else if (!Number.isFinite(h) || h === 0) {
    $("nudge-report").textContent = "h must be a number other than 0";
  } else {
    $("nudge-report").textContent = await engine.api.nudge(variable, h);
  }
}

/** The slider chooses h as a power of ten, from 1e-6 to 1; the field takes any h. */
function nudgeBySlider() {
  $("nudge-h").value = String(Number((10 ** Number($("nudge-slider").value)).toPrecision(3)));
  return nudge();
}

/** The demo's boundary: a grid of this many cells a side; it and the curves are drawn at most every DEMO_DRAW_MS. */
const DEMO_GRID = 40;
const DEMO_DRAW_MS = 100;

const demo = { speed: null, losses: [], accuracies: [], drawnAt: 0, drawing: null, points: [], bounds: [0, 1, 0, 1] };

/**
 * #demo: micrograd's demo trains in the engine's worker, in batches of demoStep() (one training step each) at the
 * speed control's pace (runInBatches); each animation frame shows the lines so far, the progress, and, at most every
 * DEMO_DRAW_MS, the decision boundary and the curves. The page measures how long it went without a frame (its
 * longest gap between two animation frames) and the engine's longest batch.
 */
async function runDemo() {
  const section = $("demo");
  if (section.dataset.state === "running" || section.dataset.state === "trained") {
    return; // one demo at a time (trained: its last drawing is under way)
  }
  section.dataset.state = "running";
  try {
    const [first, total, points, bounds] = await engine.batch([["startDemo"], ["demoSteps"], ["demoPoints"],
      ["demoBounds"]]);
    const lines = [first];
    demo.losses = [];
    demo.accuracies = [];
    demo.perStep = NaN;
    demo.points = pointsOf(points);
    demo.bounds = bounds.split(" ").map(Number);
    demo.drawnAt = 0;
    demo.speed.restart();
    $("demo-progress").max = total;
    const frames = followDemo(section, lines, total);
    let asked = 0; // the steps asked of the engine so far
    const step = async (count) => {
      const calls = [];
      for (; calls.length < 3 * count && asked < total; asked++) {
        calls.push(["demoStep"], ["demoLossAt", asked], ["demoAccuracyAt", asked]);
      }
      const more = asked < total;
      const results = await engine.batch([...calls, ["demoMillisPerStep"]]);
      for (let i = 0; i + 2 < results.length; i += 3) {
        lines.push(results[i]);
        demo.losses.push(results[i + 1]);
        demo.accuracies.push(results[i + 2]);
      }
      demo.perStep = results[results.length - 1];
      return { more, engineMs: results.engineMs };
    };
    const { longestBatchMs } = await runInBatches(demo.speed, step, () => true);
    section.dataset.state = "trained";
    Object.assign(section.dataset, await frames, { msPerStep: demo.perStep, longestBatchMs });
    section.dataset.state = "done";
  } catch (error) {
    section.dataset.state = "failed";
    fail(error);
  }
}

/**
 * Shows the demo as it trains, once per animation frame, until it has; resolves to the longest gap between two
 * frames, once the last numbers are drawn.
 */
function followDemo(section, lines, total) {
  let lastFrame = null;
  let frameGap = 0;
  let shownLines = 0;
  return new Promise((resolve, reject) => {
    const follow = (now) => {
      if (lastFrame !== null) {
        frameGap = Math.max(frameGap, now - lastFrame);
      }
      lastFrame = now;
      const done = demo.losses.length;
      const finished = section.dataset.state !== "running";
      if (!finished && !demo.drawing && now - demo.drawnAt > DEMO_DRAW_MS) {
        demo.drawing = drawDemo().finally(() => {
          demo.drawing = null;
        });
      }
      $("demo-progress").value = done;
      if (lines.length !== shownLines) {
        shownLines = lines.length;
        $("demo-log").textContent = lines.join("\n");
        $("demo-log").scrollTop = $("demo-log").scrollHeight;
      }
      $("demo-status").textContent = (finished ? "done: " + done + " steps" : "step " + done + " of " + total)
          + (done > 0 ? ", " + demo.perStep.toFixed(2) + " ms per step (" + engine.name + ")" : "");
      if (!finished) {
        requestAnimationFrame(follow);
        return;
      }
      $("demo-status").textContent += "; the page drew at least every " + Math.ceil(frameGap) + " ms";
      // the whole run drawn, after the drawing under way
      (demo.drawing ?? Promise.resolve()).then(drawDemo).then(() => resolve({ longestFrameGapMs: frameGap }), reject);
    };
    requestAnimationFrame(follow);
  });
}

/** The demo's curves and its boundary (a prediction per grid cell). */
async function drawDemo() {
  const cells = (await engine.api.demoGrid(DEMO_GRID)).split(",").map(Number);
  drawCurves($("demo-curves"), demo.losses, demo.accuracies);
  drawBoundary($("demo-boundary"), demo.bounds, DEMO_GRID, cells, demo.points, -1);
  demo.drawnAt = performance.now();
}

/** Shows what went wrong in the engine (a Java exception, or one of the browser's) as the page's one error line. */
function fail(error) {
  $("error").textContent = "the engine failed: " + messageOf(error);
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
    state = await stateFromFragment();
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
    await nudgeLikeTheLecture(state.example);
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
  page.graphNodeLimit = await engine.api.graphNodeLimit();
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
  await offerLecture();
  await nextTask();
  await openFragment();
}).catch(fail);
