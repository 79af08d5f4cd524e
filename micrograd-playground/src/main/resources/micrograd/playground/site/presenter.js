// Presenter mode and the page's keys, shared by every view. A view registers what its keys do with
// presenter.keys(viewName, {back, step, play, zoomIn, zoomOut, reset}); the keys act on the view shown
// (body's data-view). The present button, or "&present" in the link, turns presenter mode on: larger type, the
// drawings fill the screen (the html element's class "present", see playground.css).
"use strict";

const presenter = {
  handlers: {},
  /** Keys to what they do; f (full screen) is the page's own. */
  KEYS: { ArrowLeft: "back", ArrowRight: "step", " ": "play", "+": "zoomIn", "=": "zoomIn", "-": "zoomOut",
    "−": "zoomOut", r: "reset" },

  keys(view, handlers) {
    this.handlers[view] = handlers;
  },

  on() {
    return document.documentElement.classList.contains("present");
  },

  set(on) {
    document.documentElement.classList.toggle("present", on);
    document.getElementById("present-toggle").setAttribute("aria-pressed", String(on));
    window.dispatchEvent(new Event("presenterchange"));
  },
};

/** Whether a key press belongs to a field being typed into rather than to the page. */
function typingInto(target) {
  return target instanceof HTMLElement && (target.isContentEditable
      || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName) && target.type !== "range");
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) {
    return;
  }
  if (event.key === "f") {
    event.preventDefault();
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else {
      document.documentElement.requestFullscreen?.().catch(() => {});
    }
    return;
  }
  const action = presenter.KEYS[event.key];
  const handler = action && presenter.handlers[document.body.dataset.view]?.[action];
  if (handler) {
    event.preventDefault(); // space would scroll, arrows too
    handler();
  }
});

document.getElementById("present-toggle").addEventListener("click", () => presenter.set(!presenter.on()));
/** A link with "&present" turns presenter mode on, when the page opens and when a link is followed within it. */
function presentIfTheLinkSays() {
  if (/(^|&)present(&|=|$)/.test(location.hash.slice(1)) && !presenter.on()) {
    presenter.set(true);
  }
}

window.addEventListener("hashchange", presentIfTheLinkSays);
presentIfTheLinkSays();
