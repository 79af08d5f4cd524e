package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The README's JShell block, pasted as written into a real JShell, prints the reference numbers. */
class ReadmeJShellTest {

    @Test
    void readmeSnippetPrintsTheReferenceNumbers() throws IOException {
        String printed = ReadmeSnippets.run(ReadmeSnippets.block("<!-- readme-jshell:", 0));
        assertThat(printed.strip()).isEqualTo("g = 24.7041, a.grad = 138.8338, b.grad = 645.5773");
    }
}
