/**
 * What the TeaVM build of the playground needs from TeaVM's side and nothing else: a class transformer that the
 * teavm-maven-plugin runs while it compiles the share button's QR encoder,
 * {@link micrograd.playground.teavm.CharsetIsSupported}. Never compiled into the page, never loaded on the JVM.
 */
package micrograd.playground.teavm;
