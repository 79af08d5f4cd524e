/**
 * What the TeaVM build of the playground needs from TeaVM's side and nothing else: {@link
 * micrograd.playground.teavm.RuntimeMaxMemory}, a class transformer that the teavm-maven-plugin runs while it compiles
 * the page's engine (both builds, WebAssembly GC and JavaScript). Never compiled into them, never loaded on the JVM.
 */
package micrograd.playground.teavm;
