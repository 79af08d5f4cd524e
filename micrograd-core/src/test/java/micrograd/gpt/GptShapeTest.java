package micrograd.gpt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A shape that cannot be built says which sizes it was given, not the zeros of fields not yet set. */
class GptShapeTest {

    @Test
    void aRefusedShapeNamesTheSizesItWasGiven() {
        assertThatThrownBy(() -> new GptShape(27, 0, 16, 4, 16))
                .hasMessageContaining("GptShape(vocab 27, layers 0, embd 16, heads 4, block size 16)");
        assertThatThrownBy(() -> new GptShape(27, 5000, 65536, 4, 16))
                .hasMessageContaining("GptShape(vocab 27, layers 5000, embd 65536, heads 4, block size 16)")
                .hasMessageContaining("2^31 parameters");
    }
}
