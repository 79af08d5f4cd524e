/**
 * What the modules' tests share: {@link micrograd.testsupport.RequiredTool}, which skips a test with one line (or,
 * with {@code CI} set, fails it) when a program it needs is missing, and
 * {@link micrograd.testsupport.GraphvizAvailability} for Graphviz's dot, and
 * {@link micrograd.testsupport.DocPages}, the README's and the docs pages' marked blocks for the tests that run them. Used by the tests only (test scope).
 */
package micrograd.testsupport;
