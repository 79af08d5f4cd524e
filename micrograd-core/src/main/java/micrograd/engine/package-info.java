/**
 * The scalar autograd engine. A {@link micrograd.engine.Value} wraps one double; every operation on values records
 * its operands and which operation made it, so the values form a graph, and {@link micrograd.engine.Value#backward()}
 * walks that graph from the output back to the leaves in reverse topological order, applying each operation's local
 * derivative by the chain rule (reverse-mode automatic differentiation). Gradients accumulate with {@code +=}; the
 * caller zeroes them between passes. The operations and their derivatives are listed in one place,
 * {@code Op}, so that the whole engine reads like micrograd's engine.py. {@link micrograd.engine.GradCheck} compares
 * backward() with central finite differences for any function a user writes. This package has no dependencies.
 */
package micrograd.engine;
