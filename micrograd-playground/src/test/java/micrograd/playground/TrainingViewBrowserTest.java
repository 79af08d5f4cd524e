package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import micrograd.data.Dataset;
import micrograd.nn.MLP;
import micrograd.train.Trainer;
import micrograd.train.TrainingStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The training view ({@code #train...}) in a real headless Chromium: a link's run shows the JVM's losses and
 * accuracies, a click adds or chooses a point, the decision boundary and the point's graph are drawn, errors are one
 * line, and the page is not blank on a desktop or a phone.
 */
class TrainingViewBrowserTest extends BrowserTest {

    /** Mini-batches (SplitMix64's draws in the browser), two ReLU layers, hinge + L2, plain SGD: only +, * and ReLU. */
    private static final String LINK = "#train&data=moons&n=60&seed=3&layers=8,8&act=relu&loss=hinge&opt=sgd"
            + "&lr=0.2&batch=20&l2=1e-4&steps=100";
    private static final int STEPS = 12;

    private static void open(String fragment) {
        open(Engine.WEBASSEMBLY_GC, fragment);
    }

    /** Opens the page on {@code engine} at {@code fragment} and waits until the training view has started. */
    private static void open(Engine engine, String fragment) {
        browser.get("about:blank");
        browser.get(server.address() + engine.query + fragment);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            String state = driver.findElement(By.id("train")).getAttribute("data-state");
            return "ready".equals(state) || "error".equals(state);
        });
    }

    /** Clicks "step" {@code times} times on a run just opened. */
    private static void step(int times) {
        for (int i = 0; i < times; i++) {
            browser.findElement(By.id("t-step")).click();
        }
        awaitPage(driver -> String.valueOf(times).equals(driver.findElement(By.id("train")).getAttribute("data-steps")));
        assertThat(browser.findElement(By.id("train")).getAttribute("data-steps")).isEqualTo(String.valueOf(times));
    }

    /** The page's points, read as the doubles the engine holds. */
    private static Dataset pagePoints() {
        int count = (int) number("engine.api.trainPointCount()");
        double[][] x = new double[count][];
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            x[i] = new double[] {number("engine.api.trainPointX(" + i + ")"),
                number("engine.api.trainPointY(" + i + ")")};
            y[i] = (int) number("engine.api.trainPointClass(" + i + ")");
        }
        return new Dataset(x, y, 2);
    }

    /**
     * The link's run, stepped in the page, against the JVM. Trained on the page's own points with the same model,
     * seed and batches, every loss must be the JVM's bit for bit: the steps use only +, *, ReLU and one division,
     * which IEEE 754 rounds the same everywhere. The points themselves are drawn with cos, sin and log (NumPy's
     * Gaussian), which JavaScript's Math may round differently in the last bit, so they must be the JVM's to 1e-12,
     * and the JVM's own run of the same link (its own points) must give the page's losses to 1e-12 relative.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLinksRunShowsTheJvmsLossesAndAccuracies(Engine engine) {
        open(engine, LINK);
        assertThat(text("engine")).startsWith("engine: " + engine.name);
        assertThat(text("t-error")).isEmpty();
        List<String> shownLoss = new ArrayList<>();
        List<String> shownAccuracy = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            browser.findElement(By.id("t-step")).click();
            // shown to 4 significant digits, the full double on hover (its title)
            shownLoss.add(browser.findElement(By.id("t-loss-value")).getAttribute("title"));
            shownAccuracy.add(text("t-accuracy-value"));
        }
        assertThat(text("t-status")).startsWith("step " + STEPS + " of 100");

        TrainingSettings settings = TrainingSettings.parse(LINK.substring(1));
        Dataset page = pagePoints();
        Dataset jvmPoints = TrainingView.dataOf(settings);
        for (int i = 0; i < page.size(); i++) {
            assertThat(page.label(i)).isEqualTo(jvmPoints.label(i));
            assertThat(page.row(i)[0]).isCloseTo(jvmPoints.row(i)[0], within(1e-12));
            assertThat(page.row(i)[1]).isCloseTo(jvmPoints.row(i)[1], within(1e-12));
        }
        System.out.printf(Locale.ROOT, "training view on %s: %d of %d points bit for bit the JVM's%n", engine.name,
                java.util.stream.IntStream.range(0, page.size())
                        .filter(i -> java.util.Arrays.equals(page.row(i), jvmPoints.row(i))).count(), page.size());
        List<TrainingStep> expected = jvmSteps(page);
        for (int i = 0; i < STEPS; i++) {
            assertThat(Double.parseDouble(shownLoss.get(i))).as("step %d's loss", i)
                    .isEqualTo(expected.get(i).loss());
            assertThat(shownAccuracy.get(i)).as("step %d's accuracy", i)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f%%", expected.get(i).accuracy() * 100));
        }
        TrainingView jvmView = new TrainingView(settings);
        for (int i = 0; i < STEPS; i++) {
            double want = jvmView.step().loss();
            assertThat(Double.parseDouble(shownLoss.get(i))).isCloseTo(want, within(1e-12 * want));
        }
    }

    private static List<TrainingStep> jvmSteps(Dataset points) {
        MLP model = MLP.builder(2).layers(8, 8, 1).seed(3).build();
        return Trainer.builder().learningRate(0.2).batchSize(20).seed(3).l2(1e-4).steps(STEPS).build()
                .fit(model, points);
    }

    @Test
    void aClickAddsAPointAndAClickOnAPointChoosesIt() {
        open("#train&n=40&seed=2&layers=4");
        int before = (int) number("engine.api.trainPointCount()");
        WebElement canvas = browser.findElement(By.id("t-boundary"));
        clickCanvasAt(canvas, 0.03, 0.03); // the top left corner, in the plot's margin: no point there
        assertThat((int) number("engine.api.trainPointCount()")).isEqualTo(before + 1);
        assertThat((int) number("engine.api.trainPointClass(" + before + ")")).isEqualTo(0);
        assertThat(browser.getCurrentUrl()).contains("&add=");
        clickCanvasAt(canvas, 0.97, 0.03, true); // shift: the next class
        assertThat((int) number("engine.api.trainPointClass(" + (before + 1) + ")")).isEqualTo(1);

        int renders = graphRenders();
        List<?> position = (List<?>) script("const [xmin, xmax, ymin, ymax] = training.bounds;"
                + "return Promise.all([engine.api.trainPointX(5), engine.api.trainPointY(5)])"
                + ".then(([x, y]) => [(x - xmin) / (xmax - xmin), (ymax - y) / (ymax - ymin)]);");
        clickCanvasAt(canvas, ((Number) position.get(0)).doubleValue(), ((Number) position.get(1)).doubleValue());
        assertThat((int) number("engine.api.trainChosenPoint()")).isEqualTo(5);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> graphRenders() > renders);
        assertThat(text("t-chosen")).isEqualTo("5");
        assertThat(browser.findElements(By.cssSelector("#t-graph g.node"))).hasSizeGreaterThan(20);
    }

    private static int graphRenders() {
        String renders = browser.findElement(By.id("train")).getAttribute("data-graph-renders");
        return renders == null ? 0 : Integer.parseInt(renders);
    }

    private static void clickCanvasAt(WebElement canvas, double fx, double fy) {
        clickCanvasAt(canvas, fx, fy, false);
    }

    /** Clicks at a fraction of the canvas' width and height (Selenium's offsets count from its centre). */
    private static void clickCanvasAt(WebElement canvas, double fx, double fy, boolean shift) {
        // Selenium aims from the centre of the part in view: put all of it in view
        script("arguments[0].scrollIntoView({block: 'center'});", canvas);
        org.openqa.selenium.Rectangle box = canvas.getRect();
        int dx = (int) Math.round((fx - 0.5) * box.getWidth());
        int dy = (int) Math.round((fy - 0.5) * box.getHeight());
        Actions actions = new Actions(browser).moveToElement(canvas, dx, dy);
        if (shift) {
            actions.keyDown(org.openqa.selenium.Keys.SHIFT).click().keyUp(org.openqa.selenium.Keys.SHIFT).perform();
        } else {
            actions.click().perform();
        }
    }

    /**
     * Plays a run until the boundary separates the classes, and prints the page's steps per second (over half a second
     * after 2000 steps, when the batches have grown to their size) with the JVM's (the same run, warmed up) for the
     * docs; timing on a shared machine varies too much to fail the build on it.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theDecisionBoundaryIsDrawnInBothClassesColours(Engine engine) {
        String link = "#train&n=100&seed=4&layers=8&lr=0.5&steps=5000";
        open(engine, link);
        browser.findElement(By.id("t-play")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> Integer.parseInt(
                driver.findElement(By.id("train")).getAttribute("data-steps")) >= 2000);
        double pagePerSecond = Double.parseDouble(browser.findElement(By.id("train"))
                .getAttribute("data-steps-per-second"));
        browser.findElement(By.id("t-play")).click();
        TrainingView jvm = new TrainingView(TrainingSettings.parse(link.substring(1)));
        for (int i = 0; i < 1000; i++) {
            jvm.step();
        }
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            jvm.step();
        }
        double jvmPerSecond = 1000 / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "training view (MLP(2, [8, 1]), 100 moons, full batch): %.0f steps/s in the "
                + "page on %s while drawing, %.0f steps/s on the JVM warmed up%n", pagePerSecond, engine.name,
                jvmPerSecond);
        assertThat(pagePerSecond).isPositive();
        assertThat(text("t-status")).matches("step \\d+ of 5000");
        List<?> counts = (List<?>) script("const c = document.getElementById('t-boundary');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "const colours = new Set(); let bluish = 0, reddish = 0;"
                + "for (let i = 0; i < d.length; i += 4) { colours.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]);"
                + "  if (d[i + 2] > d[i] + 30) bluish++; if (d[i] > d[i + 2] + 30) reddish++; }"
                + "return [colours.size, bluish, reddish];");
        assertThat(((Number) counts.get(0)).intValue()).as("colours on the boundary canvas").isGreaterThan(10);
        int pixels = 400 * 400;
        assertThat(((Number) counts.get(1)).intValue()).as("class 0 (blue) pixels").isGreaterThan(pixels / 10);
        assertThat(((Number) counts.get(2)).intValue()).as("class 1 (red) pixels").isGreaterThan(pixels / 10);
        assertThat(browser.findElements(By.cssSelector("#t-weights tbody tr"))).hasSize(8 * 3 + 9);
    }

    @Test
    void aBadLinkABadFormAndADivergingRunAreOneLineInThePage() {
        open("#train&layers=16,x");
        assertThat(text("t-error")).startsWith("layers: ").doesNotContain("\n");
        assertThat(browser.findElement(By.id("t-boundary")).isDisplayed()).isTrue();

        open("#train&layers=4");
        step(3);
        String loss = text("t-loss-value");
        WebElement layers = browser.findElement(By.id("t-layers"));
        layers.clear();
        layers.sendKeys("4,zero");
        browser.findElement(By.id("t-apply")).click();
        awaitPage(driver -> !text("t-error").isEmpty());
        assertThat(text("t-error")).startsWith("layers: ");
        assertThat(browser.findElement(By.id("train")).getAttribute("data-steps")).as("the run goes on").isEqualTo("3");
        assertThat(text("t-loss-value")).isEqualTo(loss);
        assertThat(browser.getCurrentUrl()).contains("layers=4&");

        open("#train&layers=16,16&loss=mse&lr=100");
        browser.findElement(By.id("t-play")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "error".equals(
                driver.findElement(By.id("train")).getAttribute("data-state")));
        assertThat(text("t-error")).startsWith("the training diverged at step ").doesNotContain("\n");
        assertThat(text("t-play")).isEqualTo("play");
    }

    @Test
    void aLargeNetworkSaysWhyItsGraphIsNotDrawn() {
        open("#train&layers=32,32");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !text("t-graph-note").isEmpty());
        assertThat(text("t-graph-note")).contains("the page draws up to " + DrawnGraphs.NODE_LIMIT);
    }

    @Test
    void screenshotsAt1280x800AndOnAPhoneAreNotBlankAndNothingCameFromAnotherHost() throws Exception {
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            open("#train&layers=4&lr=0.5");
            step(STEPS);
            byte[] png = screenshotNotBlank("the training view at " + size);
            Files.write(Path.of("target", "playground-train-" + size.getWidth() + ".png"), png);
        }
        assertNothingFromAnotherHost();
    }
}
