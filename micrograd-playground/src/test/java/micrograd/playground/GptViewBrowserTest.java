package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import micrograd.fast.DerivedGpt;
import micrograd.gpt.Documents;
import micrograd.gpt.GptReading;
import micrograd.gpt.Microgpt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The gpt view ({@code #gpt...}) in a real headless Chromium, on both engines: a link's run prints the JVM's lines
 * (every step and the final samples, which are microgpt.py's), the attention it shows for a name is the JVM's, the
 * small graph has the JVM's nodes, a bad key is one error line, and the page is not blank on a desktop or a phone.
 */
class GptViewBrowserTest extends BrowserTest {

    /** Opens the page on {@code engine} at {@code fragment} and waits until the run is done (or refused). */
    private static void openAndWait(Engine engine, String fragment, String... states) {
        browser.get("about:blank");
        browser.get(server.address() + engine.query + fragment);
        List<String> wanted = List.of(states);
        new WebDriverWait(browser, Duration.ofSeconds(300)).until(driver -> {
            String state = driver.findElement(By.id("gpt")).getAttribute("data-state");
            return state != null && wanted.contains(state);
        });
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private static String textContent(String id) {
        return (String) script("return document.getElementById('" + id + "').textContent;");
    }

    /** What {@code micrograd gpt} prints to stdout for this run: the header, the step lines, the samples. */
    private static List<String> jvmLines(long seed, int steps, int samples) {
        Microgpt run = Microgpt.start(Documents.names(), seed, 1, 16, 4, 16);
        DerivedGpt.use(run);
        List<String> lines = new ArrayList<>(List.of("num docs: " + run.documents().size(),
                "vocab size: " + run.tokenizer().vocabSize(), "num params: " + run.model().parameters().size()));
        for (int step = 0; step < steps; step++) {
            lines.add(Microgpt.stepLine(step, steps, run.trainStep(step, steps)));
        }
        lines.add("");
        lines.add("--- inference (new, hallucinated names) ---");
        for (int i = 0; i < samples; i++) {
            lines.add(String.format(Locale.ROOT, "sample %2d: %s", i + 1, run.sample(0.5)));
        }
        return lines;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theDefaultLinkPrintsTheJvmsStepLinesAndSamplesWhileLookingAtSamplesOnTheWay(Engine engine) {
        openAndWait(engine, "#gpt", "done");

        assertThat(textContent("engine")).startsWith("engine: " + engine.name);
        assertThat(textContent("g-error")).isEmpty();
        assertThat(textContent("g-log").split("\n", -1)).containsExactlyElementsOf(jvmLines(42, 1000, 20));
        assertThat(textContent("g-log")).contains("step 1000 / 1000 | loss 2.6497", "sample  1: kamon", "sample 20: anton");
        // looks at step 1 and every 200, 20 names each, from a copy of the stream (the samples above are untouched)
        assertThat(textContent("g-looks").lines()).hasSize(5).first().asString().startsWith("step    1: ");
        System.out.printf(Locale.ROOT, "gpt view on %s: 1000 steps in %s ms (%s ms in the engine), longest frame gap "
                + "%s ms, longest batch %s ms%n", engine.name, attribute("trainMs"), attribute("engineMs"),
                attribute("longestFrameGapMs"), attribute("longestBatchMs"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherSeedAndLengthPrintTheJvmsLinesToo(Engine engine) {
        openAndWait(engine, "#gpt&seed=7&steps=200&every=0", "done");

        assertThat(textContent("g-log").split("\n", -1)).containsExactlyElementsOf(jvmLines(7, 200, 20));
        assertThat(textContent("g-looks")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theAttentionShownForANameIsTheJvms(Engine engine) {
        openAndWait(engine, "#gpt&seed=3&steps=30&every=0&samples=1", "done");

        Microgpt run = Microgpt.start(Documents.names(), 3, 1, 16, 4, 16);
        DerivedGpt.use(run);
        for (int step = 0; step < 30; step++) {
            run.trainStep(step, 30);
        }
        GptReading jvm = run.read("emma");
        assertThat(script("return engine.api.gptRead('emma');")).isEqualTo("");
        for (int head = 0; head < 4; head++) {
            String[] rows = ((String) script("return engine.api.gptReadAttention(0, " + head + ");")).split(";");
            assertThat(rows).hasSize(jvm.positions());
            for (int pos = 0; pos < rows.length; pos++) {
                String[] weights = rows[pos].split(",");
                assertThat(weights).as("position %d attends to positions 0 to %d", pos, pos).hasSize(pos + 1);
                for (int t = 0; t <= pos; t++) {
                    assertThat(Double.parseDouble(weights[t])).as("head %d, position %d to %d", head, pos, t)
                            .isCloseTo(jvm.attention()[0][pos][head][t], within(1e-12));
                }
            }
        }
        String[] losses = ((String) script("return engine.api.gptReadLosses();")).split(",");
        for (int pos = 0; pos < losses.length; pos++) {
            assertThat(Double.parseDouble(losses[pos])).isCloseTo(jvm.losses()[pos], within(1e-12));
        }
        assertThat(browser.findElements(By.cssSelector("#g-attention canvas"))).hasSize(4);
    }

    @Test
    void theSmallGraphHasGraphJsonsNodesAndIsDrawnAndStepped() {
        openAndWait(Engine.WEBASSEMBLY_GC, "#gpt&steps=5&every=0&paused", "ready");
        browser.findElement(By.id("g-name")).clear();
        browser.findElement(By.id("g-name")).sendKeys("ava");
        browser.findElement(By.id("g-graph-build")).click();
        new WebDriverWait(browser, Duration.ofSeconds(300)).until(driver ->
                driver.findElement(By.id("gpt")).getAttribute("data-graph-renders") != null);

        GptView jvm = new GptView(GptSettings.parse("steps=5&every=0"), Documents.names());
        int jvmNodes = jvm.smallGraph("ava").json().split("\"id\":").length - 1;
        assertThat(browser.findElement(By.id("gpt")).getAttribute("data-graph-nodes")).isEqualTo(String.valueOf(jvmNodes));
        assertThat(textContent("g-graph-note")).contains("is " + jvmNodes + " nodes");
        assertThat(textContent("g-graph-size")).startsWith("The run's model, on all of \u201cava\u201d: ")
                .contains(jvm.graphSize("ava").lines().findFirst().orElseThrow() + " nodes", "multiplication: ");
        assertThat(browser.findElements(By.cssSelector("#g-graph svg g.node"))).hasSizeGreaterThan(jvmNodes / 2);
        int jvmSteps = jvm.smallGraph().steps().count();
        assertThat(textContent("g-graph-position")).isEqualTo("step " + jvmSteps + " of " + jvmSteps);
        browser.findElement(By.id("g-graph-reset")).click();
        browser.findElement(By.id("g-graph-step")).click();
        assertThat(textContent("g-graph-position")).isEqualTo("step 1 of " + jvmSteps);
        String firstRule = String.join("\n", jvm.smallGraph().steps().lines(1));
        awaitPage(driver -> textContent("g-graph-rule").equals(firstRule));
    }

    @Test
    void eachBadLinkKeyIsOneErrorLine() {
        for (String keys : List.of("seed=-1", "steps=0", "steps=10001", "temperature=0", "samples=51", "embd=65",
                "heads=3", "layers=5", "block=33", "every=x", "colour=red", "seed")) {
            openAndWait(Engine.WEBASSEMBLY_GC, "#gpt&" + keys, "error");
            String expected = refusal(keys);
            assertThat(textContent("g-error")).as("the error line of %s", keys).isEqualTo(expected).doesNotContain("\n");
            assertThat(textContent("g-log")).as("the defaults stand, paused").startsWith("num docs: 32033");
        }
    }

    private static String refusal(String keys) {
        try {
            GptSettings.parse(keys);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError(keys + " was accepted");
    }

    @Test
    void screenshotsOnADesktopAndAPhoneAreNotBlank() throws Exception {
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
            openAndWait(Engine.WEBASSEMBLY_GC, "#gpt&steps=300", "done");
            browser.manage().window().setSize(size);
            script("document.getElementById('g-controls').scrollIntoView();");
            // the controls, the curve and the log: on a phone mostly the curve's light lines
            byte[] png = screenshotNotBlank("the gpt view at " + size, 1000);
            Files.write(Path.of("target", "playground-gpt-" + size.getWidth() + ".png"), png);
            browser.findElement(By.cssSelector("#g-read button")).click(); // emma's tokens, attention and bars
            script("document.getElementById('g-read').scrollIntoView();");
            // the panel is mostly colour (heatmaps, bars), not text: each head's map is drawn with many colours
            long colours = ((Number) script("const c = document.querySelector('#g-attention canvas');"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const s = new Set();"
                    + "for (let i = 0; i < d.length; i += 4) { s.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]); }"
                    + "return s.size;")).longValue();
            assertThat(colours).as("colours of the first head's heatmap at %s", size).isGreaterThan(5);
            Files.write(Path.of("target", "playground-gpt-inside-" + size.getWidth() + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
        }
        assertNothingFromAnotherHost();
    }

    private static String attribute(String name) {
        return browser.findElement(By.id("gpt")).getAttribute("data-" + name.replaceAll("([A-Z])", "-$1")
                .toLowerCase(Locale.ROOT));
    }
}
