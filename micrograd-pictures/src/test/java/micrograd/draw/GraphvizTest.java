package micrograd.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import micrograd.engine.Value;
import micrograd.graph.GraphDot;
import micrograd.testsupport.GraphvizAvailability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphvizTest {

    @TempDir
    Path dir;

    static String lectureGraph() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(10.0, "c");
        Value f = Value.of(-2.0, "f");
        Value loss = a.mul(b).add(c).mul(f).label("L");
        loss.backward();
        return GraphDot.of(loss);
    }

    @Test
    void drawsPngThatDecodes() throws Exception {
        GraphvizAvailability.require();
        Path png = new Graphviz().render(lectureGraph(), dir.resolve("sub/graph.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(image.getHeight()); // laid out left to right
        assertThat(Files.list(dir.resolve("sub"))).containsExactly(png); // no temporary file left behind
    }

    @Test
    void drawsSvgWithEveryRecord() throws Exception {
        GraphvizAvailability.require();
        Path svg = new Graphviz().render(lectureGraph(), dir.resolve("graph.svg"));
        String text = Files.readString(svg);
        assertThat(text).contains("<svg", "data 2.0000", "grad 6.0000", "data &#45;8.0000");
    }

    @Test
    void missingDotIsReportedWithHowToInstallIt() {
        Graphviz missing = new Graphviz(dir.resolve("no-such-dot").toString());
        assertThatThrownBy(() -> missing.render(lectureGraph(), dir.resolve("graph.svg")))
                .isInstanceOf(GraphvizNotFoundException.class)
                .hasMessageContaining("apt-get install graphviz")
                .hasMessageContaining("no-such-dot");
        assertThat(dir.resolve("graph.svg")).doesNotExist();
    }

    @Test
    void dotsOwnComplaintIsPassedOn() throws IOException {
        GraphvizAvailability.require();
        assertThatThrownBy(() -> new Graphviz().render("digraph { a -> ", dir.resolve("broken.png")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exit status");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void onlySvgAndPngAreDrawn() {
        assertThat(Graphviz.formatOf(Path.of("x.SVG"))).isEqualTo("svg");
        assertThat(Graphviz.formatOf(Path.of("x.png"))).isEqualTo("png");
        assertThat(Graphviz.formatOf(Path.of("x.pdf"))).isNull();
        assertThatThrownBy(() -> new Graphviz().render(lectureGraph(), dir.resolve("x.gif")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".svg or .png");
    }

    @Test
    void configuredBySystemProperty() {
        assertThat(GraphvizAvailability.DOT_PROPERTY).isEqualTo(Graphviz.DOT_PROPERTY);
        GraphvizAvailability.withDot("/opt/somewhere/dot",
                () -> assertThat(new Graphviz()).hasToString("Graphviz(/opt/somewhere/dot)"));
    }

    @Test
    void aDotThatHangsIsStoppedWithEveryProcessItStarted() throws Exception {
        Path children = dir.resolve("children.txt");
        Path script = Files.writeString(dir.resolve("hanging-dot"), "#!/bin/sh\nsleep 300 &\necho $! > " + children
                + "\nsleep 300\n");
        script.toFile().setExecutable(true);
        assertThatThrownBy(() -> new Graphviz(script.toString(), 1).render(lectureGraph(), dir.resolve("g.svg")))
                .isInstanceOf(IOException.class).hasMessageContaining("did not finish within 1 s");
        long child = Long.parseLong(Files.readString(children).strip());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false))
                .as("the child dot started is stopped with it").isFalse();
        assertThat(dir.resolve("g.svg")).doesNotExist();
    }

    @Test
    void aDotThatExitsAtOnceIsReportedByItsExitStatus() {
        assertThatThrownBy(() -> new Graphviz("false").render(lectureGraph(), dir.resolve("g.svg")))
                .isInstanceOf(IOException.class).hasMessage("false failed with exit status 1");
    }
}
