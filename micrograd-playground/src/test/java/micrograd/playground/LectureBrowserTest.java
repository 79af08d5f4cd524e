package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import micrograd.graph.BackwardSteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page teaches the lecture, on both engines: programs with named nodes, the stepper in the graph's names (every
 * line of the L example, in order, with its highlighted nodes: the lines {@code micrograd grad --steps} prints), the
 * neuron's labels and grads, {@code a + a}, the manual-backprop exercise, every entry of the lecture menu, and a bad
 * program's one error line.
 */
class LectureBrowserTest extends BrowserTest {

    private static void openPage(Engine engine, String fragment) {
        browser.get("about:blank");
        browser.get(server.address() + engine.query + fragment);
        settle();
        assertThat(shown("engine")).startsWith("engine: " + engine.name);
    }

    private static void settle() {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            String state = driver.findElement(By.tagName("body")).getAttribute("data-state");
            return "ready".equals(state) || "error".equals(state);
        });
    }

    private static void click(String id) {
        browser.findElement(By.id(id)).click();
        settle();
    }

    private static String shown(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The titles of the drawn graph's nodes with this class ({@code v3}, {@code v3op}). */
    private static Set<String> highlighted(String cssClass) {
        return browser.findElements(By.cssSelector("#graph g.node." + cssClass)).stream()
                .map(node -> node.findElement(By.tagName("title")).getAttribute("textContent"))
                .collect(Collectors.toSet());
    }

    /** The page's report against the JVM's: the same names, numbers within 1e-12 relative (JavaScript's Math). */
    private static void assertReportIs(String expected) {
        List<String> shown = shown("report").lines().toList();
        List<String> jvm = expected.strip().lines().toList();
        assertThat(shown).hasSameSizeAs(jvm);
        for (int i = 0; i < jvm.size(); i++) {
            String name = jvm.get(i).substring(0, jvm.get(i).indexOf('=') + 2);
            assertThat(shown.get(i)).startsWith(name);
            double want = Double.parseDouble(jvm.get(i).substring(name.length()));
            assertThat(Double.parseDouble(shown.get(i).substring(name.length()))).as(jvm.get(i))
                    .isCloseTo(want, within(1e-12 * Math.max(1, Math.abs(want))));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theLExampleStepsInTheLecturesWordsWithItsNodesHighlighted(Engine engine) {
        openPage(engine, "#prog=" + encode(LectureExample.L_GRAPH.program));
        BackwardSteps jvm = new Calculation(LectureExample.L_GRAPH.program, "").steps();
        List<String> summary = jvm.summary();
        assertThat(shown("position")).as("the page opens before backward()").isEqualTo("step 0 of 3");
        for (int k = 0; k <= jvm.count(); k++) {
            if (k > 0) {
                click("step");
            }
            assertThat(shown("position")).isEqualTo("step " + k + " of " + jvm.count());
            String lines = "step " + k + ": " + String.join("; ", shown("rule").lines().toList());
            assertThat(lines).isEqualTo(summary.get(k));
            Set<String> receiving = (k == 0 ? List.of(jvm.rootId()) : jvm.step(k).receivers()).stream()
                    .map(id -> "v" + id).collect(Collectors.toSet());
            assertThat(highlighted("receiving")).as("step %d", k).isEqualTo(receiving);
            assertThat(highlighted("passing")).as("step %d", k).isEqualTo(k == 0 ? Set.of()
                    : Set.of("v" + jvm.step(k).node(), "v" + jvm.step(k).node() + "op"));
        }
        assertThat(summary.get(1)).isEqualTo("step 1: d.grad += f.data × L.grad = (-2.0) × 1.0 = -2.0; "
                + "f.grad += d.data × L.grad = 4.0 × 1.0 = 4.0");
        assertThat(shown("report")).contains("d/da = 6.0", "d/db = -4.0", "d/dL = 1.0");
        click("back");
        assertThat(shown("report")).as("the grads as they stand at step 2").contains("d/da = 0.0", "d/de = -2.0");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theNeuronIsLabelledAsTheLectureDrawsItAndHasTheJvmsGrads(Engine engine) {
        openPage(engine, "#lecture=neuron");
        List<String> labels = browser.findElements(By.cssSelector("#nodes tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(1).getAttribute("textContent")).toList();
        assertThat(labels).containsExactly("x1", "w1", "x1*w1", "x2", "w2", "x2*w2", "x1*w1 + x2*w2", "b", "n", "o");
        String svg = browser.findElement(By.id("graph")).getAttribute("innerHTML");
        assertThat(svg).contains(">x1*w1<", ">n<", ">o<");
        click("end");
        assertReportIs(new Calculation(LectureExample.NEURON.program, "").report());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aNodeUsedTwiceShowsBothContributionsAndGrad2(Engine engine) {
        openPage(engine, "#prog=" + encode("a = 3.0; b = a + a"));
        click("step");
        assertThat(shown("rule").lines()).containsExactly("a.grad += b.grad = 1.0",
                "a.grad += b.grad = 1.0, so a.grad = 2.0");
        assertThat(shown("report")).contains("d/da = 2.0");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theExerciseAcceptsTheRightGradsRejectsAWrongOneAndShowsTheProduct(Engine engine) {
        openPage(engine, "#quiz&lecture=L");
        assertThat(browser.findElement(By.id("quiz")).isDisplayed()).isTrue();
        assertThat(shown("quiz-question")).isEqualTo("What is f.grad? (1 of 6)");
        assertThat(browser.findElement(By.id("graph")).getAttribute("innerHTML")).contains("grad ?")
                .doesNotContain("grad 6.0000");
        answer("4");
        assertThat(shown("quiz-result")).isEqualTo("right: f.grad = 4.0");
        answer("2");
        assertThat(shown("quiz-result")).isEqualTo("wrong: d.grad is not 2");
        click("quiz-show-product");
        assertThat(shown("quiz-product")).isEqualTo("d.grad += f.data × L.grad = (-2.0) × 1.0 = -2.0");
        answer("3");
        assertThat(shown("quiz-result")).as("after two misses, the product").endsWith("d.grad += f.data × L.grad = "
                + "(-2.0) × 1.0 = -2.0");
        for (String grad : new String[] {"-2", "-2", "-2", "-4", "6"}) { // d, c, e, b, a
            answer(grad);
            assertThat(shown("quiz-result")).startsWith("right");
        }
        assertThat(shown("quiz-question")).isEqualTo("done: every grad found, with 2 misses");
        assertThat(shown("quiz-score")).isEqualTo("found 6 of 6, 2 misses");
        assertThat(shown("quiz")).contains("within 0.1% of the engine's grad");
    }

    private static void answer(String grad) {
        WebElement field = browser.findElement(By.id("quiz-answer"));
        field.clear();
        field.sendKeys(grad);
        click("quiz-check");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyLectureMenuEntryShowsItsNumbers(Engine engine) {
        openPage(engine, "#");
        for (LectureExample example : LectureExample.values()) {
            new Select(browser.findElement(By.id("lecture"))).selectByValue(example.id);
            settle();
            assertThat(browser.findElement(By.id("expr")).getAttribute("value")).isEqualTo(example.program);
            Calculation jvm = new Calculation(example.program, "");
            click("end");
            assertReportIs(jvm.report());
            assertThat(new Select(browser.findElement(By.id("nudge-variable"))).getFirstSelectedOption().getText())
                    .isEqualTo(example.nudged);
            List<String> nudge = shown("nudge-report").lines().toList();
            List<String> jvmNudge = jvm.nudge(example.nudged, example.h).report().strip().lines().toList();
            assertThat(nudge).hasSameSizeAs(jvmNudge);
            assertThat(nudge.get(3)).startsWith(jvmNudge.get(3).substring(0, jvmNudge.get(3).indexOf('=')));
        }
        new Select(browser.findElement(By.id("lecture"))).selectByValue(LectureExample.DERIVATIVE.id);
        settle();
        assertThat(shown("nudge-report")).contains("measured slope (f(x + h) - f) / h = 14.00000", "gradient "
                + "df/dx = 14.0");
    }

    /**
     * The stepper (at step 1 of the L example) and the exercise (after one right and one wrong answer) at a phone's,
     * a laptop's and a projector's size are not blank; they are saved in target/screenshots for a person to look at.
     */
    @Test
    void screenshotsOfTheStepperAndTheExercise() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1280, 800), new Dimension(1920, 1080))) {
            browser.manage().window().setSize(size);
            openPage(Engine.WEBASSEMBLY_GC, "#lecture=L");
            click("step");
            ((JavascriptExecutor) browser).executeScript("document.getElementById('stepper').scrollIntoView();");
            Files.write(folder.resolve("stepper-" + size.width + "x" + size.height + ".png"),
                    screenshotNotBlank("the stepper at " + size));
            openPage(Engine.WEBASSEMBLY_GC, "#quiz&lecture=neuron");
            answer("1");
            answer("0.4");
            ((JavascriptExecutor) browser).executeScript("document.getElementById('quiz').scrollIntoView();");
            Files.write(folder.resolve("quiz-" + size.width + "x" + size.height + ".png"),
                    screenshotNotBlank("the exercise at " + size));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBadProgramLeavesOneErrorLineAndNoStaleGraph(Engine engine) {
        openPage(engine, "#lecture=L");
        assertThat(browser.findElements(By.cssSelector("#graph svg"))).isNotEmpty();
        WebElement program = browser.findElement(By.id("expr"));
        program.clear();
        program.sendKeys("a = 1; a = 2");
        click("evaluate");
        awaitPage(driver -> !shown("error").isEmpty());
        assertThat(shown("error")).isEqualTo("invalid program at statement 2, column 8: 'a' is assigned twice (first "
                + "in statement 1); give each value its own name");
        assertThat(shown("error").lines()).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#graph svg"))).isEmpty();
        assertThat(shown("report")).isEmpty();
        assertThat(shown("rule")).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#nodes tbody tr"))).isEmpty();
    }
}
