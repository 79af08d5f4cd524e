/**
 * Support for the lessons in {@code lessons/*.jsh}: the lecture "The spelled-out intro to neural networks and
 * backpropagation: building micrograd", one idea per file. {@link micrograd.lessons.LessonRunner} runs a lesson in
 * JShell and stops with the lesson's own message when a snippet fails ({@code ./micrograd lesson N});
 * {@link micrograd.lessons.LessonFiles} gives a lesson its output folder and draws its graphs, writing the DOT text
 * and going on without Graphviz. {@link micrograd.lessons.Notebooks} turns every lesson into a Jupyter notebook for
 * the Rapaio Java kernel, so the notebooks are generated from the lessons and cannot drift from them: comment blocks
 * become markdown cells and the code between them becomes code cells.
 */
package micrograd.lessons;
