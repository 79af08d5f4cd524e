package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a classroom: its graph readable on a phone and on a projector, the stepper on screen with the graph,
 * the presenter's keys, a training run one can narrate (its speed, its normal end), the demo's boundary, the share
 * button's QR code, and links or runs that once broke the page.
 */
class ClassroomBrowserTest extends BrowserTest {

    private static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    /** Opens the calculator and waits until its graph is drawn. */
    private static void openCalculator(Engine engine, String fragment) {
        browser.get("about:blank");
        browser.get(server.address() + engine.query + fragment);
        waiting(30).until(driver -> "ready".equals(driver.findElement(By.tagName("body")).getAttribute("data-state"))
                && driver.findElements(By.cssSelector("#graph svg")).size() == 1);
    }

    /** Opens the training view and waits until its run is set up. */
    private static void openTraining(Engine engine, String fragment) {
        browser.get("about:blank");
        browser.get(server.address() + engine.query + fragment);
        waiting(30).until(driver -> {
            String state = driver.findElement(By.id("train")).getAttribute("data-state");
            return "ready".equals(state) || "error".equals(state); // null until the engine has loaded
        });
    }

    private static int stepsDone() {
        return Integer.parseInt(browser.findElement(By.id("train")).getAttribute("data-steps"));
    }

    /** Waits for the view to show {@code steps} steps done: the engine steps in its worker, then the page draws. */
    private static void awaitStepsDone(int steps) {
        waiting(10).until(driver -> stepsDone() == steps);
    }

    /** Sets a speed control to one of its positions (0: 1 step/s; the last: as fast as it goes). */
    private static void setSpeed(String id, int position) {
        script("const s = document.getElementById(arguments[0]); s.value = arguments[1] < 0 ? s.max : arguments[1];"
                + "s.dispatchEvent(new Event('input'));", id, position);
    }

