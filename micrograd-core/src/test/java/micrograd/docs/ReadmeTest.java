package micrograd.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README is a front door: one screen's worth of start, in the order a newcomer needs it. */
class ReadmeTest {

    @Test
    void theReadmeIsShortAndInTheNewcomersOrder() throws IOException {
        String readme = Files.readString(DocPages.ROOT.resolve("README.md"));
        assertThat(readme.lines().count()).as("the README's lines").isLessThanOrEqualTo(200);
        List<String> inOrder = List.of("![the playground", "git clone ", "./micrograd lesson 1", "./micrograd playground",
                "$ ./micrograd demo", "mvn -B verify", "## The lecture, part by part", "Value(2.0, label='a')",
                "draw_dot", "## Documentation");
        int at = 0;
        for (String text : inOrder) {
            int found = readme.indexOf(text, at);
            assertThat(found).as("%s after what comes before it", text).isGreaterThanOrEqualTo(at);
            at = found;
        }
    }

    @Test
    void ciRunsTheTestCommandTheReadmeGivesContributors() throws IOException {
        String contributorsCommand = DocPages.block("**For contributors:**", 0).strip();
        List<String> ciLines = Files.readAllLines(DocPages.ROOT.resolve(".ci/run"));
        assertThat(ciLines.get(ciLines.size() - 1)).isEqualTo(contributorsCommand);
    }
}
