package micrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import micrograd.engine.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/** The README's "Neural networks" example, run in JShell, prints exactly the output the README shows under it. */
class ReadmeNeuralNetworkTest {

    private static final String MARKER = "<!-- readme-nn:";

    @Test
    void theExamplePrintsWhatTheReadmeShows() throws IOException {
        String printed = ReadmeSnippets.run(ReadmeSnippets.block(MARKER, 0));
        assertThat(printed.strip()).isEqualTo(ReadmeSnippets.block(MARKER, 1).strip());
    }
}
