// Graphviz for every graph on the page: viz.js lays out DOT text in a Web Worker (viz/full.render.js), so that a
// layout never blocks the page; and GraphView, a box in which a drawn graph pans (drag) and zooms (wheel, pinch,
// the + − and fit buttons), never below the scale at which its smallest text is 11 CSS px.
"use strict";

const graphs = {
  viz: null,
  /** The smallest text, in CSS px, a graph is ever drawn with. */
  MIN_TEXT_PX: 11,
};

/**
 * Viz in a worker; where the page cannot start one (opened from disk, file://, which Chromium refuses workers), the
 * renderer runs on the page's thread instead, loaded as a script.
 */
async function graphvizReady() {
  if (graphs.viz) {
    return graphs.viz;
  }
  try {
    graphs.viz = new Viz({ workerURL: "viz/full.render.js" });
  } catch (error) {
    await loadScript("viz/full.render.js");
    graphs.viz = new Viz();
  }
  return graphs.viz;
}

/** DOT text laid out top to bottom when the page is narrow (a phone held upright), else as written. */
function dotForScreen(dot) {
  return window.innerWidth < 700 ? dot.replace("rankdir=LR", "rankdir=TB") : dot;
}

/** Lays out DOT text as an SVG element; viz.js cannot be used again after an error, so it then starts anew. */
async function renderGraph(dot) {
  const viz = await graphvizReady();
  try {
    const svg = await viz.renderSVGElement(dotForScreen(dot));
    for (const text of svg.querySelectorAll("text")) {
      const kind = /^(data|grad) /.exec(text.textContent);
      if (kind) {
        text.classList.add(kind[1]); // one colour for data and one for grad, as everywhere on the page
      }
    }
    return svg;
  } catch (error) {
    graphs.viz = null;
    throw error;
  }
}

/** Marks node `id` of a drawn graph (its box and its operation's oval, GraphDot's v<id> and v<id>op) as current. */
function markCurrentNode(svg, id) {
  for (const node of svg.querySelectorAll("g.node")) {
    const title = node.querySelector("title").textContent;
    if (title === "v" + id || title === "v" + id + "op") {
      node.classList.add("current");
    }
  }
}

