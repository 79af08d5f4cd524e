// The lecture in order: a menu of its examples (micrograd.playground.LectureExample), each loaded as a program in one
// click. Its link is #lecture=ID (with #quiz& before it, the exercise on it); the example's leaf and h go to the
// nudge, so that the first entry shows the derivative by nudging x.
"use strict";

const lecture = { examples: null };

/** Fills the menu from the engine's list of examples. */
async function offerLecture() {
  const options = [new Option("the lecture, in order…", "")];
  for (const [i, example] of (await lectureExamples()).entries()) {
    options.push(new Option((i + 1) + ". " + example.title, example.id));
  }
  $("lecture").replaceChildren(...options);
  $("lecture").addEventListener("change", () => {
    if ($("lecture").value !== "") {
      location.hash = "#lecture=" + encodeURIComponent($("lecture").value);
    }
  });
}

/** The lecture's examples, {id, title, program, nudged, h} each, read from the engine once. */
async function lectureExamples() {
  if (!lecture.examples) {
    const count = await engine.api.lectureCount();
    const calls = [];
    for (let i = 0; i < count; i++) {
      calls.push(["lectureId", i], ["lectureTitle", i], ["lectureProgram", i], ["lectureNudged", i], ["lectureH", i]);
    }
    const fields = await engine.batch(calls);
    lecture.examples = Array.from({ length: count }, (_, i) => {
      const [id, title, program, nudged, h] = fields.slice(5 * i, 5 * i + 5);
      return { id, title, program, nudged, h };
    });
  }
  return lecture.examples;
}

/** The example with this id: {id, title, program, nudged, h}, or null. */
async function lectureExample(id) {
  return (await lectureExamples()).find((example) => example.id === id) ?? null;
}

/** After an example is calculated: its leaf and h in the nudge. */
function nudgeLikeTheLecture(example) {
  $("nudge-variable").value = example.nudged;
  $("nudge-h").value = String(example.h);
  return nudge();
}
