package micrograd.playground;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import micrograd.playground.RequestHead.BadRequestException;

/**
 * The built site, served from this module's jar over HTTP/1.1: the files of {@link #FILES} and nothing else (any
 * other path is 404), GET and HEAD only (any other method is 405), read-only. It listens on 127.0.0.1 unless given
 * another address. Text files go out gzip-compressed to clients that take it, with cache headers and a validator.
 *
 * <p>Each connection has a worker thread of its own, at most {@link ServerLimits#connections()} at once, and every
 * wait on a client is bounded ({@link ServerLimits}): a client that stalls mid-request, sends an endless head, or
 * pipelines requests without reading the answers is disconnected, and holds one worker until then, never the rest.
 */
public final class SiteServer implements AutoCloseable {

    /** Where the build puts the site on the class path. */
    public static final String RESOURCE_FOLDER = "micrograd/playground/site/";

    /**
     * Every file of the site, relative to its folder: the page and its icon, its engine's loader and the engine twice
     * (WebAssembly GC with TeaVM's runtime for it, and JavaScript), the scripts the views share (graphs, presenter
     * mode, speed, plots, sharing) and the share button's QR encoder, the calculator's stepper, exercise and lecture
     * menu, the training view's and the gpt view's scripts and styles, microgpt's names (with their source and
     * licence) for the gpt view, and viz.js from its WebJar. SiteServerTest checks that it lists the built site whole.
     */
    public static final List<String> FILES = List.of("index.html", "favicon.svg", "playground.css", "playground.js",
            "stepper.js", "quiz.js", "lecture.js",
            "engine.js", "engine-worker.js", "micrograd.wasm", "micrograd.wasm-runtime.js", "micrograd.js", "graphs.js",
            "presenter.js", "speed.js", "plots.js", "share.js", "qr.js", "training.css", "training.js", "gpt.css", "gpt.js",
            "names/names.txt", "names/README.md", "viz/viz.js", "viz/full.render.js", "viz/LICENSE");

    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 304, "Not Modified", 400, "Bad Request",
            404, "Not Found", 405, "Method Not Allowed", 413, "Content Too Large",
            431, "Request Header Fields Too Large");

    private final ServerSocket listener;
    private final ServerLimits limits;
    private final Semaphore freeWorkers;
    private final ExecutorService workers;
    private final ScheduledExecutorService deadlines;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, SiteFile> files = new ConcurrentHashMap<>();
    private final Thread acceptor;

    private SiteServer(ServerSocket listener, ServerLimits limits) {
        this.listener = listener;
        this.limits = limits;
        this.freeWorkers = new Semaphore(limits.connections());
        this.workers = Executors.newFixedThreadPool(limits.connections(), daemon("playground-connection"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("playground-deadlines"));
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
        this.acceptor = daemon("playground-server").newThread(this::acceptLoop);
    }

    /** Starts serving on 127.0.0.1 at {@code port}, or at a free port for 0. */
    public static SiteServer start(int port) throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, ServerLimits.DEFAULT);
    }

    /**
     * Starts serving on {@code host} (one interface, or all of them for the wildcard 0.0.0.0 or ::) at {@code port},
     * or at a free port for 0, within {@code limits}.
     */
    public static SiteServer start(InetAddress host, int port, ServerLimits limits) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(host, port), 128);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        SiteServer server = new SiteServer(listener, limits);
        server.acceptor.start();
        return server;
    }

    /** The address the server listens on (a wildcard address when it listens on every interface). */
    public InetAddress host() {
        return listener.getInetAddress();
    }

    /** The port the server listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * The page's address on this machine: {@code http://127.0.0.1:PORT/} when the server listens on loopback or on
     * every interface, else the one address it listens on.
     */
    public URI address() {
        InetAddress host = host();
        return host.isAnyLocalAddress() || host.isLoopbackAddress() ? address(InetAddress.getLoopbackAddress(), port())
                : address(host, port());
    }

    /** The page's address at {@code host} and {@code port}. */
    public static URI address(InetAddress host, int port) {
        String literal = host.getHostAddress();
        if (host instanceof Inet6Address) {
            int zone = literal.indexOf('%');
            literal = "[" + (zone < 0 ? literal : literal.substring(0, zone)) + "]";
        }
        return URI.create("http://" + literal + ":" + port + "/");
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
        try {
            listener.close();
        } catch (IOException e) {
            // closing is all that is left to do; nothing to report
        }
        acceptor.interrupt();
        open.forEach(SiteServer::closeQuietly);
        workers.shutdownNow();
        deadlines.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                // a connection past the bound waits in the operating system's queue, not in a thread of ours
                freeWorkers.acquire();
                Socket socket = listener.accept();
                open.add(socket);
                workers.execute(() -> {
                    try {
                        serve(socket);
                    } finally {
                        open.remove(socket);
                        closeQuietly(socket);
                        freeWorkers.release();
                    }
                });
            } catch (IOException | InterruptedException | RejectedExecutionException e) {
                freeWorkers.release();
                if (listener.isClosed() || Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            boolean keepAlive = true;
            while (keepAlive) {
                socket.setSoTimeout(millis(limits.idle()));
                int first = in.read();
                if (first < 0) {
                    return;
                }
                socket.setSoTimeout(millis(limits.requestHead()));
                RequestHead request;
                try {
                    request = withDeadline(socket, limits.requestHead(),
                            () -> RequestHead.read(first, in, limits.requestHeadBytes()));
                } catch (BadRequestException e) {
                    withDeadline(socket, limits.response(), () -> writeError(out, e.status, false, e.getMessage()));
                    return;
                }
                if (request == null) {
                    return;
                }
                RequestHead next = request;
                keepAlive = withDeadline(socket, limits.response(), () -> respond(out, next));
            }
        } catch (IOException e) {
            // the client left, stalled past a bound, or sent what cannot be read: its connection ends here
        }
    }

    /** Answers one request; returns whether the connection stays open for the next. */
    private boolean respond(OutputStream out, RequestHead request) throws IOException {
        if (request.hasBody()) {
            return writeError(out, 413, false, "requests with a body are not taken");
        }
        boolean head = request.method().equals("HEAD");
        if (!head && !request.method().equals("GET")) {
            return writeError(out, 405, request.keepAlive(), "only GET and HEAD are served");
        }
        String name = request.path().equals("/") ? "index.html" : request.path().substring(1);
        if (!FILES.contains(name)) {
            return writeError(out, 404, request.keepAlive(), "not a file of the playground");
        }
        SiteFile file = files.computeIfAbsent(name, SiteFile::load);
        StringBuilder headers = new StringBuilder()
                .append("Content-Type: ").append(file.contentType()).append("\r\n")
                .append("Cache-Control: ").append(file.cacheControl()).append("\r\n")
                .append("ETag: ").append(file.etag()).append("\r\n")
                .append("X-Content-Type-Options: nosniff\r\n");
        if (file.gzipped() != null) {
            headers.append("Vary: Accept-Encoding\r\n");
        }
        if (file.etag().equals(request.ifNoneMatch())) {
            writeHead(out, 304, headers, -1, request.keepAlive());
        } else {
            boolean gzip = request.acceptsGzip() && file.gzipped() != null;
            byte[] body = gzip ? file.gzipped() : file.bytes();
            if (gzip) {
                headers.append("Content-Encoding: gzip\r\n");
            }
            writeHead(out, 200, headers, body.length, request.keepAlive());
            if (!head) {
                out.write(body);
            }
        }
        out.flush();
        return request.keepAlive();
    }

    private static boolean writeError(OutputStream out, int status, boolean keepAlive, String reason)
            throws IOException {
        byte[] body = (status + " " + REASONS.get(status) + ": " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder headers = new StringBuilder("Content-Type: text/plain; charset=utf-8\r\n");
        if (status == 405) {
            headers.append("Allow: GET, HEAD\r\n");
        }
        writeHead(out, status, headers, body.length, keepAlive);
        out.write(body);
        out.flush();
        return keepAlive;
    }

    private static void writeHead(OutputStream out, int status, StringBuilder headers, int contentLength,
            boolean keepAlive) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(REASONS.get(status))
                .append("\r\n").append(headers);
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** One phase of a connection: reading a request, or sending a response. */
    @FunctionalInterface
    private interface Phase<T> {
        T run() throws IOException;
    }

    /** Runs {@code phase}, closing the connection if it is still running after {@code bound}. */
    private <T> T withDeadline(Socket socket, Duration bound, Phase<T> phase) throws IOException {
        ScheduledFuture<?> alarm = deadlines.schedule(() -> closeQuietly(socket), millis(bound),
                TimeUnit.MILLISECONDS);
        try {
            return phase.run();
        } finally {
            alarm.cancel(false);
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closing; nothing to report
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
