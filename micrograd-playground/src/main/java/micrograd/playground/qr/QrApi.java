package micrograd.playground.qr;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import org.teavm.jso.JSExport;

/**
 * The page's QR encoder: ZXing's, compiled by TeaVM into its own small script (qr.js), which the page loads only when
 * the share button is first pressed, so that it weighs nothing on the first paint.
 */
public final class QrApi {

    private QrApi() {
    }

    /** TeaVM starts from here; the page calls the exports. */
    public static void main(String[] args) {
    }

    /**
     * The QR code of {@code text} (error correction level M), without its quiet zone: one line per row of
     * modules, {@code 1} dark and {@code 0} light; or {@code error: } and why it cannot be encoded (too long).
     */
    @JSExport
    public static String qrModules(String text) {
        try {
            // no character set: ZXing's default, ISO-8859-1, holds a link (ASCII, anything else %-escaped)
            QRCode code = Encoder.encode(text, ErrorCorrectionLevel.M);
            ByteMatrix matrix = code.getMatrix();
            StringBuilder rows = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    rows.append(matrix.get(x, y) == 1 ? '1' : '0');
                }
                rows.append('\n');
            }
            return rows.toString();
        } catch (WriterException | IllegalArgumentException e) {
            return "error: the link cannot be a QR code (" + e.getMessage() + ")";
        }
    }
}
