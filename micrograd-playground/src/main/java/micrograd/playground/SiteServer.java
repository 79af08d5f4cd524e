package micrograd.playground;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The built site, served from this module's jar on 127.0.0.1 by the JDK's HTTP server: the files of {@link #FILES}
 * and nothing else (any other path is 404), GET and HEAD only.
 */
public final class SiteServer implements AutoCloseable {

    /** Where the build puts the site on the class path. */
    public static final String RESOURCE_FOLDER = "micrograd/playground/site/";

    /**
     * Every file of the site, relative to its folder: the page and its icon, its engine's loader and the engine twice
     * (WebAssembly GC with TeaVM's runtime for it, and JavaScript), the scripts the views share (graphs, presenter
     * mode, speed, plots, sharing) and the share button's QR encoder, the training view's script and style, and viz.js
     * from its WebJar.
     */
    public static final List<String> FILES = List.of("index.html", "favicon.svg", "playground.css", "playground.js",
            "engine.js", "micrograd.wasm", "micrograd.wasm-runtime.js", "micrograd.js", "graphs.js", "presenter.js",
            "speed.js", "plots.js", "share.js", "qr.js", "training.css", "training.js", "viz/viz.js",
            "viz/full.render.js", "viz/LICENSE");

    /** By extension; WebAssembly's must be exact, since browsers compile a .wasm while it streams in only then. */
    private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "wasm", "application/wasm",
            "svg", "image/svg+xml");

    private final HttpServer server;

    private SiteServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving on 127.0.0.1 at {@code port}, or at a free port for 0. */
    public static SiteServer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", SiteServer::handle);
        server.start();
        return new SiteServer(server);
    }

    /** The page's address, {@code http://127.0.0.1:PORT/}. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** One file of the site as a stream; the caller closes it. */
    public static InputStream open(String file) {
        InputStream in = SiteServer.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + file);
        if (in == null) {
            throw new UncheckedIOException(new IOException("the playground's " + file + " is missing from the class "
                    + "path: build micrograd-playground (mvn -pl micrograd-playground -am package)"));
        }
        return in;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String file = path.equals("/") ? "index.html" : path.substring(1);
            String method = exchange.getRequestMethod();
            if (!FILES.contains(file) || !(method.equals("GET") || method.equals("HEAD"))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (InputStream in = open(file)) {
                body = in.readAllBytes();
            }
            String extension = file.substring(file.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPES.getOrDefault(extension, "text/plain"));
            exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : body.length);
            if (method.equals("GET")) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
