package micrograd.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokenizer and the reading of documents, as microgpt.py does them. */
class TokenizerTest {

    @Test
    void charactersSortedByCodePointThenBos() {
        Tokenizer tokenizer = Tokenizer.of(List.of("zoë", "ab", "🙂x"));

        assertThat(tokenizer.characters()).isEqualTo("aboxzë🙂");
        assertThat(tokenizer.vocabSize()).isEqualTo(8);
        assertThat(tokenizer.bos()).isEqualTo(7);
        assertThat(tokenizer.encode("zoë")).containsExactly(7, 4, 2, 5, 7);
        assertThat(tokenizer.encode("🙂")).containsExactly(7, 6, 7);
        assertThat(tokenizer.decode(new int[] {6, 0, 3})).isEqualTo("🙂ax");
        assertThat(Tokenizer.ofCharacters(tokenizer.characters()).encode("xa")).containsExactly(7, 3, 0, 7);
    }

    @Test
    void unknownCharactersAndTokensAreRefused() {
        Tokenizer tokenizer = Tokenizer.of(List.of("ab"));

        assertThatThrownBy(() -> tokenizer.encode("abc")).hasMessageContaining("'c' is not in the vocabulary \"ab\"");
        assertThatThrownBy(() -> tokenizer.decode(new int[] {2})).hasMessageContaining("BOS is 2");
        assertThatThrownBy(() -> Tokenizer.ofCharacters("aba")).hasMessageContaining("each character once");
    }

    @Test
    void documentsAreStrippedLinesAsPythonStripsThem() throws IOException {
        String text = "  anna \r\n\n\u00a0bob\u00a0\r \t \nemma\u2003\n";

        assertThat(Documents.read(new BufferedReader(new StringReader(text)))).containsExactly("anna", "bob", "emma");
    }

    @Test
    void theShippedNamesAreMakemoresFile() {
        List<String> names = Documents.names();

        assertThat(names).hasSize(32033).startsWith("emma", "olivia", "ava").endsWith("zzyzx");
        assertThat(Tokenizer.of(names).characters()).isEqualTo("abcdefghijklmnopqrstuvwxyz");
    }
}
