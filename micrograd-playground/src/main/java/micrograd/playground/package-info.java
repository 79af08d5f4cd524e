/**
 * The browser playground: micrograd's engine compiled by TeaVM to WebAssembly GC and to JavaScript, behind a static
 * page where one types a program or an expression, sees its graph with every node's data and grad, nudges a variable,
 * and steps through {@code backward()} one node at a time. {@link micrograd.playground.PlaygroundApi} is what the page
 * calls (the only class TeaVM starts from); {@link micrograd.playground.Calculation} runs a {@link
 * micrograd.expr.Program} over {@link micrograd.expr.Assignments} and tells its backward pass with {@link
 * micrograd.graph.BackwardSteps}; {@link micrograd.playground.Quiz} is the lecture's manual backpropagation as an
 * exercise; {@link micrograd.playground.LectureExample} the lecture's examples the page's menu loads; {@link
 * micrograd.playground.Nudge}
 * moves one variable by h and sets the output's change beside the gradient's prediction; {@link
 * micrograd.playground.DemoRun} is micrograd's demo, which the page's {@code #demo} link trains step by step; {@link
 * micrograd.playground.TrainingView} is the run of the page's training view ({@code #train}), set up from the link's
 * keys by {@link micrograd.playground.TrainingSettings} and stepped by the page one step per call; {@link
 * micrograd.playground.GptView} is the run of the gpt view ({@code #gpt}), microgpt set up by {@link
 * micrograd.playground.GptSettings}, with what the page shows inside the model and the small graph. {@link
 * micrograd.playground.SiteServer} serves the built site from this module's jar on 127.0.0.1 (for {@code micrograd
 * playground} and the browser tests; it never reaches the browser build).
 */
package micrograd.playground;
