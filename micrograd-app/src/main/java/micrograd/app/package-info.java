/**
 * The {@code micrograd} command: {@code demo} (micrograd's demo.ipynb: an MLP learns the two moons), {@code train} (any
 * built-in dataset or CSV file, any architecture, loss and optimizer), {@code predict} (a saved model on a CSV file)
 * {@code grad} (the engine as a calculator: an expression's value, every variable's gradient and a drawing of its
 * graph), {@code lesson} (the lecture's lessons in JShell), {@code notebooks} (the lessons' notebooks regenerated),
 * {@code bench} (the short benchmark run) and {@code jshell} (JShell with the project imported). {@link
 * micrograd.app.Main} wires the commands with picocli and owns the rules every command follows: results on stdout; a
 * problem with the user's input is one line on stderr that names it and what to do, with exit status 2; an unexpected
 * failure is one line with exit status 1 (the stack trace only with {@code --debug}); {@code --help} on every command
 * and {@code --version}.
 */
package micrograd.app;
