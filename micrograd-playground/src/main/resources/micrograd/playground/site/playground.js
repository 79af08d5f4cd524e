// The page around the engine (micrograd.js, compiled by TeaVM from micrograd.playground.PlaygroundApi): it reads the
// form or the link's fragment, asks the engine for the numbers, the steps and the DOT text, and draws with viz.js.
"use strict";

const page = {
  done: 0,      // how many backward steps have run in the drawing
  steps: 0,     // how many there are (one per node)
  timer: null,  // the play loop, while playing
  renders: 0,   // drawings finished, so that a test can wait for the next one
  viz: new Viz(),
};

const $ = (id) => document.getElementById(id);

/** The fragment #expr=...&a=2&b=-3 as {expr, vars: "a=2 b=-3"}, or null when it holds no expression. */
function stateFromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has("expr")) {
    return null;
  }
  const vars = [];
  for (const [name, value] of params) {
    if (name !== "expr") {
      vars.push(name + "=" + value);
    }
  }
  return { expr: params.get("expr"), vars: vars.join(" ") };
}

function fragmentOf(expr, vars) {
  const params = new URLSearchParams();
  params.set("expr", expr);
  for (const assignment of vars.split(/[\s,&]+/).filter((a) => a.includes("="))) {
    const at = assignment.indexOf("=");
    params.append(assignment.slice(0, at), assignment.slice(at + 1));
  }
  return "#" + params.toString().replace(/\+/g, "%20");
}

/** Evaluates the form; unless told not to (#demo keeps its link), the fragment then holds the expression. */
function calculate(rewriteFragment = true) {
  pause();
  const expr = $("expr").value;
  const vars = $("vars").value;
  const problem = evaluate(expr, vars);
  $("error").textContent = problem;
  if (problem) {
    document.body.dataset.state = "error";
    return;
  }
  if (rewriteFragment) {
    history.replaceState(null, "", fragmentOf(expr, vars));
  }
  $("report").textContent = report();
  page.steps = stepCount();
  show(page.steps);
}

/** Draws the graph after `done` backward steps, the node of the last step highlighted, and explains that step. */
function show(done) {
  page.done = done;
  $("position").textContent = "step " + done + " of " + page.steps;
  const current = done > 0 ? stepNode(done - 1) : -1;
  $("rule").textContent = done > 0 ? stepText(done - 1) : "before backward(): every grad is 0";
  $("rule").dataset.node = current;
  const dot = dotAfter(done);
  document.body.dataset.state = "drawing";
  page.viz.renderSVGElement(dot).then((svg) => {
    if (page.done !== done) {
      return; // a later step is being drawn
    }
    for (const node of svg.querySelectorAll("g.node")) {
      const title = node.querySelector("title").textContent;
      if (title === "v" + current || title === "v" + current + "op") {
        node.classList.add("current");
      }
    }
    $("graph").replaceChildren(svg);
    page.renders++;
    document.body.dataset.state = "ready";
  }).catch((error) => {
    page.viz = new Viz(); // viz.js cannot be used again after an error
    $("error").textContent = "cannot draw the graph: " + error;
    document.body.dataset.state = "error";
  });
}

function pause() {
  clearInterval(page.timer);
  page.timer = null;
  $("play").textContent = "play";
}

function play() {
  if (page.timer) {
    pause();
    return;
  }
  if (page.done >= page.steps) {
    show(0);
  }
  $("play").textContent = "pause";
  page.timer = setInterval(() => {
    if (page.done >= page.steps) {
      pause();
    } else {
      show(page.done + 1);
    }
  }, 700);
}

/**
 * #demo: micrograd's demo trains in the engine's own green thread, which hands the page its event loop back after
 * every step; each animation frame shows the lines logged so far and the progress.
 */
function runDemo() {
  const section = $("demo");
  if (section.dataset.state === "running") {
    return; // one demo at a time: a second would share the page's time with the first
  }
  section.hidden = false;
  section.dataset.state = "running";
  startDemo();
  const total = demoSteps();
  $("demo-progress").max = total;
  const follow = () => {
    const done = demoStepsDone();
    const perStep = demoMillisPerStep();
    $("demo-progress").value = done;
    $("demo-status").textContent = "step " + done + " of " + total
        + (done > 0 ? ", " + perStep.toFixed(2) + " ms per step" : "");
    $("demo-log").textContent = demoLines();
    $("demo-log").scrollTop = $("demo-log").scrollHeight;
    if (done < total) {
      requestAnimationFrame(follow);
    } else {
      section.dataset.msPerStep = perStep;
      section.dataset.state = "done";
    }
  };
  requestAnimationFrame(follow);
}

function openFragment() {
  const demo = location.hash === "#demo";
  if (demo) {
    runDemo();
  }
  const state = stateFromFragment();
  if (state) {
    $("expr").value = state.expr;
    $("vars").value = state.vars;
  }
  calculate(!demo && !location.hash.startsWith("#train")); // the training view's link stays (training.js)
}

$("calculator").addEventListener("submit", (event) => {
  event.preventDefault();
  calculate();
});
$("step").addEventListener("click", () => { pause(); show(Math.min(page.done + 1, page.steps)); });
$("back").addEventListener("click", () => { pause(); show(Math.max(page.done - 1, 0)); });
$("reset").addEventListener("click", () => { pause(); show(0); });
$("play").addEventListener("click", play);
window.addEventListener("hashchange", openFragment);
openFragment();
