package micrograd.app;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code drawn with Unicode blocks, two rows of modules per line, for a phone to scan off a terminal or a
 * projected screen. Light modules (and the quiet zone around the code) are drawn as blocks, dark ones as spaces, as
 * on a terminal with light text on a dark background; on a light background the code comes out inverted, which
 * phone cameras read too.
 */
final class TerminalQrCode {

    /** Two modules above each other per character: both light, the upper only, the lower only, neither. */
    static final char BOTH = '\u2588';
    static final char UPPER = '\u2580';
    static final char LOWER = '\u2584';
    static final char NEITHER = ' ';

    /** Modules of light margin around the code: the quiet zone of four that the standard asks for. */
    private static final int QUIET_ZONE = 4;

    private TerminalQrCode() {
    }

    /** {@code text} as a QR code, one line per two rows of modules, each line ending in a newline. */
    static String draw(String text) {
        BitMatrix dark;
        try {
            dark = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw '" + text + "' as a QR code: " + e.getMessage(), e);
        }
        StringBuilder lines = new StringBuilder();
        for (int y = 0; y < dark.getHeight(); y += 2) {
            for (int x = 0; x < dark.getWidth(); x++) {
                boolean upperLight = !dark.get(x, y);
                boolean lowerLight = y + 1 >= dark.getHeight() || !dark.get(x, y + 1);
                lines.append(upperLight ? (lowerLight ? BOTH : UPPER) : (lowerLight ? LOWER : NEITHER));
            }
            lines.append('\n');
        }
        return lines.toString();
    }
}
