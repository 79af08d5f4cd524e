/**
 * Arithmetic expressions typed by a person, turned into engine graphs. {@link micrograd.expr.ExpressionParser} reads
 * an expression such as {@code (a*b + c) * f} or {@code tanh(x1*w1 + x2*w2 + b)} over named variables, with Python's
 * operators and precedence ({@code + - * / **}, unary minus, parentheses) and the functions {@code exp log tanh relu
 * sigmoid}, and builds the {@link micrograd.engine.Value} graph with the engine's own operations, so that
 * {@code backward()} gives every variable's gradient. A mistake is reported as an
 * {@link micrograd.expr.ExpressionException} that names the column where it was found.
 */
package micrograd.expr;
