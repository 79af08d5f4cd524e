package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import micrograd.testsupport.DocPages;
import org.junit.jupiter.api.Test;

/** The JShell block of docs/library.md, pasted as written into a real JShell, prints the reference numbers. */
class LibraryPageJShellTest {

    @Test
    void thePagesSnippetPrintsTheReferenceNumbers() throws IOException {
        String printed = DocPages.runInJShell(DocPages.block("<!-- doc-jshell:", 0));
        assertThat(printed.strip()).isEqualTo("g = 24.7041, a.grad = 138.8338, b.grad = 645.5773");
    }
}
