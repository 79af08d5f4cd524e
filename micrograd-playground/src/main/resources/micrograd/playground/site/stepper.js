// The backward stepper (playground.js calls it once a calculation is ready): step 0 is the state before backward()
// runs its chain rule, then one step per node an operation made, each explained by the engine in the graph's own
// names (micrograd.graph.BackwardSteps). The node passing its grad on is highlighted in one colour (.passing), the
// nodes receiving it in another (.receiving); the report beside the graph shows the grads as they are at that step.
"use strict";

const stepper = { done: 0, steps: 0, timer: null };

/**
 * Shows step `k`: its rules, the report as it stands, and the graph drawn with the grads of that step; unless a later
 * step or calculation took over while the engine answered.
 */
async function show(k) {
  stepper.done = k;
  const calculation = page.calculations;
  document.body.dataset.state = "drawing"; // from the click on: a test waits for the drawing of this step
  $("position").textContent = "step " + k + " of " + stepper.steps;
  const [passing, receiverList, rule, report, dot] = await engine.batch([["stepNode", k], ["stepReceivers", k],
    ["stepText", k], ["reportAfter", k], ["dotAfter", k]]);
  if (stepper.done !== k || page.calculations !== calculation || quiz.active) {
    return;
  }
  const receivers = receiverList.split(",").map(Number);
  const names = (ids) => ids.map((id) => page.labels[id]).join(" and ");
  $("step-heading").textContent = k === 0 ? "before backward()"
      : page.labels[passing] + " passes its grad to " + names([...new Set(receivers)]);
  $("rule").textContent = rule;
  Object.assign($("rule").dataset, { node: passing, receivers: receivers.join(",") });
  $("report").textContent = report;
  for (const row of $("nodes").tBodies[0].rows) {
    row.classList.toggle("passing", Number(row.dataset.node) === passing);
    row.classList.toggle("receiving", receivers.includes(Number(row.dataset.node)));
  }
  draw(dot, () => stepper.done === k && page.calculations === calculation && !quiz.active, (title) => {
    if (title === "v" + passing || title === "v" + passing + "op") {
      return "passing";
    }
    return receivers.some((id) => title === "v" + id) ? "receiving" : null;
  });
}

/**
 * Draws `dot` in the calculator's graph unless `stillWanted()` says a later drawing replaced it; `classOf(title)`
 * names the class of each node to highlight (null: none).
 */
function draw(dot, stillWanted, classOf) {
  const values = page.labels.length;
  if (values > page.graphNodeLimit) {
    page.graph.showNote("no drawing: this graph has " + values + " values, and the page draws up to "
        + page.graphNodeLimit + " (Graphviz has little memory here); the table and the stepper hold them all");
    document.body.dataset.state = "ready";
    return;
  }
  document.body.dataset.state = "drawing";
  renderGraph(dot).then((svg) => {
    if (!stillWanted()) {
      return;
    }
    for (const node of svg.querySelectorAll("g.node")) {
      const highlight = classOf(node.querySelector("title").textContent);
      if (highlight) {
        node.classList.add(highlight);
      }
    }
    page.graph.show(svg);
    page.renders++;
    document.body.dataset.state = "ready";
  }).catch((error) => {
    const message = messageOf(error);
    // viz.js aborts with a page of Emscripten's advice when a layout outgrows its memory: say what it means
    $("error").textContent = "cannot draw the graph: " + (message.includes("Cannot enlarge memory")
      ? "Graphviz ran out of memory laying out its " + values + " values (a value feeding many operations takes the "
        + "most); the table and the stepper hold them all" : message);
    page.graph.showNote("no drawing: Graphviz could not lay this graph out");
    document.body.dataset.state = "error";
  });
}

function pause() {
  clearInterval(stepper.timer);
  stepper.timer = null;
  $("play").textContent = "play";
}

function play() {
  if (stepper.timer) {
    pause();
    return;
  }
  if (stepper.done >= stepper.steps) {
    show(0);
  }
  $("play").textContent = "pause";
  stepper.timer = setInterval(() => {
    if (stepper.done >= stepper.steps) {
      pause();
    } else {
      show(stepper.done + 1);
    }
  }, 900);
}

/** The stepper's buttons: step, step back, play/pause, reset (step 0) and end (after backward()). */
function wireStepper() {
  $("step").addEventListener("click", () => { pause(); show(Math.min(stepper.done + 1, stepper.steps)); });
  $("back").addEventListener("click", () => { pause(); show(Math.max(stepper.done - 1, 0)); });
  $("reset").addEventListener("click", () => { pause(); show(0); });
  $("end").addEventListener("click", () => { pause(); show(stepper.steps); });
  $("play").addEventListener("click", play);
}
