package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share: the site served by {@link SiteServer} and Debian's Chromium (headless, through its
 * driver) for the whole test class, reset to 1280x800 before each test; each test skipped or failed through
 * {@link BrowserAvailability} when Chromium is missing; the checks of a screenshot and of the requests.
 */
abstract class BrowserTest {

    /** The two builds of the engine the page can run, and how a link asks for each (before its fragment). */
    enum Engine {
        WEBASSEMBLY_GC("", "WebAssembly GC"),
        JAVASCRIPT("?engine=js", "JavaScript");

        final String query;
        final String name;

        Engine(String query, String name) {
            this.query = query;
            this.name = name;
        }
    }

    static SiteServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        if (BrowserAvailability.available()) {
            server = SiteServer.start(0);
            browser = startChromium();
        }
    }

    @BeforeEach
    void requireBrowser(TestInfo test) {
        // a parameterized test's invocations are told apart by their display name, "[1] WEBASSEMBLY_GC"
        String invocation = test.getDisplayName().startsWith("[") ? " " + test.getDisplayName() : "";
        BrowserAvailability.require(getClass().getSimpleName() + "." + test.getTestMethod().orElseThrow().getName()
                + invocation);
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static ChromeDriver startChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserAvailability.CHROMIUM.orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserAvailability.CHROMEDRIVER.orElseThrow().toFile()).build();
        return new ChromeDriver(service, options);
    }

    /**
     * Takes a screenshot of the window at its current size and checks it shows a page: as wide as the window, more
     * than 20 colours and over 2000 dark pixels (text, lines).
     *
     * @return the screenshot as PNG
     */
    static byte[] screenshotNotBlank(String what) throws IOException {
        return screenshotNotBlank(what, 2000);
    }

    /** {@link #screenshotNotBlank(String)} for a view that is mostly pictures: at least {@code darkPixels} dark. */
    static byte[] screenshotNotBlank(String what, int darkPixels) throws IOException {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(shot.getWidth()).as("screenshot width of %s", what)
                .isEqualTo(browser.manage().window().getSize().getWidth());
        Set<Integer> colours = new HashSet<>();
        int dark = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                dark += ((rgb >> 16) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) < 200 ? 1 : 0;
            }
        }
        assertThat(colours).as("colours of %s", what).hasSizeGreaterThan(20);
        assertThat(dark).as("dark pixels (text, lines) of %s", what).isGreaterThan(darkPixels);
        return png;
    }

    /**
     * Waits up to 10 s for {@code condition}: the engine answers in its worker, after the click or key that asked,
     * and the page then shows the answer.
     */
    static void awaitPage(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    /** Runs JavaScript in the page. */
    static Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(code, args);
    }

    /** The number a JavaScript expression gives in the page. */
    static double number(String code) {
        return ((Number) script("return " + code + ";")).doubleValue();
    }

    /** An element's text, by id. */
    static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Checks that every resource the page loaded came from the site's server. */
    static void assertNothingFromAnotherHost() {
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat(requested).isNotEmpty().allMatch(url -> url.startsWith(server.address().toString()));
    }
}
