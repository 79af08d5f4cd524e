/**
 * The share button's QR code: {@link micrograd.playground.qr.QrApi}, ZXing's encoder (the project's QR library, from
 * Maven Central) compiled by TeaVM into qr.js apart from the engine, which the page loads lazily.
 */
package micrograd.playground.qr;
