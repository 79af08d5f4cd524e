package micrograd.gpt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * microgpt's dataset: one document per line, {@code [line.strip() for line in open(...) if line.strip()]}, and the
 * names file it trains on, which ships in this jar ({@code micrograd/gpt/names.txt}: karpathy/makemore's names.txt,
 * MIT licence; see the README beside it).
 */
public final class Documents {

    private static final String NAMES = "names.txt";

    private Documents() {
    }

    /** The 32,033 names of karpathy/makemore's names.txt, in file order. */
    public static List<String> names() {
        try (InputStream in = Objects.requireNonNull(Documents.class.getResourceAsStream(NAMES), NAMES)) {
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code reader}, stripped of white space at both ends as Python strips them; empty ones dropped. */
    public static List<String> read(BufferedReader reader) throws IOException {
        List<String> documents = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String document = strip(line);
            if (!document.isEmpty()) {
                documents.add(document);
            }
        }
        return documents;
    }

    /** Python's {@code str.strip()}: also removes the no-break spaces and U+0085, which Java's strip() keeps. */
    static String strip(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isPythonSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
