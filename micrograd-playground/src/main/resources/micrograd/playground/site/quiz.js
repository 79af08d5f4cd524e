// The lecture's manual backpropagation as an exercise (#quiz&prog=..., or the button on any graph): the grads hidden,
// the learner types each node's grad in the order backward() finds them; the engine (micrograd.playground.Quiz)
// checks it within its stated tolerance, marks it, shows the chain-rule product on request or after two misses, and
// keeps the score. The graph shows the grads found so far and "?" for the others.
"use strict";

const quiz = { active: false };

/** Starts the exercise on the current calculation. */
function startQuiz() {
  pause();
  quiz.active = true;
  engine.api.quizStart();
  document.body.dataset.quiz = "on";
  $("quiz").hidden = false;
  $("stepper").hidden = true;
  $("quiz-tolerance").textContent = String(engine.api.quizTolerance() * 100);
  $("quiz-result").textContent = "";
  $("quiz-product").textContent = "";
  askQuiz();
}

/** Leaves the exercise: the stepper and its grads come back. */
function stopQuiz() {
  quiz.active = false;
  delete document.body.dataset.quiz;
  $("quiz").hidden = true;
  $("stepper").hidden = false;
  show(stepper.done);
}

/** Shows the question, the score and the graph with the grads found so far, the node asked about highlighted. */
function askQuiz() {
  const api = engine.api;
  const asked = api.quizNode();
  $("quiz-question").textContent = api.quizQuestion();
  $("quiz-score").textContent = api.quizScore();
  $("quiz-answer").disabled = asked < 0;
  $("report").textContent = "value = " + api.report().split("\n")[0].slice("value = ".length)
      + "\n(the grads are hidden: find them)";
  const dot = api.quizDot();
  draw(dot, () => quiz.active && api.quizNode() === asked,
      (title) => title === "v" + asked ? "asked" : null);
}

function answerQuiz() {
  const typed = $("quiz-answer").value;
  const result = engine.api.quizAnswer(typed);
  $("quiz-result").textContent = result;
  $("quiz-result").dataset.verdict = result.startsWith("right") ? "right" : result.startsWith("wrong") ? "wrong"
      : "unreadable";
  if (result.startsWith("right")) {
    $("quiz-answer").value = "";
    $("quiz-product").textContent = "";
  }
  askQuiz();
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
  $("quiz-show-product").addEventListener("click", () => {
    $("quiz-product").textContent = engine.api.quizProduct();
  });
}
