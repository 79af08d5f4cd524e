/**
 * Arithmetic expressions typed by a person, turned into engine graphs. {@link micrograd.expr.ExpressionParser} reads
 * an expression such as {@code (a*b + c) * f} or {@code tanh(x1*w1 + x2*w2 + b)} over named variables, with Python's
 * operators and precedence ({@code + - * / **}, unary minus, parentheses) and the functions {@code exp log tanh relu
 * sigmoid}, and builds the {@link micrograd.engine.Value} graph with the engine's own operations, so that
 * {@code backward()} gives every variable's gradient. Every node it makes is labelled with the text it came from
 * ({@code x1*w1}). {@link micrograd.expr.Program} reads a program like the lecture's cells,
 * {@code a = 2.0; b = -3.0; e = a*b; ...}: statements that name nodes, the last the output. A mistake is reported as
 * an {@link micrograd.expr.ExpressionException} that names the statement and column where it was found.
 */
package micrograd.expr;
