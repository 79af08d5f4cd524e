/**
 * What the TeaVM build of the playground needs from TeaVM's side and nothing else: class transformers that the
 * teavm-maven-plugin runs while it compiles: {@link micrograd.playground.teavm.RuntimeMaxMemory} for the page's engine
 * (both builds, WebAssembly GC and JavaScript), {@link micrograd.playground.teavm.CharsetIsSupported} for the share
 * button's QR encoder. Never compiled into them, never loaded on the JVM.
 */
package micrograd.playground.teavm;
