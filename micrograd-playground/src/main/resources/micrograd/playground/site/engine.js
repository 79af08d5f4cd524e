// Loads the engine, micrograd.playground.PlaygroundApi compiled by TeaVM: as WebAssembly GC (micrograd.wasm, with
// TeaVM's loader micrograd.wasm-runtime.js) where the browser runs it, else as JavaScript (micrograd.js). The query
// ?engine=js asks for JavaScript. A page fetches a .wasm file, which Chromium refuses from disk (file://), so a page
// opened from disk runs JavaScript. The engine loads once the page's text has been painted. Once engine.ready has
// resolved (in a task of its own), engine.api holds the exported calls, engine.name says which engine runs and
// engine.note why it is not WebAssembly GC.
"use strict";

const engine = { name: null, api: null, note: "", ready: null };

/** A module declaring one GC struct type: valid only where the browser has WebAssembly GC. */
const WASM_GC_PROBE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x03, 0x01, 0x5f, 0x00]);

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error("cannot load " + src));
    document.head.append(script);
  });
}

async function loadWebAssemblyGC() {
  await loadScript("micrograd.wasm-runtime.js");
  const teavm = await TeaVM.wasmGC.load("micrograd.wasm");
  return teavm.exports;
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

engine.ready = (async () => {
  await afterFirstPaint();
  if (new URLSearchParams(location.search).get("engine") === "js") {
    engine.note = "asked for by ?engine=js";
  } else if (typeof WebAssembly !== "object" || !WebAssembly.validate(WASM_GC_PROBE)) {
    engine.note = "this browser has no WebAssembly GC";
  } else {
    try {
      engine.api = await loadWebAssemblyGC();
      engine.name = "WebAssembly GC";
      await nextTask(); // the views start in a task of their own, not in the one that started the engine
      return engine;
    } catch (error) {
      engine.note = "WebAssembly GC did not load: " + error.message;
    }
  }
  engine.api = await loadUmd("micrograd.js");
  engine.name = "JavaScript";
  await nextTask();
  return engine;
})();
