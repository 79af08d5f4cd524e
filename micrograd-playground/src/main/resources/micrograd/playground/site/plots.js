// What the demo and the training view draw alike: a canvas sharp at any device pixel ratio, the decision boundary
// with its points, the loss and accuracy curves (downsampled to the canvas' width, so a run of any length draws in
// the same time), and numbers shown to 4 significant digits with the full double on hover or tap.
"use strict";

const EXTRA_CLASS_COLOURS = ["#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

function cssColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** A class's colour: the stylesheet's for the first two (light or dark), then a fixed palette. */
function classColour(label) {
  return label < 2 ? cssColour("--class-" + label) : EXTRA_CLASS_COLOURS[(label - 2) % EXTRA_CLASS_COLOURS.length];
}

/** classColour for every label up to `largest`, read once per drawing rather than once per cell or point. */
function classColours(largest) {
  return Array.from({ length: largest + 1 }, (unused, label) => classColour(label));
}

/** A colour "#rrggbb" as [r, g, b]. */
function rgbOf(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [n >> 16, (n >> 8) & 0xff, n & 0xff];
}

/**
 * Sizes the canvas' bitmap to its CSS size times the device pixel ratio and returns a context that draws in CSS
 * pixels, with the canvas' CSS width and height.
 */
function sharpContext(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, canvas.clientWidth);
  const height = Math.max(1, canvas.clientHeight);
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { context, width, height };
}

/** A point of the data (x, y) in the canvas' CSS pixels, for bounds [xmin, xmax, ymin, ymax]. */
function toPlot(bounds, width, height, x, y) {
  const [xmin, xmax, ymin, ymax] = bounds;
  return [(x - xmin) / (xmax - xmin) * width, (ymax - y) / (ymax - ymin) * height];
}

/** The radius of a point: large enough to see and to tap (a tap within 22 CSS px chooses it). */
const POINT_RADIUS = 5;

/**
 * The decision boundary: `cells` (100 * class + confidence per cell, row by row from the top, from the engine)
 * shaded by class and confidence, and the points [x, y, class] on it, the chosen one (an index, or -1) ringed.
 */
function drawBoundary(canvas, bounds, gridSize, cells, points, chosen) {
  const { context, width, height } = sharpContext(canvas);
  // the grid's cells blended over the background into a small image, which the canvas scales up smoothly
  const background = rgbOf(cssColour("--bg"));
  let largestLabel = 1;
  for (const cell of cells) {
    largestLabel = Math.max(largestLabel, Math.floor(cell / 100));
  }
  for (const point of points) {
    largestLabel = Math.max(largestLabel, point[2]);
  }
  const colours = classColours(largestLabel);
  const rgbs = colours.map(rgbOf);
  const image = new ImageData(gridSize, gridSize);
  for (let i = 0; i < cells.length; i++) {
    const alpha = 0.12 + 0.5 * (cells[i] % 100) / 99;
    const colour = rgbs[Math.floor(cells[i] / 100)];
    for (let c = 0; c < 3; c++) {
      image.data[4 * i + c] = background[c] * (1 - alpha) + colour[c] * alpha;
    }
    image.data[4 * i + 3] = 255;
  }
  const small = document.createElement("canvas");
  small.width = gridSize;
  small.height = gridSize;
  small.getContext("2d").putImageData(image, 0, 0);
  context.imageSmoothingEnabled = true;
  context.drawImage(small, 0, 0, width, height);
  const ring = cssColour("--fg");
  const edge = cssColour("--bg");
  points.forEach(([x, y, label], i) => {
    const [px, py] = toPlot(bounds, width, height, x, y);
    context.beginPath();
    context.arc(px, py, i === chosen ? POINT_RADIUS + 2 : POINT_RADIUS, 0, 2 * Math.PI);
    context.fillStyle = colours[label];
    context.fill();
    context.lineWidth = i === chosen ? 3 : 1;
    context.strokeStyle = i === chosen ? ring : edge;
    context.stroke();
  });
  canvas.dataset.draws = Number(canvas.dataset.draws ?? 0) + 1;
}

