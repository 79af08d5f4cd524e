package micrograd.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * A reader that stops a file from making the program read without end: it fails with a {@link CsvFileException} once
 * more than {@link CsvTable#MAX_CHARS} characters have been read, when a line grows longer than
 * {@link CsvTable#MAX_LINE_CHARS}, or at a NUL character, which no text file holds ({@code /dev/zero} is nothing else).
 */
final class LimitedReader extends FilterReader {

    private final Path file;
    private long total;
    private long line = 1;
    private long lineLength;

    LimitedReader(Path file, Reader in) {
        super(in);
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        for (int i = offset; i < offset + Math.max(count, 0); i++) {
            char c = buffer[i];
            if (c == '\0') {
                throw new CsvFileException(file + ": line " + line + " holds a NUL character; this is not a text "
                        + "file (give a CSV file)");
            }
            if (c == '\n') {
                line++;
                lineLength = 0;
            } else if (++lineLength > CsvTable.MAX_LINE_CHARS) {
                throw new CsvFileException(file + ": line " + line + " is longer than " + CsvTable.MAX_LINE_CHARS
                        + " characters, the most a line may have; is this a CSV file?");
            }
        }
        total += Math.max(count, 0);
        if (total > CsvTable.MAX_CHARS) {
            throw new CsvFileException(file + " is larger than " + CsvTable.MAX_CHARS / 1_000_000 + " million "
                    + "characters, the most micrograd reads; use a smaller sample of the data");
        }
        return count;
    }

    @Override
    public long skip(long n) throws IOException {
        char[] skipped = new char[(int) Math.min(n, 8192)];
        int count = read(skipped, 0, skipped.length);
        return Math.max(count, 0);
    }
}
