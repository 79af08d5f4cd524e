package micrograd.gpt;

import java.util.List;
import java.util.TreeSet;

/**
 * microgpt's tokenizer: one token per character. The distinct characters of the documents, sorted by code point,
 * become tokens 0 to n-1, and token n is BOS, which marks the start and the end of a document.
 */
public final class Tokenizer {

    /** The characters (code points) of tokens 0 to n-1, ascending. */
    private final int[] characters;

    private Tokenizer(int[] characters) {
        this.characters = characters;
    }

    /** {@code sorted(set(''.join(docs)))}: every character that occurs in the documents. */
    public static Tokenizer of(List<String> documents) {
        // plain loops, not IntStream.distinct(), which TeaVM's class library (the page's engine) gets wrong
        TreeSet<Integer> seen = new TreeSet<>();
        for (String document : documents) {
            for (int i = 0; i < document.length(); i += Character.charCount(document.codePointAt(i))) {
                seen.add(document.codePointAt(i));
            }
        }
        int[] characters = new int[seen.size()];
        int next = 0;
        for (int codePoint : seen) {
            characters[next++] = codePoint;
        }
        return new Tokenizer(characters);
    }

    /** A tokenizer over exactly these characters (as a saved model lists them), which must be distinct. */
    public static Tokenizer ofCharacters(String characters) {
        int[] codePoints = characters.codePoints().sorted().toArray();
        if (codePoints.length != characters.codePoints().distinct().count()) {
            throw new IllegalArgumentException("a vocabulary lists each character once, got \"" + characters + "\"");
        }
        return new Tokenizer(codePoints);
    }

    /** The characters of tokens 0 to n-1 as one string. */
    public String characters() {
        return new String(characters, 0, characters.length);
    }

    /** The number of tokens: the characters and BOS. */
    public int vocabSize() {
        return characters.length + 1;
    }

    /** The Beginning Of Sequence token, which also ends one. */
    public int bos() {
        return characters.length;
    }

    /**
     * {@code [BOS] + [uchars.index(ch) for ch in doc] + [BOS]}.
     *
     * @throws IllegalArgumentException if a character is not in the vocabulary
     */
    public int[] encode(String document) {
        int[] tokens = new int[document.codePointCount(0, document.length()) + 2];
        tokens[0] = bos();
        int next = 1;
        for (int i = 0; i < document.length(); i += Character.charCount(document.codePointAt(i))) {
            tokens[next++] = tokenOf(document.codePointAt(i));
        }
        tokens[next] = bos();
        return tokens;
    }

    private int tokenOf(int codePoint) {
        for (int token = 0; token < characters.length; token++) {
            if (characters[token] == codePoint) {
                return token;
            }
        }
        throw new IllegalArgumentException("the character '" + new String(new int[] {codePoint}, 0, 1)
                + "' is not in the vocabulary \"" + characters() + "\"");
    }

    /** The text of tokens other than BOS. */
    public String decode(int[] tokens) {
        StringBuilder text = new StringBuilder();
        for (int token : tokens) {
            if (token < 0 || token >= characters.length) {
                throw new IllegalArgumentException("token " + token + " is not a character (BOS is " + bos() + ")");
            }
            text.appendCodePoint(characters[token]);
        }
        return text.toString();
    }
}