/** The points of the engine's text "x,y,class;x,y,class...". */
function pointsOf(text) {
  return text === "" ? [] : text.split(";").map((point) => point.split(",").map(Number));
}

/** The largest finite value, without spreading an array of any length into a call. */
function largestFinite(values) {
  let largest = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v) && v > largest) {
      largest = v;
    }
  }
  return largest;
}

/**
 * One curve over `width` pixels: each pixel column draws the lowest and the highest of the values that fall in it,
 * so that a million steps draw as fast as a thousand, and a spike stays visible.
 */
function plotCurve(context, values, width, y0, height, max, colour) {
  const n = values.length;
  if (n === 0) {
    return;
  }
  const columns = Math.max(1, Math.min(n, Math.floor(width)));
  const y = (v) => y0 + height - Math.min(Math.max(v / max, 0), 1) * (height - 4) - 2;
  context.beginPath();
  for (let c = 0; c < columns; c++) {
    const from = Math.floor(c * n / columns);
    const to = Math.max(from + 1, Math.floor((c + 1) * n / columns));
    let low = Infinity;
    let high = -Infinity;
    for (let i = from; i < to; i++) {
      const v = Number.isFinite(values[i]) ? values[i] : max;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    const x = columns === 1 ? 0 : c / (columns - 1) * (width - 1);
    if (c === 0) {
      context.moveTo(x, y(high));
    } else {
      context.lineTo(x, y(high));
    }
    context.lineTo(x, y(low));
  }
  context.strokeStyle = colour;
  context.lineWidth = 1.5;
  context.stroke();
}

/** Loss (top, from 0 to its largest) and accuracy (bottom, 0 to 100%) against the step. */
function drawCurves(canvas, losses, accuracies) {
  const { context, width, height } = sharpContext(canvas);
  const half = height / 2;
  context.fillStyle = cssColour("--bg");
  context.fillRect(0, 0, width, height);
  const top = Math.max(1e-12, largestFinite(losses));
  plotCurve(context, losses, width, 0, half, top, cssColour("--class-1"));
  plotCurve(context, accuracies, width, half, half, 1, cssColour("--class-0"));
  context.strokeStyle = cssColour("--line");
  context.lineWidth = 1;
  context.strokeRect(0.5, 0.5, width - 1, half - 1);
  context.strokeRect(0.5, half + 0.5, width - 1, half - 1);
  context.fillStyle = cssColour("--fg");
  context.font = "14px system-ui, sans-serif";
  context.fillText("loss (0 to " + formatNumber(top) + ")", 6, 18);
  context.fillText("accuracy (0 to 100%)", 6, half + 18);
}

/** A number to 4 significant digits (integers and short numbers as they are). */
function formatNumber(value) {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  const short = Number(value.toPrecision(4));
  return Math.abs(short) >= 1e-4 && Math.abs(short) < 1e6 || short === 0 ? String(short) : short.toExponential();
}

/** A table cell showing `value` to 4 significant digits; hover (title) or a tap shows the full double. */
function numberCell(row, value, kind) {
  const cell = row.insertCell();
  const number = Number(value);
  cell.textContent = formatNumber(number);
  cell.title = String(number);
  cell.dataset.full = String(number);
  if (kind) {
    cell.className = kind;
  }
  return cell;
}

/** A tap on a number cell swaps its short and its full text. */
document.addEventListener("click", (event) => {
  const cell = event.target instanceof Element ? event.target.closest("td[data-full]") : null;
  if (cell) {
    cell.textContent = cell.textContent === cell.dataset.full ? formatNumber(Number(cell.dataset.full))
        : cell.dataset.full;
  }
});

/** Replaces an element's children with many, without spreading them into one call (the stack has a limit). */
function replaceAll(parent, children) {
  const fragment = document.createDocumentFragment();
  for (const child of children) {
    fragment.append(child);
  }
  parent.replaceChildren(fragment);
}
