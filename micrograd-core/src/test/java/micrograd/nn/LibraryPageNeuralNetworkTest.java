package micrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import micrograd.testsupport.DocPages;
import org.junit.jupiter.api.Test;

/** docs/library.md's "Neural networks" example, run in JShell, prints exactly the output the page shows under it. */
class LibraryPageNeuralNetworkTest {

    private static final String MARKER = "<!-- doc-nn:";

    @Test
    void theExamplePrintsWhatThePageShows() throws IOException {
        String printed = DocPages.runInJShell(DocPages.block(MARKER, 0));
        assertThat(printed.strip()).isEqualTo(DocPages.block(MARKER, 1).strip());
    }
}
