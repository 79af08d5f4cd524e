// The lecture's manual backpropagation as an exercise (#quiz&prog=..., or the button on any graph): the grads hidden,
// the learner types each node's grad in the order backward() finds them; the engine (micrograd.playground.Quiz)
// checks it within its stated tolerance, marks it, shows the chain-rule product on request or after two misses, and
// keeps the score. The graph shows the grads found so far and "?" for the others.
"use strict";

const quiz = { active: false, asked: -1 }; // asked: the node whose grad is asked for

/** Starts the exercise on the current calculation. */
async function startQuiz() {
  pause();
  quiz.active = true;
  document.body.dataset.quiz = "on";
  $("quiz").hidden = false;
  $("stepper").hidden = true;
  const [, tolerance] = await engine.batch([["quizStart"], ["quizTolerance"]]);
  $("quiz-tolerance").textContent = String(tolerance * 100);
  $("quiz-result").textContent = "";
  $("quiz-product").textContent = "";
  await askQuiz();
}

/** Leaves the exercise: the stepper and its grads come back. */
function stopQuiz() {
  quiz.active = false;
  delete document.body.dataset.quiz;
  $("quiz").hidden = true;
  $("stepper").hidden = false;
  return show(stepper.done);
}

/** Shows the question, the score and the graph with the grads found so far, the node asked about highlighted. */
async function askQuiz() {
  document.body.dataset.state = "drawing";
  const [asked, question, score, report, dot] = await engine.batch([["quizNode"], ["quizQuestion"], ["quizScore"],
    ["report"], ["quizDot"]]);
  if (!quiz.active) {
    return;
  }
  quiz.asked = asked;
  $("quiz-question").textContent = question;
  $("quiz-score").textContent = score;
  $("quiz-answer").disabled = asked < 0;
  $("report").textContent = "value = " + report.split("\n")[0].slice("value = ".length)
      + "\n(the grads are hidden: find them)";
  draw(dot, () => quiz.active && quiz.asked === asked, (title) => title === "v" + asked ? "asked" : null);
}

async function answerQuiz() {
  const typed = $("quiz-answer").value;
  const result = await engine.api.quizAnswer(typed);
  $("quiz-result").textContent = result;
  $("quiz-result").dataset.verdict = result.startsWith("right") ? "right" : result.startsWith("wrong") ? "wrong"
      : "unreadable";
  if (result.startsWith("right")) {
    $("quiz-answer").value = "";
    $("quiz-product").textContent = "";
  }
  await askQuiz();
  $("quiz-answer").focus();
}

function wireQuiz() {
  $("quiz-start").addEventListener("click", () => {
    history.replaceState(null, "", "#quiz&" + location.hash.slice(1).replace(/^quiz&?/, ""));
    startQuiz();
  });
  $("quiz-stop").addEventListener("click", () => {
    history.replaceState(null, "", "#" + location.hash.slice(1).replace(/^quiz&?/, ""));
    stopQuiz();
  });
  $("quiz-form").addEventListener("submit", (event) => {
    event.preventDefault();
    answerQuiz();
  });
  $("quiz-show-product").addEventListener("click", async () => {
    $("quiz-product").textContent = await engine.api.quizProduct();
  });
}
