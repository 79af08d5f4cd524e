package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's, through its chromedriver), served by {@link SiteServer}: the
 * numbers it shows on each engine (WebAssembly GC, and the JavaScript fallback) against the same calculation on the
 * JVM, the nudge, the demo's lines and speed, the backward stepper's order, a thrown error's line, the page opened
 * from disk, screenshots, and that it asks no other host for anything.
 */
class PlaygroundBrowserTest extends BrowserTest {

    /** micrograd's README expression written as one expression of the grad language (its c and d spelled out). */
    static final String README_EXPRESSION;

    static {
        String c = "(((a + b) + (a + b) + 1) + 1 + ((a + b) + (a + b) + 1) + (-a))";
        String d1 = "(a * b + b**3)";
        String d2 = "(" + d1 + " + " + d1 + " * 2 + relu(b + a))";
        String d = "(" + d2 + " + 3 * " + d2 + " + relu(b - a))";
        String f = "((" + c + " - " + d + ")**2)";
        README_EXPRESSION = f + " / 2.0 + 10.0 / " + f;
    }

    /** Runs of the demo before those timed, so that the JIT (the JVM's, the browser's) has compiled the step. */
    private static final int WARM_UP_RUNS = 3;
    /** Runs of the demo timed, of which the median is printed. */
    private static final int TIMED_RUNS = 5;

    /**
     * Opens the page on {@code engine} at {@code #expr=...&name=value...} (an older link's form, still read), waits
     * until it has drawn, checks that it runs on that engine, and steps to the end of backward() (the page opens
     * before it), where the report holds the final grads.
     */
    private static void open(Engine engine, String expression, String assignments) {
        openPage(server.address() + engine.query + fragment(expression, assignments));
        assertThat(browser.findElement(By.id("engine")).getText()).startsWith("engine: " + engine.name);
        toTheEnd();
    }

    private static void toTheEnd() {
        browser.findElement(By.id("end")).click();
        waitUntilSettled();
    }

    private static void openPage(String address) {
        browser.get("about:blank");
        browser.get(address);
        waitUntilSettled();
    }

