// The engine's own thread: engine.js starts this worker, which loads micrograd.playground.PlaygroundApi compiled by
// TeaVM (WebAssembly GC where the browser runs it, else JavaScript) and runs the page's calls to it, so that neither
// the engine's start nor a long training step ever holds the page up. The page sends {start: {askedForJs}} once, then
// {id, calls: [[name, ...args], ...]}; the worker runs the calls in order and answers {id, results, ms} (ms: how long
// they took), or, when a call throws, the results before it and {error}.
"use strict";

/** A module declaring one GC struct type: valid only where the browser has WebAssembly GC. */
const WASM_GC_PROBE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x03, 0x01, 0x5f, 0x00]);

let api = null;

/**
 * TeaVM's JavaScript build is a UMD module: with an AMD define() at hand it hands its exports to it as one object.
 */
function loadJavaScriptBuild() {
  let exports = null;
  const define = (dependencies, factory) => {
    exports = {};
    factory(exports);
  };
  define.amd = true;
  self.define = define;
  try {
    importScripts("micrograd.js");
  } finally {
    delete self.define;
  }
  return exports;
}

/** Loads the engine; answers {name, note} as engine.js shows them. */
async function loadEngine({ askedForJs }) {
  let note = "";
  if (askedForJs) {
    note = "asked for by ?engine=js";
  } else if (typeof WebAssembly !== "object" || !WebAssembly.validate(WASM_GC_PROBE)) {
    note = "this browser has no WebAssembly GC";
  } else {
    try {
      importScripts("micrograd.wasm-runtime.js");
      api = (await TeaVM.wasmGC.load("micrograd.wasm")).exports;
      return { name: "WebAssembly GC", note };
    } catch (error) {
      note = "WebAssembly GC did not load: " + messageOf(error);
    }
  }
  api = loadJavaScriptBuild();
  return { name: "JavaScript", note };
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.start) {
    try {
      self.postMessage({ started: await loadEngine(message.start) });
    } catch (error) {
      self.postMessage({ failed: messageOf(error) });
    }
    return;
  }
  const results = [];
  const began = performance.now();
  try {
    for (const [name, ...args] of message.calls) {
      if (typeof api[name] !== "function") {
        throw new Error("the engine has no call " + name);
      }
      results.push(api[name](...args));
    }
    self.postMessage({ id: message.id, results, ms: performance.now() - began });
  } catch (error) {
    self.postMessage({ id: message.id, results, error: messageOf(error) });
  }
};
