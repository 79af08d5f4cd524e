package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A QR code drawn in the terminal reads back, with ZXing's own decoder, as the link it was drawn from. */
class TerminalQrCodeTest {

    /** Reads a drawn code back: each character is two modules, light where the block is drawn. */
    static String decode(List<String> lines) throws NotFoundException, ChecksumException, FormatException {
        int scale = 4;
        int width = lines.get(0).length();
        int height = lines.size() * 2;
        int[] pixels = new int[width * height * scale * scale];
        for (int row = 0; row < height; row++) {
            for (int x = 0; x < width; x++) {
                char drawn = lines.get(row / 2).charAt(x);
                boolean light = row % 2 == 0 ? drawn == TerminalQrCode.BOTH || drawn == TerminalQrCode.UPPER
                        : drawn == TerminalQrCode.BOTH || drawn == TerminalQrCode.LOWER;
                // as a camera sees a terminal with light text on a dark background
                int colour = light ? 0xffffff : 0x000000;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        pixels[(row * scale + dy) * width * scale + x * scale + dx] = colour;
                    }
                }
            }
        }
        // the code as a camera centres it: the printed quiet zone, then more light around it
        int[] framed = frame(pixels, width * scale, height * scale, 8 * scale);
        int side = 16 * scale;
        RGBLuminanceSource source = new RGBLuminanceSource(width * scale + side, height * scale + side, framed);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE, DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static int[] frame(int[] pixels, int width, int height, int margin) {
        int framedWidth = width + 2 * margin;
        int[] framed = new int[framedWidth * (height + 2 * margin)];
        java.util.Arrays.fill(framed, 0xffffff);
        for (int y = 0; y < height; y++) {
            System.arraycopy(pixels, y * width, framed, (y + margin) * framedWidth + margin, width);
        }
        return framed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://192.168.1.23:8000/", "http://10.0.0.5:41234/",
        "http://[2001:db8::1]:65535/", "http://172.16.254.254:1/"})
    void aDrawnCodeReadsBackAsItsLink(String link) throws Exception {
        String drawn = TerminalQrCode.draw(link);
        List<String> lines = drawn.lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(lines.get(0).length())
                .matches("[\u2588\u2580\u2584 ]+"));
        assertThat(lines.get(0)).as("the quiet zone's top row is light").matches("\u2588+");
        assertThat(lines.get(0).length()).as("small enough for an 80-column terminal").isLessThanOrEqualTo(45);
        assertThat(decode(lines)).isEqualTo(link);
    }
}
