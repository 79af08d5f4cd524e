package micrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The draws against CPython 3.11's own, recorded by python-random.py into python-random.txt (both in this test's
 * resources): for each seed, in one stream, random(), getrandbits, _randbelow, shuffle, gauss and choices.
 */
class PythonRandomTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 42, 7, 4294967295L})
    void replaysCPythonsDraws(long seed) throws IOException {
        Map<String, String[]> expected = recorded(seed);
        PythonRandom r = new PythonRandom(seed);
        assertThat(IntStream.range(0, 5).mapToObj(i -> r.random()))
                .containsExactly(doubles(expected.get("random")));
        assertThat(IntStream.of(1, 5, 15, 31).map(r::getrandbits).toArray())
                .containsExactly(ints(expected.get("getrandbits")));
        assertThat(IntStream.of(1, 2, 3, 10, 1000, 32033).map(r::randbelow).toArray())
                .containsExactly(ints(expected.get("randbelow")));
        List<Integer> xs = new ArrayList<>(IntStream.range(0, 20).boxed().toList());
        r.shuffle(xs);
        assertThat(xs.stream().mapToInt(Integer::intValue).toArray()).containsExactly(ints(expected.get("shuffle20")));
        assertThat(IntStream.range(0, 5).mapToObj(i -> r.gauss(0, 0.08)))
                .containsExactly(doubles(expected.get("gauss")));
        double[] weights = {0.1, 0.0, 2.5, 1e-3, 0.7};
        assertThat(IntStream.range(0, 10).map(i -> r.choices(weights)).toArray())
                .containsExactly(ints(expected.get("choices")));
    }

    @Test
    void rejectsWhatPythonRejects() {
        PythonRandom r = new PythonRandom(1);
        assertThatThrownBy(() -> r.choices(new double[] {0, 0})).hasMessageContaining("positive finite");
        assertThatThrownBy(() -> r.choices(new double[0])).hasMessageContaining("at least one weight");
        assertThatThrownBy(() -> r.randbelow(0)).hasMessageContaining("n >= 1");
        assertThatThrownBy(() -> new PythonRandom(-1)).hasMessageContaining("2^32");
    }

    /** The lines recorded for {@code seed}, by their first word. */
    private static Map<String, String[]> recorded(long seed) throws IOException {
        String text;
        try (InputStream in = PythonRandomTest.class.getResourceAsStream("python-random.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String[]> lines = new LinkedHashMap<>();
        boolean inSeed = false;
        for (String line : text.split("\n")) {
            String[] words = line.split(" ");
            if (words[0].equals("seed")) {
                inSeed = words[1].equals(Long.toString(seed));
            } else if (inSeed) {
                lines.put(words[0], Arrays.copyOfRange(words, 1, words.length));
            }
        }
        assertThat(lines).as("recorded draws for seed %d", seed).isNotEmpty();
        return lines;
    }

    private static Double[] doubles(String[] words) {
        return Arrays.stream(words).map(Double::valueOf).toArray(Double[]::new);
    }

    private static int[] ints(String[] words) {
        return Arrays.stream(words).mapToInt(Integer::parseInt).toArray();
    }
}
