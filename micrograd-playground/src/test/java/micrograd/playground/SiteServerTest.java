package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SiteServer} spoken to over raw sockets on loopback: what it serves and how (gzip, cache headers,
 * validators, pipelined requests in order), what it refuses (paths outside the site, other methods, bodies, heads
 * too large or malformed), that stalled, endless and pipelining clients are cut off at their bounds while everyone
 * else is served, and which interface it listens on. The bounds are shortened so that every case ends in seconds.
 */
class SiteServerTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ServerLimits SHORT = new ServerLimits(4, Duration.ofMillis(800), Duration.ofMillis(800),
            1024, Duration.ofMillis(1500));
    private static final int CLIENT_TIMEOUT_MILLIS = 5000;

    private SiteServer server;
    private final List<RawHttp> clients = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = SiteServer.start(LOOPBACK, 0, SHORT);
    }

    @AfterEach
    void stop() throws IOException {
        for (RawHttp client : clients) {
            client.close();
        }
        server.close();
    }

    private RawHttp connect() throws IOException {
        RawHttp client = new RawHttp(LOOPBACK, server.port(), CLIENT_TIMEOUT_MILLIS);
        clients.add(client);
        return client;
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = SiteServer.open(file)) {
            return in.readAllBytes();
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    /** A file the build puts in the site but FILES leaves out is one the page asks for and gets a 404. */
    @Test
    void theServedFilesAreTheBuiltSiteWhole() throws IOException, URISyntaxException {
        Path site = Path.of(SiteServer.class.getClassLoader().getResource(SiteServer.RESOURCE_FOLDER).toURI());
        try (Stream<Path> built = Files.walk(site)) {
            assertThat(built.filter(Files::isRegularFile).map(file -> site.relativize(file).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(SiteServer.FILES);
        }
    }

    @Test
    void textFilesGoOutGzippedToClientsThatTakeItAndWholeToTheRest() throws IOException {
        RawHttp.Response gzipped = connect().send("GET /playground.js HTTP/1.1\r\nHost: t\r\n"
                + "Accept-Encoding: br, gzip, deflate\r\n\r\n").read(true);
        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzipped.body().length).isLessThan(resource("playground.js").length / 2);
        assertThat(gunzip(gzipped.body())).isEqualTo(resource("playground.js"));

        RawHttp.Response whole = connect().get("/playground.js");
        assertThat(whole.header("Content-Encoding")).isNull();
        assertThat(whole.body()).isEqualTo(resource("playground.js"));
        assertThat(whole.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");

        RawHttp.Response refused = connect().send("GET /playground.js HTTP/1.1\r\nHost: t\r\n"
                + "Accept-Encoding: gzip;q=0, identity\r\n\r\n").read(true);
        assertThat(refused.header("Content-Encoding")).isNull();
    }

    @Test
    void thePageIsRevalidatedEachTimeAndItsFilesReusedForAnHourThenRevalidatedByHash() throws IOException {
        RawHttp client = connect();
        RawHttp.Response page = client.get("/");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(page.body()).isEqualTo(resource("index.html"));
        RawHttp.Response style = client.get("/training.css");
        assertThat(style.header("Cache-Control")).isEqualTo("public, max-age=3600");
        assertThat(style.header("ETag")).matches("\"[0-9a-f]{32}\"");

        RawHttp.Response unchanged = client.send("GET /training.css HTTP/1.1\r\nHost: t\r\nIf-None-Match: "
                + style.header("ETag") + "\r\n\r\n").read(false);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.header("Content-Length")).isNull();
        RawHttp.Response stale = client.send("GET /training.css HTTP/1.1\r\nHost: t\r\nIf-None-Match: \"0\"\r\n\r\n")
                .read(true);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(resource("training.css"));
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() throws IOException {
        RawHttp client = connect();
        RawHttp.Response head = client.send("HEAD /index.html HTTP/1.1\r\nHost: t\r\n\r\n").read(false);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(resource("index.html").length));
        assertThat(client.get("/engine.js").body()).isEqualTo(resource("engine.js"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/..%2fpom.xml", "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
        "/viz/../index.html", "/./index.html", "/index.html/", "/INDEX.HTML", "/index.html%00",
        "/micrograd/playground/site/index.html", "/micrograd/playground/SiteServer.class", "/META-INF/MANIFEST.MF",
        "/viz", "/viz/", "/training.js.map", "/%69ndex.html", "/\\index.html"})
    void onlyTheSitesFilesAreServed(String path) throws IOException {
        RawHttp.Response response = connect().get(path);
        assertThat(response.status()).isEqualTo(404);
        assertThat(new String(response.body())).startsWith("404 Not Found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get",
        "GETX"})
    void onlyGetAndHeadAreServed(String method) throws IOException {
        RawHttp.Response response = connect().send(method + " /index.html HTTP/1.1\r\nHost: t\r\n\r\n").read(true);
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5\r\n\r\nhello", "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"})
    void aRequestWithABodyIsRefusedAndItsConnectionClosed(String bodyHeaders) throws IOException {
        RawHttp client = connect();
        RawHttp.Response response = client.send("POST /index.html HTTP/1.1\r\nHost: t\r\n" + bodyHeaders).read(true);
        assertThat(response.status()).isEqualTo(413);
        assertThat(client.closedByServer()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/2.0\r\n\r\n", "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n",
        "GET http://evil/index.html HTTP/1.1\r\n\r\n", "GET * HTTP/1.1\r\n\r\n", "\u0016\u0003\u0001\u0002\r\n\r\n",
        "GET / HTTP/1.1\r\nno colon here\r\n\r\n", "GET / HTTP/1.1\r\n: empty name\r\n\r\n"})
    void aMalformedRequestIsRefusedAndItsConnectionClosed(String request) throws IOException {
        RawHttp client = connect();
        assertThat(client.send(request).read(true).status()).isEqualTo(400);
        assertThat(client.closedByServer()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10})
    void aRequestHeadPastItsBoundIsRefusedAndItsConnectionClosed(int kilobytes) throws IOException {
        RawHttp client = connect();
        String header = "X-Padding: " + "a".repeat(kilobytes * 1024) + "\r\n";
        RawHttp.Response response = client.send("GET / HTTP/1.1\r\nHost: t\r\n" + header + "\r\n").read(true);
        assertThat(response.status()).isEqualTo(431);
        assertThat(client.closedByServer()).isTrue();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws IOException {
        RawHttp client = connect().send("GET /index.html HTTP/1.1\r\nHost: t\r\n\r\n"
                + "GET /missing HTTP/1.1\r\nHost: t\r\n\r\n"
                + "HEAD /training.css HTTP/1.1\r\nHost: t\r\n\r\n"
                + "GET /training.css HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        assertThat(client.read(true).body()).isEqualTo(resource("index.html"));
        assertThat(client.read(true).status()).isEqualTo(404);
        assertThat(client.read(false).header("Content-Length"))
                .isEqualTo(String.valueOf(resource("training.css").length));
        RawHttp.Response last = client.read(true);
        assertThat(last.body()).isEqualTo(resource("training.css"));
        assertThat(last.header("Connection")).isEqualTo("close");
        assertThat(client.closedByServer()).isTrue();
    }

    @Test
    void anHttp10ClientGetsItsAnswerAndTheConnectionCloses() throws IOException {
        RawHttp client = connect();
        assertThat(client.send("GET / HTTP/1.0\r\n\r\n").read(true).body()).isEqualTo(resource("index.html"));
        assertThat(client.closedByServer()).isTrue();
    }

    @Test
    void stalledEndlessAndPipeliningClientsAreCutOffWhileOthersAreServed() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            // more clients holding a connection than the server has workers: each stalls in its own way
            RawHttp stalledMidHead = connect().send("GET / HTTP/1.1\r\nHost: x\r\n");
            RawHttp stalledBeforeSending = connect();
            RawHttp dripping = connect().send("GET / HTTP/1.1\r\n");
            StringBuilder pipeline = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                pipeline.append("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            RawHttp pipeliningWithoutReading = connect().send(pipeline.toString());
            RawHttp extraStalled = connect().send("GET / HTTP/1.1\r\n");

            long start = System.nanoTime();
            boolean dripped = true;
            for (int i = 0; i < 20; i++) {
                if (dripped) {
                    dripped = drip(dripping, "X-Slow: " + i + "\r\n");
                }
                try (RawHttp other = new RawHttp(LOOPBACK, server.port(), CLIENT_TIMEOUT_MILLIS)) {
                    RawHttp.Response response = other.get("/training.css");
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.body()).isEqualTo(resource("training.css"));
                }
            }
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            // the others wait at most for one stalled client's bound (800 ms), not for as long as it stalls
            assertThat(elapsedMillis).isLessThan(8000);

            assertThat(stalledMidHead.closedByServer()).isTrue();
            assertThat(stalledBeforeSending.closedByServer()).isTrue();
            assertThat(extraStalled.closedByServer()).isTrue();
            assertThat(!dripped || dripping.closedByServer()).isTrue();
            pipeliningWithoutReading.socket.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
            int answered = 0;
            try {
                while (true) {
                    pipeliningWithoutReading.read(true);
                    answered++;
                }
            } catch (IOException endOfAnswers) {
                // the server answers every request it read, then closes
            }
            assertThat(answered).isEqualTo(20);
        });
    }

    /** Sends one more piece of a request; false once the server has cut the connection off. */
    private static boolean drip(RawHttp client, String piece) {
        try {
            client.send(piece);
            return true;
        } catch (IOException cutOff) {
            return false;
        }
    }

    @Test
    void byDefaultItListensOnLoopbackOnly() throws IOException {
        try (SiteServer byDefault = SiteServer.start(0)) {
            assertThat(byDefault.host().isLoopbackAddress()).isTrue();
            assertThat(byDefault.address().toString()).isEqualTo("http://127.0.0.1:" + byDefault.port() + "/");
            Optional<InetAddress> lan = nonLoopbackAddress();
            Assumptions.assumeTrue(lan.isPresent(), "this machine has no network address besides loopback");
            assertThatThrownBy(() -> new RawHttp(lan.get(), byDefault.port(), 1000).close())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void onTheWildcardAddressItAnswersOnEveryInterface() throws IOException {
        try (SiteServer everywhere = SiteServer.start(InetAddress.getByName("0.0.0.0"), 0, SHORT)) {
            assertThat(everywhere.host().isAnyLocalAddress()).isTrue();
            try (RawHttp local = new RawHttp(LOOPBACK, everywhere.port(), CLIENT_TIMEOUT_MILLIS)) {
                assertThat(local.get("/").status()).isEqualTo(200);
            }
            Optional<InetAddress> lan = nonLoopbackAddress();
            Assumptions.assumeTrue(lan.isPresent(), "this machine has no network address besides loopback");
            try (RawHttp student = new RawHttp(lan.get(), everywhere.port(), CLIENT_TIMEOUT_MILLIS)) {
                assertThat(student.get("/").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void onOneAddressItAnswersThereAndNotOnLoopback() throws IOException {
        Optional<InetAddress> lan = nonLoopbackAddress();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no network address besides loopback");
        try (SiteServer one = SiteServer.start(lan.get(), 0, SHORT)) {
            assertThat(one.address()).isEqualTo(SiteServer.address(lan.get(), one.port()));
            try (RawHttp student = new RawHttp(lan.get(), one.port(), CLIENT_TIMEOUT_MILLIS)) {
                assertThat(student.get("/").status()).isEqualTo(200);
            }
            assertThatThrownBy(() -> new RawHttp(LOOPBACK, one.port(), 1000).close())
                    .isInstanceOf(ConnectException.class);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(SiteServerTest::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
