// The lecture in order: a menu of its examples (micrograd.playground.LectureExample), each loaded as a program in one
// click. Its link is #lecture=ID (with #quiz& before it, the exercise on it); the example's leaf and h go to the
// nudge, so that the first entry shows the derivative by nudging x.
"use strict";

/** Fills the menu from the engine's list of examples. */
function offerLecture() {
  const api = engine.api;
  const options = [new Option("the lecture, in order…", "")];
  for (let i = 0; i < api.lectureCount(); i++) {
    options.push(new Option((i + 1) + ". " + api.lectureTitle(i), api.lectureId(i)));
  }
  $("lecture").replaceChildren(...options);
  $("lecture").addEventListener("change", () => {
    if ($("lecture").value !== "") {
      location.hash = "#lecture=" + encodeURIComponent($("lecture").value);
    }
  });
}

/** The example with this id: {program, nudged, h}, or null. */
function lectureExample(id) {
  const api = engine.api;
  for (let i = 0; i < api.lectureCount(); i++) {
    if (api.lectureId(i) === id) {
      return { program: api.lectureProgram(i), nudged: api.lectureNudged(i), h: api.lectureH(i) };
    }
  }
  return null;
}

/** After an example is calculated: its leaf and h in the nudge. */
function nudgeLikeTheLecture(example) {
  $("nudge-variable").value = example.nudged;
  $("nudge-h").value = String(example.h);
  nudge();
}
