package micrograd.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import micrograd.engine.Value;
import micrograd.expr.ExpressionParser;
import micrograd.testsupport.DocPages;
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

    /**
     * Each playground link of the lecture map reads as the page reads it (URLSearchParams: '+' is a space, %2B a
     * plus): {@code #train}, {@code #demo} and {@code #gpt} alone, a lecture example (whose ids the playground's
     * LectureExampleTest checks), or an expression the engine parses with a value for each variable.
     */
    @Test
    void everyPlaygroundLinkOfTheLectureMapIsAnExpressionWithItsVariables() throws IOException {
        String readme = Files.readString(DocPages.ROOT.resolve("README.md"));
        Matcher link = Pattern.compile("`#([^`]+)`").matcher(readme);
        int expressions = 0;
        while (link.find()) {
            String fragment = link.group(1);
            if (List.of("train", "demo", "gpt").contains(fragment) || fragment.matches("(quiz&)?lecture=.*")) {
                continue;
            }
            Map<String, String> keys = new LinkedHashMap<>();
            for (String pair : fragment.split("&")) {
                String[] keyValue = pair.split("=", 2);
                keys.put(keyValue[0], URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8));
            }
            Map<String, Value> variables = new LinkedHashMap<>();
            keys.forEach((name, value) -> {
                if (!name.equals("expr")) {
                    variables.put(name, Value.of(Double.parseDouble(value), name));
                }
            });
            Value out = ExpressionParser.parse(keys.get("expr"), variables);
            assertThat(out.data()).as(fragment).isFinite();
            expressions++;
        }
        assertThat(expressions).isGreaterThanOrEqualTo(1);
    }

    @Test
    void ciRunsTheTestCommandTheReadmeGivesContributors() throws IOException {
        String contributorsCommand = DocPages.block("**For contributors:**", 0).strip();
        List<String> ciLines = Files.readAllLines(DocPages.ROOT.resolve(".ci/run"));
        assertThat(ciLines.get(ciLines.size() - 1)).isEqualTo(contributorsCommand);
    }
}
