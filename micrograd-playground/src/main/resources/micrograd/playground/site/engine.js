// The engine, micrograd.playground.PlaygroundApi compiled by TeaVM, runs in a Web Worker of its own (engine-worker.js):
// as WebAssembly GC where the browser runs it, else as JavaScript (micrograd.js); the query ?engine=js asks for
// JavaScript. So the engine's start and its long calls (a training step, a graph recorded) never hold the page up.
// Every call is asynchronous: engine.api.NAME(...args) is a promise of the export's result, and engine.batch(calls)
// runs several in one message. A page opened from disk (file://), where Chromium refuses workers and .wasm files,
// runs the JavaScript build on its own thread behind the same promises. The engine loads once the page's text has
// been painted; once engine.ready has resolved (in a task of its own), engine.name says which engine runs and
// engine.note why it is not WebAssembly GC.
"use strict";

const engine = { name: null, note: "", ready: null, api: null, batch: null };

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error("cannot load " + src));
    document.head.append(script);
  });
}

/** What went wrong, in one line: an Error's message (a Java exception's, from the engine), or the thing itself. */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * TeaVM's JavaScript builds are UMD modules: when an AMD define() is at hand while one loads, it hands its exports to
 * that define() as one object instead of making each a global function (which the page's own could collide with).
 */
function loadUmd(src) {
  return new Promise((resolve, reject) => {
    const define = (dependencies, factory) => {
      const exports = {};
      factory(exports);
      resolve(exports);
    };
    define.amd = true;
    globalThis.define = define;
    loadScript(src).catch(reject).finally(() => delete globalThis.define);
  });
}

/**
 * Resolves once the browser has shown the page's first text (its first contentful paint, as the Paint Timing API
 * reports it), so that the engine's download and start-up never delay the page's text and controls. A browser without
 * that API waits for a frame instead.
 */
function afterFirstPaint() {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (!(PerformanceObserver.supportedEntryTypes ?? []).includes("paint")) {
      requestAnimationFrame(later);
      return;
    }
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length > 0) {
        observer.disconnect();
        later();
      }
    });
    observer.observe({ type: "paint", buffered: true });
  });
}

/**
 * Resolves in a task of its own, once the browser has had its turn to draw and to answer the reader; work split at
 * these points never holds the page for long. A message to the page itself, not setTimeout(0), which waits 4 ms once
 * nested.
 */
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Resolves to {worker}, the engine's thread started, or else {problem}: why the page could not start one. */
function startWorker(askedForJs) {
  let worker;
  try {
    worker = new Worker("engine-worker.js");
  } catch (error) {
    // file://: Chromium refuses the worker at once
    return Promise.resolve({ problem: location.protocol === "file:"
      ? "opened from disk, where the browser refuses a worker" : "no worker: " + error.message });
  }
  return new Promise((resolve) => {
    const stop = (problem) => {
      worker.terminate();
      resolve({ problem });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop("the engine's worker did not load: " + event.message);
    };
    worker.onmessage = (event) => {
      const { started, failed } = event.data;
      if (!started) {
        stop("the engine did not start in its worker: " + failed);
        return;
      }
      engine.name = started.name;
      engine.note = started.note;
      resolve({ worker });
    };
    worker.postMessage({ start: { askedForJs } });
  });
}

/**
 * engine.batch(calls): runs [[name, ...args], ...] in order in the worker, and resolves to their results (an array,
 * whose `engineMs` says how long the engine took over them); when a call throws, it rejects with an Error whose
 * `results` are those of the calls before it. A worker that fails outside a call (an error nothing caught) is
 * stopped: the calls under way and every later one reject with one line that says so, so none waits for an answer
 * that cannot come.
 */
function workerBatch(worker) {
  const waiting = new Map();
  let sent = 0;
  let stopped = null; // why the worker was stopped
  worker.onmessage = (event) => {
    const { id, results, ms, error } = event.data;
    const { resolve, reject } = waiting.get(id);
    waiting.delete(id);
    if (error === undefined) {
      resolve(Object.assign(results, { engineMs: ms }));
    } else {
      reject(Object.assign(new Error(error), { results }));
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    stopped = "its worker stopped (" + (event.message || "an error") + "); reload the page";
    for (const { reject } of waiting.values()) {
      reject(new Error(stopped));
    }
    waiting.clear();
  };
  return (calls) => new Promise((resolve, reject) => {
    if (stopped) {
      reject(new Error(stopped));
      return;
    }
    const id = ++sent;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, calls });
  });
}

/** The same calls, run on the page's own thread: where no worker could start. */
function localBatch(api) {
  return (calls) => new Promise((resolve, reject) => {
    const results = [];
    const start = performance.now();
    try {
      for (const [name, ...args] of calls) {
        results.push(api[name](...args));
      }
      resolve(Object.assign(results, { engineMs: performance.now() - start }));
    } catch (error) {
      reject(Object.assign(error instanceof Error ? error : new Error(String(error)), { results }));
    }
  });
}

/** engine.api.NAME(...args): one call, as a promise of its result. */
engine.api = new Proxy({}, {
  get: (target, name) => (...args) => engine.batch([[name, ...args]]).then((results) => results[0]),
});

engine.ready = (async () => {
  await afterFirstPaint();
  const askedForJs = new URLSearchParams(location.search).get("engine") === "js";
  const { worker, problem } = await startWorker(askedForJs);
  if (worker) {
    engine.batch = workerBatch(worker);
  } else {
    engine.name = "JavaScript";
    engine.note = problem + ": on the page's thread";
    engine.batch = localBatch(await loadUmd("micrograd.js"));
  }
  await nextTask(); // the views start in a task of their own, not in the one that started the engine
  return engine;
})();

/** How long one batch of a run's steps should keep the engine busy: the page hears back about 60 times a second. */
const BATCH_MS = 15;

/**
 * Runs a view's steps at the speed control's pace, `step(count)` at a time: it asks the engine for up to `count` more
 * steps (one engine.batch), deciding what to ask before its first await, so that a second call asks for the steps
 * after the first's; takes their results; and resolves to {more: whether there is more to ask for, engineMs: the
 * engine's time on the batch}. As fast as it goes, two batches are under way at once, so that the engine never waits
 * for the page to take an answer and ask again, and a batch's size doubles or halves to keep it near BATCH_MS of the
 * engine's time. Before each batch `going()` says whether to go on (false: paused, or another run took over); the
 * batches under way are then taken. Resolves to {finished, longestBatchMs}.
 */
async function runInBatches(speed, step, going) {
  let size = 1;
  let longestBatchMs = 0;
  let finished = false;
  const underWay = [];
  while (going() && !finished) {
    const due = speed.due(performance.now());
    if (due === 0) {
      await new Promise((resolve) => setTimeout(resolve, 16));
      continue;
    }
    const count = Math.min(due, size);
    underWay.push({ answer: step(count), count });
    if (due === Infinity && underWay.length < 2) {
      continue;
    }
    const oldest = underWay.shift();
    const { more, engineMs } = await oldest.answer;
    longestBatchMs = Math.max(longestBatchMs, engineMs);
    finished = !more;
    if (oldest.count === size && engineMs < BATCH_MS / 2) {
      size *= 2;
    } else if (engineMs > BATCH_MS * 2 && size > 1) {
      size = Math.floor(size / 2);
    }
  }
  for (const { answer } of underWay) {
    longestBatchMs = Math.max(longestBatchMs, (await answer).engineMs);
  }
  return { finished, longestBatchMs };
}
