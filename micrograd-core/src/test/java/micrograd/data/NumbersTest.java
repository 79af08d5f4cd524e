package micrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void readsNumbersAsPeopleWriteThem() {
        assertThat(Numbers.parse("-2")).isEqualTo(-2.0);
        assertThat(Numbers.parse("+4E2")).isEqualTo(400.0);
        assertThat(Numbers.parse("0.5")).isEqualTo(0.5);
        assertThat(Numbers.parse(".5")).isEqualTo(0.5);
        assertThat(Numbers.parse("3.")).isEqualTo(3.0);
        assertThat(Numbers.parse("1e-3")).isEqualTo(0.001);
        assertThat(Numbers.parse("1e308")).isEqualTo(1e308);
    }

    @Test
    void refusesJavaLiteralsHexAndControlCharacters() {
        for (String text : new String[] {"1d", "2f", "0x1p3", "0x10", "NaN", "Infinity", "-Infinity", "1.0\0", " 1",
                "", "-", ".", "1e", "e5", "1_000", "١"}) {
            assertThatThrownBy(() -> Numbers.parse(text)).as(text).isInstanceOf(NumberFormatException.class)
                    .hasMessageContaining("is not a number");
        }
        assertThatThrownBy(() -> Numbers.parse("1.0\0")).hasMessageContaining("'1.0\\u0000'");
    }

    @Test
    void refusesWhatOverflowsADouble() {
        assertThatThrownBy(() -> Numbers.parse("1e400")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'1e400' is too large");
    }
}