    private static String fragment(String expression, String assignments) {
        StringBuilder fragment = new StringBuilder("#expr=").append(encode(expression));
        for (String assignment : assignments.split(" ")) {
            int at = assignment.indexOf('=');
            fragment.append('&').append(assignment, 0, at + 1).append(encode(assignment.substring(at + 1)));
        }
        return fragment.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void waitUntilSettled() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            String state = driver.findElement(By.tagName("body")).getAttribute("data-state");
            return "ready".equals(state) || "error".equals(state);
        });
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
    }

    private static String reportOnPage() {
        return browser.findElement(By.id("report")).getText().strip();
    }

    /** a + a + ... + a, {@code terms} times: one value feeding every operation, Graphviz's hardest layout. */
    private static String sumOfTheSameValue(int terms) {
        return String.join("+", Collections.nCopies(terms, "a"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGraphTooLargeToDrawSaysWhyInOneLineAndTheTableAndStepperKeepEveryValue(Engine engine) {
        openPage(server.address() + engine.query + fragment(sumOfTheSameValue(300), "a=1"));
        assertThat(text("graph")).contains("this graph has 300 values", "draws up to " + DrawnGraphs.NODE_LIMIT);
        assertThat(browser.findElements(By.cssSelector("#nodes tbody tr"))).hasSize(300);
        assertThat(text("position")).isEqualTo("step 0 of 299");
        browser.findElement(By.id("step")).click();
        assertThat(text("position")).isEqualTo("step 1 of 299");

        // under the limit, but beyond what Graphviz's memory lays out: one line that says so, not Emscripten's page
        browser.get("about:blank");
        browser.get(server.address() + engine.query + fragment(sumOfTheSameValue(200), "a=1"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(
                driver -> "error".equals(driver.findElement(By.tagName("body")).getAttribute("data-state")));
        assertThat(text("error"))
                .startsWith("cannot draw the graph: Graphviz ran out of memory laying out its 200 values")
                .doesNotContain("compile with").doesNotContain("\n");
        assertThat(text("graph")).contains("no drawing");

        // and Graphviz starts anew for the next program
        browser.findElement(By.id("expr")).clear();
        browser.findElement(By.id("expr")).sendKeys("a*b");
        browser.findElement(By.id("vars")).clear();
        browser.findElement(By.id("vars")).sendKeys("a=2 b=3");
        browser.findElement(By.id("evaluate")).click();
        waitUntilSettled();
        assertThat(browser.findElements(By.cssSelector("#graph svg"))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theReadmeExpressionShowsTheJvmsNumbers(Engine engine) {
        open(engine, README_EXPRESSION, "a=-4 b=2");
        String expected = new Calculation(README_EXPRESSION, "a=-4 b=2").report().strip();
        assertThat(reportOnPage()).isEqualTo(expected);
        List<String> lines = reportOnPage().lines().toList();
        assertThat(Double.parseDouble(lines.get(0).substring("value = ".length()))).isCloseTo(24.7041, within(5e-5));
        assertThat(Double.parseDouble(lines.get(1).substring("d/da = ".length()))).isCloseTo(138.8338, within(5e-5));
        assertThat(Double.parseDouble(lines.get(2).substring("d/db = ".length()))).isCloseTo(645.5773, within(5e-5));
    }

    /**
     * The page's table of nodes is read from the graph's JSON, which the page also offers as a file: that file is the
     * JVM's {@code GraphJson} text to the character, and every row shows its node's numbers.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theNodeTableAndTheJsonFileAreTheJvmsGraphJson(Engine engine) throws Exception {
        String assignments = "a=-4 b=2";
        open(engine, README_EXPRESSION, assignments);
        String json = new Calculation(README_EXPRESSION, assignments).json();
        String href = browser.findElement(By.id("json-download")).getAttribute("href");
        assertThat(href).startsWith("blob:");
        Object file = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then((r) => r.text()).then(done);",
                href);
        assertThat(file).isEqualTo(json);
        browser.findElement(By.cssSelector("#nodes-panel summary")).click();
        JsonNode nodes = new ObjectMapper().readTree(json).get("nodes");
        List<WebElement> rows = browser.findElements(By.cssSelector("#nodes tbody tr"));
        assertThat(rows).hasSize(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            List<WebElement> tds = rows.get(i).findElements(By.tagName("td"));
            List<String> cells = tds.stream().map(WebElement::getText).toList();
            String operation = node.get("op").asText().equals("leaf") ? ""
                    : node.get("op").asText() + " (" + node.get("symbol").asText() + ")";
            List<String> children = new ArrayList<>();
            node.get("children").forEach(child -> children.add(child.asText()));
            assertThat(cells.subList(0, 3)).as("node %d", i)
                    .containsExactly(node.get("id").asText(), node.get("label").asText(), operation);
            // shown to 4 significant digits, the full double in the cell's title (hover) and on a tap
            for (int column : new int[] {3, 4}) {
                double full = node.get(column == 3 ? "data" : "grad").asDouble();
                String what = (column == 3 ? "data" : "grad") + " of node " + i;
                assertThat(Double.parseDouble(tds.get(column).getAttribute("title"))).as(what).isEqualTo(full);
                assertThat(Double.parseDouble(cells.get(column))).as(what).isCloseTo(full, within(5e-4 * Math.abs(full)));
                assertThat(cells.get(column).replaceAll("[^0-9]", "").replaceFirst("^0+", "").length()).as(what)
                        .isLessThanOrEqualTo(4);
            }
            assertThat(cells.get(5)).as("operands of node %d", i).isEqualTo(String.join(", ", children));
        }
    }

    /**
     * Arithmetic and ReLU are exact in IEEE 754, so the page's numbers must be the JVM's to the last digit; exp, log,
     * tanh and sigmoid call JavaScript's Math, which may round the last bit differently from Java's, so there the
     * numbers must agree to 1e-12 relative.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void randomExpressionsShowTheJvmsNumbers(Engine engine) {
        Random random = new Random(15);
        for (int round = 0; round < 8; round++) {
            boolean exact = round % 2 == 0;
            String expression = randomExpression(random, exact);
            String assignments = String.format(Locale.ROOT, "a=%.4f b=%.4f c=%.4f", random.nextDouble() * 4 - 2,
                    random.nextDouble() * 4 - 2, random.nextDouble() * 4 - 2);
            open(engine, expression, assignments);
            String expected = new Calculation(expression, assignments).report().strip();
            if (exact) {
                assertThat(reportOnPage()).as(expression + " at " + assignments).isEqualTo(expected);
            } else {
                List<String> shown = reportOnPage().lines().toList();
                List<String> jvm = expected.lines().toList();
                assertThat(shown).hasSameSizeAs(jvm);
                for (int i = 0; i < jvm.size(); i++) {
                    String name = jvm.get(i).substring(0, jvm.get(i).indexOf('=') + 2);
                    assertThat(shown.get(i)).as(expression + " at " + assignments).startsWith(name);
                    double want = Double.parseDouble(jvm.get(i).substring(name.length()));
                    double got = Double.parseDouble(shown.get(i).substring(name.length()));
                    assertThat(got).as(jvm.get(i)).isCloseTo(want, within(1e-12 * Math.max(1, Math.abs(want))));
                }
            }
        }
    }

    /** Four operations on a, b, c and constants; with {@code exact}, only those IEEE 754 rounds exactly. */
    private static String randomExpression(Random random, boolean exact) {
        String[] operators = {" + ", " - ", " * ", " / "};
        String[] functions = exact ? new String[] {"relu"} : new String[] {"tanh", "exp", "sigmoid", "log"};
        String expression = "a";
        for (int term = 0; term < 4; term++) {
            String operand = switch (random.nextInt(4)) {
                case 0 -> "b";
                case 1 -> "c**2";
                case 2 -> functions[random.nextInt(functions.length)] + "(a * b + c)";
                default -> String.format(Locale.ROOT, "%.3f", random.nextDouble() * 4 - 2);
            };
            expression = "(" + expression + operators[random.nextInt(operators.length)] + operand + ")";
        }
        return expression;
    }

    /** Each step passes on the grad of a node an operation made, in reverse topological order; leaves are no steps. */
    @Test
    void theStepperVisitsTheOperationsInReverseTopologicalOrder() {
        String expression = "tanh(x1*w1 + x2*w2 + b)";
        String assignments = "x1=2 x2=0 w1=-3 w2=1 b=6.8813735870195432";
        open(Engine.WEBASSEMBLY_GC, expression, assignments);
        Calculation jvm = new Calculation(expression, assignments);
        List<Value> order = jvm.result().topologicalOrder();
        browser.findElement(By.id("reset")).click();
        waitUntilSettled();
        List<String> visited = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Value node = order.get(i);
            if (node.children().isEmpty()) {
                continue;
            }
            browser.findElement(By.id("step")).click();
            waitUntilSettled();
            visited.add(passingValue());
            expected.add(String.format(Locale.ROOT, "v%d: %s", i, node.label()));
        }
        assertThat(visited).isEqualTo(expected).hasSize(5); // 2 products, 2 sums, tanh
        assertThat(browser.findElement(By.id("position")).getText()).isEqualTo("step 5 of 5");
    }

    /** The value node of the drawing that passes its grad on: {@code v8: out}, its title and label. */
    private static String passingValue() {
        List<WebElement> record = browser.findElements(By.cssSelector("#graph g.node.passing")).stream()
                .filter(node -> !node.findElement(By.tagName("title")).getAttribute("textContent").endsWith("op"))
                .toList();
        assertThat(record).hasSize(1);
        String title = record.get(0).findElement(By.tagName("title")).getAttribute("textContent");
        List<String> texts = record.get(0).findElements(By.tagName("text")).stream()
                .map(text -> text.getAttribute("textContent").strip()).filter(text -> !text.isEmpty()).toList();
        return title + ": " + texts.get(0);
    }

    @Test
    void theRuleOfAProductShowsItsNumbersInTheGraphsNames() {
        open(Engine.WEBASSEMBLY_GC, "(a*b + c) * f", "a=2 b=-3 c=10 f=-2");
        browser.findElement(By.id("reset")).click();
        waitUntilSettled();
        browser.findElement(By.id("step")).click();
        waitUntilSettled();
        assertThat(browser.findElement(By.id("rule")).getText()).contains(
                "(a*b + c).grad += f.data × out.grad = (-2.0) × 1.0 = -2.0",
                "f.grad += (a*b + c).data × out.grad = 4.0 × 1.0 = 4.0");
    }

    /**
     * The nudge shows what the engine computes on the JVM for the same expression, variable and h: the output moved,
     * the measured slope and the gradient's prediction. h is typed in its field, or set by the slider (a power of ten).
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theNudgeShowsTheJvmsNumbers(Engine engine) {
        open(engine, README_EXPRESSION, "a=-4 b=2");
        new Select(browser.findElement(By.id("nudge-variable"))).selectByValue("b");
        WebElement h = browser.findElement(By.id("nudge-h"));
        h.clear();
        h.sendKeys("0.0001");
        Calculation jvm = new Calculation(README_EXPRESSION, "a=-4 b=2");
        awaitNudge(jvm.nudge("b", 0.0001).report().strip());

        open(engine, "(a*b + c) * f", "a=2 b=-3 c=10 f=-2");
        ((JavascriptExecutor) browser).executeScript("const slider = document.getElementById('nudge-slider');"
                + "slider.value = '-2'; slider.dispatchEvent(new Event('input'));");
        assertThat(browser.findElement(By.id("nudge-h")).getAttribute("value")).isEqualTo("0.01");
        awaitNudge(new Calculation("(a*b + c) * f", "a=2 b=-3 c=10 f=-2").nudge("a", 0.01).report().strip());
    }

    /** Waits for the nudge's report to read {@code expected}: the engine answers in its worker, after the input. */
    private static void awaitNudge(String expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> nudgeOnPage().equals(expected));
        } catch (TimeoutException e) {
            assertThat(nudgeOnPage()).isEqualTo(expected); // says what the page shows instead
        }
    }

    private static String nudgeOnPage() {
        return browser.findElement(By.id("nudge-report")).getText().strip();
    }

    /** A Java exception thrown by an exported call, here a demo step after the last, shows as the page's error line. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void anExceptionFromTheEngineShowsItsLine(Engine engine) {
        openPage(server.address() + engine.query + "#demo");
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(
                driver -> "done".equals(driver.findElement(By.id("demo")).getAttribute("data-state")));
        DemoRun jvm = new DemoRun();
        jvm.run();
        String message = catchThrowableOfType(jvm::step, IllegalStateException.class).getMessage();
        ((JavascriptExecutor) browser).executeScript("setTimeout(() => engine.api.demoStep());");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                driver -> "error".equals(driver.findElement(By.tagName("body")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("the engine failed: " + message);
    }

    /**
     * The engine runs in a Web Worker: the page's own scripts never load it, and while the engine works (micrograd's
     * demo recorded on its tape and 20 steps, tens of milliseconds) the page's own next task runs first. On the page's
     * thread, as from disk, the engine's answer would come first.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theEngineWorksInAWorkerWhileThePageGoesOn(Engine engine) {
        openPage(server.address() + engine.query + fragment("a*b", "a=2 b=3"));
        assertThat(browser.findElement(By.id("engine")).getText()).isEqualTo("engine: " + engine.name
                + (engine == Engine.JAVASCRIPT ? " (asked for by ?engine=js)" : ""));
        String loadedHere = "return typeof TeaVM + ' ' + document.querySelectorAll('script[src^=micrograd]').length;";
        assertThat(script(loadedHere)).isEqualTo("undefined 0");
        assertThat(whatAnswersFirst()).isEqualTo(List.of("the page", "the engine"));
    }

    /**
     * A worker that fails outside any call (an error nothing caught): the call under way and every later one fail at
     * once with one line, and the page shows it; none waits for an answer. The test keeps the page's workers in
     * {@code engineWorkers} and fires the error on the engine's, as the browser would.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedWorkerFailsEveryCallInOneLineInsteadOfLeavingThemWaiting(Engine engine) {
        Map<String, Object> keeper = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.engineWorkers = []; const PageWorker = Worker;"
                + "window.Worker = class extends PageWorker {"
                + "  constructor(...args) { super(...args); engineWorkers.push(this); } };"));
        try {
            openPage(server.address() + engine.query + fragment("a*b", "a=2 b=3"));
            String line = "its worker stopped (Uncaught RangeError: out of memory); reload the page";
            Object outcomes = script("const outcome = (call) => call.then(() => 'answered', (error) => error.message);"
                    + "const underWay = outcome(engine.batch([['startDemo'], ['demoStep']]));"
                    + "engineWorkers[0].dispatchEvent(new ErrorEvent('error',"
                    + "  {message: 'Uncaught RangeError: out of memory'}));"
                    + "return Promise.all([underWay, outcome(engine.api.demoStep())]);");
            assertThat(outcomes).isEqualTo(List.of(line, line));

            browser.findElement(By.id("evaluate")).click();
            awaitPage(driver -> !text("error").isEmpty());
            assertThat(text("error")).isEqualTo("the engine failed: " + line);
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", keeper.get("identifier")));
        }
    }

    /** Which comes first: the page's next task, or the engine's answer to a call that takes tens of milliseconds. */
    private static Object whatAnswersFirst() {
        return script("const order = [];"
                + "const calls = [['startDemo'], ...Array.from({length: 20}, () => ['demoStep'])];"
                + "const answer = engine.batch(calls).then(() => order.push('the engine'));"
                + "const page = new Promise((resolve) => setTimeout(resolve, 0)).then(() => order.push('the page'));"
                + "return Promise.all([answer, page]).then(() => order);");
    }

    /**
     * Opened from disk (file://), the page cannot fetch micrograd.wasm, so it runs the JavaScript build, says so, and
     * shows the JVM's numbers.
     */
    @Test
    void fromDiskThePageRunsTheJavaScriptEngine() {
        URL page = SiteServer.class.getClassLoader().getResource(SiteServer.RESOURCE_FOLDER + "index.html");
        assertThat(page).isNotNull();
        assertThat(page.getProtocol()).as("the built site's folder").isEqualTo("file");
        openPage(page + fragment(README_EXPRESSION, "a=-4 b=2"));
        assertThat(browser.findElement(By.id("engine")).getText()).startsWith("engine: JavaScript (opened from disk, "
                + "where the browser refuses a worker: on the page's thread)");
        toTheEnd();
        assertThat(reportOnPage()).isEqualTo(new Calculation(README_EXPRESSION, "a=-4 b=2").report().strip());
        assertThat(whatAnswersFirst()).isEqualTo(List.of("the engine", "the page"));
    }

    /**
     * {@code #demo} trains micrograd's demo in the page, on each engine. The training uses only +, * and ReLU, which
     * IEEE 754 rounds the same everywhere, but the moons are drawn with cos, sin and log (the noise), which the
     * browser's Math may round differently in the last bit; so every line must be the JVM's line with the same step
     * and accuracy and a loss within 1e-12 relative, and the last line must be the notebook's, to the digit.
     *
     * <p>It also prints, for the docs, the time of a training step on each engine against the JVM's (the same tape) in
     * this same run (each the median of {@value #TIMED_RUNS} runs of the demo after {@value #WARM_UP_RUNS} to warm
     * up; issue 15's target is a page step within 3 times the JVM's), and how long the page was kept busy while the
     * demo trained (the engine's longest batch of steps in its worker, the longest gap between two animation frames
     * of the page). Timing on a shared machine varies too much to fail the build on it.
     */
    @Test
    void theDemoShowsTheJvmsLinesOnBothEnginesAndItsSpeedIsPrinted() {
        DemoRun jvm = new DemoRun();
        jvm.run();
        List<String> expected = jvm.lines();
        List<Double> jvmMillis = new ArrayList<>();
        for (int run = 0; run < WARM_UP_RUNS + TIMED_RUNS; run++) {
            DemoRun again = new DemoRun();
            again.run();
            assertThat(again.lines()).isEqualTo(expected);
            if (run >= WARM_UP_RUNS) {
                jvmMillis.add(again.millisPerStep());
            }
        }
        double jvmMedian = median(jvmMillis);
        System.out.printf(Locale.ROOT, "demo step on the JVM (tape): median %.3f ms of %s%n", jvmMedian,
                rounded(jvmMillis));
        for (Engine engine : Engine.values()) {
            openPage(server.address() + engine.query + "#demo");
            List<Double> pageMillis = new ArrayList<>();
            List<Double> longestBatches = new ArrayList<>();
            List<Double> longestFrameGaps = new ArrayList<>();
            for (int run = 0; run < WARM_UP_RUNS + TIMED_RUNS; run++) {
                if (run > 0) {
                    ((JavascriptExecutor) browser).executeScript("runDemo();");
                }
                new WebDriverWait(browser, Duration.ofSeconds(120)).until(
                        driver -> "done".equals(driver.findElement(By.id("demo")).getAttribute("data-state")));
                assertThat(demoLogOnPage()).as(engine.name).hasSize(expected.size())
                        .startsWith(expected.get(0), expected.get(1));
                if (run >= WARM_UP_RUNS) {
                    pageMillis.add(demoNumber("data-ms-per-step"));
                    longestBatches.add(demoNumber("data-longest-batch-ms"));
                    longestFrameGaps.add(demoNumber("data-longest-frame-gap-ms"));
                }
            }
            List<String> shown = demoLogOnPage();
            for (int i = 2; i < expected.size(); i++) {
                assertThat(withoutLoss(shown.get(i))).isEqualTo(withoutLoss(expected.get(i)));
                double want = lossOf(expected.get(i));
                assertThat(lossOf(shown.get(i))).as(shown.get(i)).isCloseTo(want, within(1e-12 * want));
            }
            assertThat(shown.get(shown.size() - 1)).isEqualTo("step 99 loss 0.010978370135492717, accuracy 100.0%");
            assertThat(browser.findElement(By.id("demo-status")).getText()).contains("(" + engine.name + ")");
            double pageMedian = median(pageMillis);
            System.out.printf(Locale.ROOT, "demo step in the page (%s): median %.3f ms of %s, %.2fx the JVM's; page "
                    + "busy at most: longest batch in the engine %s ms, longest gap between frames %s ms%n", engine.name,
                    pageMedian, rounded(pageMillis), pageMedian / jvmMedian, rounded(longestBatches),
                    rounded(longestFrameGaps));
            assertThat(pageMedian).as("ms per step in the page").isPositive();
        }
    }

    private static List<String> demoLogOnPage() {
        return browser.findElement(By.id("demo-log")).getAttribute("textContent").lines().toList();
    }

    private static double demoNumber(String attribute) {
        return Double.parseDouble(browser.findElement(By.id("demo")).getAttribute(attribute));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList();
    }

    /** "step 7 loss 0.25, accuracy 91.0%" without its loss: "step 7, accuracy 91.0%". */
    private static String withoutLoss(String stepLine) {
        return stepLine.replaceFirst(" loss [^,]*", "");
    }

    private static double lossOf(String stepLine) {
        return Double.parseDouble(stepLine.replaceFirst(".* loss ([^,]*),.*", "$1"));
    }

    @Test
    void screenshotsAt1280x800AndOnAPhoneAreNotBlankAndNothingCameFromAnotherHost() throws Exception {
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            open(Engine.WEBASSEMBLY_GC, "(a*b + c) * f", "a=2 b=-3 c=10 f=-2");
            screenshotNotBlank("the calculator at " + size);
        }
        assertNothingFromAnotherHost();
    }
}