/** A box showing one graph at a time, which the reader pans and zooms; the view is kept while the graph changes. */
class GraphView {
  constructor(box) {
    this.box = box;
    this.svg = null;
    this.scale = 1;      // CSS px per unit of the SVG's viewBox
    this.x = 0;          // where the graph's top left corner sits in the box
    this.y = 0;
    this.fitted = true;  // fit again on the next graph, until the reader pans or zooms
    this.pointers = new Map();
    const buttons = document.createElement("div");
    buttons.className = "zoom";
    for (const [label, title, action] of [["−", "zoom out (key −)", () => this.zoomBy(1 / 1.25)],
      ["+", "zoom in (key +)", () => this.zoomBy(1.25)], ["fit", "show the whole graph", () => this.fit()]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.title = title;
      button.setAttribute("aria-label", label + ": " + title); // the name holds the visible text
      button.addEventListener("click", action);
      buttons.append(button);
    }
    this.buttons = buttons;
    box.addEventListener("wheel", (event) => this.wheel(event), { passive: false });
    box.addEventListener("pointerdown", (event) => this.down(event));
    box.addEventListener("pointermove", (event) => this.move(event));
    for (const type of ["pointerup", "pointercancel", "pointerleave"]) {
      box.addEventListener(type, (event) => this.up(event));
    }
  }

  /** The smallest font size in the graph, in viewBox units (Graphviz writes font-size on every text). */
  smallestFont() {
    let smallest = Infinity;
    for (const text of this.svg.querySelectorAll("text")) {
      smallest = Math.min(smallest, Number(text.getAttribute("font-size")) || 14);
    }
    return Number.isFinite(smallest) ? smallest : 14;
  }

  minScale() {
    return graphs.MIN_TEXT_PX * 1.01 / this.smallestFont(); // a hair above: the box's rounding never goes under
  }

  /** Shows a new drawing of the graph, keeping the reader's pan and zoom unless the view still fits. */
  show(svg) {
    const first = this.svg === null;
    this.svg = svg;
    this.width = svg.viewBox.baseVal.width;
    this.height = svg.viewBox.baseVal.height;
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    this.box.replaceChildren(svg, this.buttons);
    this.box.dataset.state = "ready";
    if (first || this.fitted) {
      this.fit();
    } else {
      this.apply();
    }
  }

  /** Shows text (why there is no graph) instead of one. */
  showNote(text) {
    const note = document.createElement("p");
    note.className = "placeholder";
    note.textContent = text;
    this.svg = null;
    this.box.replaceChildren(note);
  }

  /** The whole graph in the box, as large as fits, but never with text under 11 CSS px (it then scrolls). */
  fit() {
    if (!this.svg) {
      return;
    }
    const presenting = document.documentElement.classList.contains("present");
    const legible = this.minScale();
    const largest = (presenting ? 4 : 2.2) * legible;
    let scale = Math.max(legible, Math.min(this.box.clientWidth / this.width, largest));
    if (presenting) {
      this.box.style.height = ""; // the stylesheet's: the screen below the controls
      scale = Math.max(legible, Math.min(scale, this.box.clientHeight / this.height));
    } else {
      // as tall as the graph at that scale, within 12rem and 70% of the screen
      const room = window.innerHeight * 0.7;
      scale = Math.max(legible, Math.min(scale, (room - 16) / this.height));
      this.box.style.height = Math.min(Math.max(this.height * scale + 16, 192), room) + "px";
    }
    this.scale = scale;
    const box = this.box.getBoundingClientRect();
    this.x = Math.max(0, (box.width - this.width * this.scale) / 2);
    this.y = Math.max(0, (box.height - this.height * this.scale) / 2);
    this.fitted = true;
    this.apply();
  }

  /** Zooms by a factor about a point of the box (its centre by default). */
  zoomBy(factor, cx, cy) {
    if (!this.svg) {
      return;
    }
    const box = this.box.getBoundingClientRect();
    const px = cx ?? box.width / 2;
    const py = cy ?? box.height / 2;
    const scale = Math.min(Math.max(this.scale * factor, this.minScale()), 8 * this.minScale());
    this.x = px - (px - this.x) * scale / this.scale;
    this.y = py - (py - this.y) * scale / this.scale;
    this.scale = scale;
    this.fitted = false;
    this.apply();
  }

  /** Keeps at least a quarter of the box showing the graph, wherever it is dragged. */
  apply() {
    const box = this.box.getBoundingClientRect();
    const w = this.width * this.scale;
    const h = this.height * this.scale;
    this.x = Math.min(Math.max(this.x, Math.min(0, box.width * 0.75 - w)), box.width * 0.25);
    this.y = Math.min(Math.max(this.y, Math.min(0, box.height * 0.75 - h)), box.height * 0.25);
    this.svg.style.width = w + "px";
    this.svg.style.height = h + "px";
    this.svg.style.transform = "translate(" + this.x + "px, " + this.y + "px)";
    this.box.dataset.scale = this.scale;
  }

  wheel(event) {
    if (!this.svg) {
      return;
    }
    event.preventDefault();
    const box = this.box.getBoundingClientRect();
    this.zoomBy(Math.exp(-event.deltaY / 500), event.clientX - box.left, event.clientY - box.top);
  }

  down(event) {
    if (!this.svg || event.target.closest("button")) {
      return;
    }
    this.box.setPointerCapture(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    this.box.classList.add("dragging");
  }

  /** One pointer drags; two pinch, zooming about their midpoint. */
  move(event) {
    const last = this.pointers.get(event.pointerId);
    if (!last) {
      return;
    }
    const before = [...this.pointers.values()];
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const after = [...this.pointers.values()];
    if (after.length === 1) {
      this.x += event.clientX - last.x;
      this.y += event.clientY - last.y;
      this.fitted = false;
      this.apply();
    } else if (after.length === 2) {
      const box = this.box.getBoundingClientRect();
      const spread = (p) => Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
      this.zoomBy(spread(after) / Math.max(spread(before), 1), (after[0].x + after[1].x) / 2 - box.left,
          (after[0].y + after[1].y) / 2 - box.top);
    }
  }

  up(event) {
    this.pointers.delete(event.pointerId);
    if (this.pointers.size === 0) {
      this.box.classList.remove("dragging");
    }
  }
}
