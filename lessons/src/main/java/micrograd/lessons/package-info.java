/**
 * Support for the lessons in {@code lessons/*.jsh}: the lecture "The spelled-out intro to neural networks and
 * backpropagation: building micrograd", one idea per file, runnable in JShell ({@code ./micrograd lesson N}).
 * {@link micrograd.lessons.Notebooks} turns every lesson into a Jupyter notebook for the Rapaio Java kernel, so the
 * notebooks are generated from the lessons and cannot drift from them: comment blocks become markdown cells and
 * the code between them becomes code cells. The lessons themselves are plain scripts; nothing here is needed to
 * read or run them.
 */
package micrograd.lessons;