    /** The smallest text of a graph as drawn: each text's computed font size times the SVG's scale. */
    private static double smallestTextPx(String graph) {
        return ((Number) script("const svg = document.querySelector('#" + graph + " svg');"
                + "const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
                + "return Math.min(...Array.from(svg.querySelectorAll('text'),"
                + " (t) => parseFloat(getComputedStyle(t).fontSize) * scale));")).doubleValue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theGraphsSmallestTextIsAtLeast11CssPxOnAPhoneAndAProjector(Engine engine) {
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1920, 1080))) {
            browser.manage().window().setSize(size);
            openCalculator(engine, "#expr=tanh(x1*w1%20%2B%20x2*w2%20%2B%20b)&x1=2&x2=0&w1=-3&w2=1&b=6.88");
            assertThat(smallestTextPx("graph")).as("calculator's graph at %s", size).isGreaterThanOrEqualTo(11);
            browser.findElement(By.cssSelector("#graph .zoom button[aria-label*='show the whole']")).click();
            for (int i = 0; i < 10; i++) {
                browser.findElement(By.cssSelector("#graph .zoom button[aria-label*='zoom out']")).click();
            }
            assertThat(smallestTextPx("graph")).as("zoomed out at %s", size).isGreaterThanOrEqualTo(11);
        }
    }

    @Test
    void theStepperStaysInViewWhileTheGraphIs() {
        browser.manage().window().setSize(new Dimension(390, 844));
        openCalculator(Engine.WEBASSEMBLY_GC, "#expr=tanh(x1*w1%20%2B%20x2*w2%20%2B%20b)&x1=2&x2=0&w1=-3&w2=1&b=6.88");
        WebElement graph = browser.findElement(By.id("graph"));
        script("arguments[0].scrollIntoView({block: 'end'});", graph);
        for (String button : List.of("step", "back", "play")) {
            assertThat((Boolean) script("const r = arguments[0].getBoundingClientRect();"
                    + "return r.top >= 0 && r.bottom <= innerHeight;", browser.findElement(By.id(button))))
                    .as("%s in the viewport", button).isTrue();
        }
        assertThat((Boolean) script("const r = arguments[0].getBoundingClientRect();"
                + "return r.bottom > 0 && r.top < innerHeight;", graph)).as("the graph in the viewport").isTrue();
    }

    @Test
    void theKeysStepPlayZoomAndReset() {
        openCalculator(Engine.WEBASSEMBLY_GC, "#expr=a*b%20%2B%20c&a=2&b=-3&c=10");
        WebElement body = browser.findElement(By.tagName("body"));
        String total = text("position").replaceFirst(".* of ", "");
        body.sendKeys("r");
        assertThat(text("position")).isEqualTo("step 0 of " + total);
        body.sendKeys(Keys.ARROW_RIGHT);
        body.sendKeys(Keys.ARROW_RIGHT);
        assertThat(text("position")).isEqualTo("step 2 of " + total);
        body.sendKeys(Keys.ARROW_LEFT);
        assertThat(text("position")).isEqualTo("step 1 of " + total);
        double scale = Double.parseDouble(browser.findElement(By.id("graph")).getAttribute("data-scale"));
        body.sendKeys("+");
        assertThat(Double.parseDouble(browser.findElement(By.id("graph")).getAttribute("data-scale")))
                .isGreaterThan(scale);
        body.sendKeys("-");
        body.sendKeys("-");
        assertThat(Double.parseDouble(browser.findElement(By.id("graph")).getAttribute("data-scale")))
                .isLessThan(scale);
        body.sendKeys(" ");
        assertThat(text("play")).isEqualTo("pause");
        body.sendKeys(" ");
        assertThat(text("play")).isEqualTo("play");

        browser.findElement(By.id("present-toggle")).click();
        assertThat((Boolean) script("return document.documentElement.classList.contains('present');")).isTrue();
        browser.get(server.address() + "#train&present");
        openTraining(Engine.WEBASSEMBLY_GC, "#train&layers=4&present");
        assertThat((Boolean) script("return document.documentElement.classList.contains('present');")).isTrue();
        browser.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        awaitStepsDone(1);

        // a link with &present followed within the open page turns presenter mode on too
        browser.findElement(By.id("present-toggle")).click();
        assertThat((Boolean) script("return document.documentElement.classList.contains('present');")).isFalse();
        script("location.hash = '#lecture=neuron&present';");
        waiting(10).until(driver -> (Boolean) script("return document.documentElement.classList.contains('present');"));
    }

    @Test
    void theSpeedControlSetsTheStepsPerSecond() throws InterruptedException {
        openTraining(Engine.WEBASSEMBLY_GC, "#train&layers=4&steps=100000");
        setSpeed("t-speed", 0); // 1 step per second
        browser.findElement(By.id("t-play")).click();
        Thread.sleep(3000);
        browser.findElement(By.id("t-play")).click();
        int slow = stepsDone();
        assertThat(slow).as("steps in 3 s at 1 step/s").isBetween(2, 5);
        setSpeed("t-speed", -1); // as fast as it goes
        browser.findElement(By.id("t-play")).click();
        Thread.sleep(3000);
        browser.findElement(By.id("t-play")).click();
        assertThat(stepsDone() - slow).as("steps in 3 s as fast as it goes").isGreaterThan(100);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theEndOfARunIsNotAnErrorAndAddedPointsNeverTakeTheCountPastTheSteps(Engine engine) {
        openTraining(engine, "#train&layers=4&steps=40");
        setSpeed("t-speed", -1);
        browser.findElement(By.id("t-step")).click();
        clickPlotAt(0.03, 0.03);
        browser.findElement(By.id("t-play")).click();
        waiting(30).until(driver -> "done".equals(driver.findElement(By.id("train")).getAttribute("data-state")));
        assertThat(text("t-status")).isEqualTo("done: 40 steps");
        assertThat(text("t-error")).isEmpty();
        assertThat(browser.findElement(By.id("t-status")).getCssValue("color"))
                .isNotEqualTo(browser.findElement(By.id("t-error")).getCssValue("color"));
        clickPlotAt(0.97, 0.03);
        browser.findElement(By.id("t-step")).click();
        assertThat(stepsDone()).isEqualTo(40);
        assertThat(text("t-status")).isEqualTo("done: 40 steps");
        assertThat(text("t-error")).isEmpty();
    }

    private static void clickPlotAt(double fx, double fy) {
        WebElement canvas = browser.findElement(By.id("t-boundary"));
        script("arguments[0].scrollIntoView({block: 'center'});", canvas);
        org.openqa.selenium.Rectangle box = canvas.getRect();
        new Actions(browser).moveToElement(canvas, (int) Math.round((fx - 0.5) * box.getWidth()),
                (int) Math.round((fy - 0.5) * box.getHeight())).click().perform();
    }

    /**
     * Fingers on the touch screen, as the browser's own touch input (DevTools' Input.dispatchTouchEvent): each finger
     * {x0, y0, x1, y1} in CSS px of the viewport goes down at (x0, y0), moves to (x1, y1) in 10 steps, and lifts.
     */
    private static void touch(int[]... fingers) {
        List<Map<String, Object>> down = new ArrayList<>();
        for (int i = 0; i < fingers.length; i++) {
            down.add(Map.of("x", fingers[i][0], "y", fingers[i][1], "id", i));
        }
        browser.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", down));
        for (int step = 1; step <= 10; step++) {
            List<Map<String, Object>> moved = new ArrayList<>();
            for (int i = 0; i < fingers.length; i++) {
                int[] f = fingers[i];
                moved.add(Map.of("x", f[0] + (f[2] - f[0]) * step / 10, "y", f[1] + (f[3] - f[1]) * step / 10,
                        "id", i));
            }
            if (Arrays.stream(fingers).anyMatch(f -> f[0] != f[2] || f[1] != f[3])) {
                browser.executeCdpCommand("Input.dispatchTouchEvent",
                        Map.of("type", "touchMove", "touchPoints", moved));
            }
        }
        browser.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void onAPhoneATapAddsAPointOfTheChosenClass(Engine engine) {
        browser.manage().window().setSize(new Dimension(390, 844));
        openTraining(engine, "#train&layers=4&n=40");
        int before = (int) number("training.points.length");
        script("const picker = document.getElementById('t-add-class'); picker.value = '1';"
                + "picker.dispatchEvent(new Event('change'));");
        WebElement canvas = browser.findElement(By.id("t-boundary"));
        script("arguments[0].scrollIntoView({block: 'center'});", canvas);
        // the top left corner of the plot: the moons leave it empty, so the tap adds rather than chooses a point
        List<?> corner = (List<?>) script("const r = arguments[0].getBoundingClientRect();"
                + "return [Math.round(r.left + 0.04 * r.width), Math.round(r.top + 0.04 * r.height)];", canvas);
        int x = ((Number) corner.get(0)).intValue();
        int y = ((Number) corner.get(1)).intValue();
        touch(new int[] {x, y, x, y});
        waiting(10).until(driver -> number("training.points.length") == before + 1);
        assertThat(number("training.points[training.points.length - 1][2]")).as("the added point's class")
                .isEqualTo(1);
        assertThat(browser.getCurrentUrl()).contains("add=");
        assertThat(text("t-error")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void onAPhoneOneFingerPansTheGraphAndTwoZoomIt(Engine engine) {
        // a tab of its own: after one two-finger gesture, Chromium sent a tab's later ones to no element (seen with
        // WebDriver's touch actions and with DevTools' touch input alike)
        String tab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            pinchAndDrag(engine);
        } finally {
            browser.close();
            browser.switchTo().window(tab);
        }
    }

    private static void pinchAndDrag(Engine engine) {
        browser.manage().window().setSize(new Dimension(390, 844));
        openCalculator(engine, "#expr=tanh(x1*w1%20%2B%20x2*w2%20%2B%20b)&x1=2&x2=0&w1=-3&w2=1&b=6.88");
        WebElement graph = browser.findElement(By.id("graph"));
        script("arguments[0].scrollIntoView({block: 'center'});", graph);
        List<?> middle = (List<?>) script("const r = arguments[0].getBoundingClientRect();"
                + "return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];", graph);
        int cx = ((Number) middle.get(0)).intValue();
        int cy = ((Number) middle.get(1)).intValue();
        double scale = Double.parseDouble(graph.getAttribute("data-scale"));
        touch(new int[] {cx - 20, cy, cx - 90, cy}, new int[] {cx + 20, cy, cx + 90, cy});
        double pinched = Double.parseDouble(graph.getAttribute("data-scale"));
        assertThat(pinched).as("the scale after two fingers spread apart").isGreaterThan(scale * 1.5);
        String transform = (String) script("return document.querySelector('#graph svg').style.transform;");
        touch(new int[] {cx, cy, cx + 60, cy + 30});
        assertThat((String) script("return document.querySelector('#graph svg').style.transform;"))
                .as("where the graph sits after a one-finger drag").isNotEqualTo(transform);
        assertThat(Double.parseDouble(graph.getAttribute("data-scale"))).isEqualTo(pinched);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theDefaultsSeparateTheMoons(Engine engine) {
        openTraining(engine, "#train");
        setSpeed("t-speed", -1);
        browser.findElement(By.id("t-play")).click();
        waiting(120).until(driver -> "done".equals(driver.findElement(By.id("train")).getAttribute("data-state")));
        assertThat(text("t-accuracy-value")).isEqualTo("100.0%");
        assertThat(text("t-status")).startsWith("done: 500 steps");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theDemoDrawsItsBoundaryAndCurves(Engine engine) {
        browser.get("about:blank");
        browser.get(server.address() + engine.query + "#demo");
        waiting(60).until(driver -> "done".equals(driver.findElement(By.id("demo")).getAttribute("data-state")));
        List<?> counts = (List<?>) script("const c = document.getElementById('demo-boundary');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let bluish = 0, reddish = 0;"
                + "for (let i = 0; i < d.length; i += 4) { if (d[i + 2] > d[i] + 30) bluish++;"
                + "  if (d[i] > d[i + 2] + 30) reddish++; }"
                + "return [bluish, reddish, c.width * c.height];");
        int pixels = ((Number) counts.get(2)).intValue();
        assertThat(((Number) counts.get(0)).intValue()).as("class 0 (blue) pixels").isGreaterThan(pixels / 10);
        assertThat(((Number) counts.get(1)).intValue()).as("class 1 (red) pixels").isGreaterThan(pixels / 10);
        assertThat(text("demo-status")).startsWith("done: 100 steps");
        assertThat(number("demo.losses.length")).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theShareButtonsQrCodeDecodesToThePagesLink(Engine engine) throws Exception {
        openTraining(engine, "#train&layers=4,4&lr=0.3");
        browser.findElement(By.id("share-open")).click();
        waiting(30).until(driver -> "ready".equals(driver.findElement(By.id("share-dialog")).getAttribute("data-state")));
        String link = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("share-link")).getAttribute("value")).isEqualTo(link);
        String png = (String) script("return document.getElementById('share-qr').toDataURL('image/png');");
        BufferedImage modules = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1))));
        // one pixel per module: scaled up 4 times, as a camera would see it
        int scale = 4;
        int width = modules.getWidth() * scale;
        int[] pixels = new int[width * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = modules.getRGB(i % width / scale, i / width / scale);
        }
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, width, pixels)))).getText();
        assertThat(decoded).isEqualTo(link);
    }

    @Test
    void aLinkCutInsideAnEscapeIsOneErrorLineAndTheViewOpens() {
        openTraining(Engine.WEBASSEMBLY_GC, "#train&n=%E0%A4%A");
        assertThat(text("t-error")).contains("not readable").doesNotContain("\n");
        assertThat(text("error")).isEmpty();
        assertThat(browser.findElement(By.id("t-boundary")).isDisplayed()).isTrue();
        assertThat(text("t-status")).isEqualTo("step 0 of 500");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSizesThatCrashedTheTabAreRefusedInOneLineAndTheViewStillRuns(Engine engine) {
        for (String link : List.of("#train&layers=256,256&n=2000", "#train&layers=256,256,256")) {
            openTraining(engine, link);
            assertThat(text("t-error")).as(link).contains("parameter-rows").doesNotContain("\n");
            assertThat(text("error")).as(link).isEmpty();
            browser.findElement(By.id("t-step")).click();
            awaitStepsDone(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMillionStepCurveAndAHundredThousandRowTableDraw(Engine engine) {
        openTraining(engine, "#train&layers=4");
        script("training.losses = Array.from({length: 1000000}, (_, i) => 1 / (i + 1));"
                + "training.accuracies = new Array(1000000).fill(0.5); return drawEverything().then(() => null);");
        assertThat(text("t-error")).isEmpty();
        Object rows = script("const rows = Array.from({length: 200000}, () => document.createElement('tr'));"
                + "const body = document.createElement('tbody'); replaceAll(body, rows); return body.rows.length;");
        assertThat(((Number) rows).intValue()).isEqualTo(200000);
    }
}
