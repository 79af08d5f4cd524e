package micrograd.playground;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * One file of the site as {@link SiteServer} sends it: its bytes, the same gzip-compressed when that is smaller (the
 * text files; compressed once, when first asked for), its content type, its validator (a hash of its bytes, for
 * conditional requests) and how long a browser may reuse it unasked.
 */
record SiteFile(byte[] bytes, byte[] gzipped, String contentType, String etag, String cacheControl) {

    /** By extension; WebAssembly's must be exact, since browsers compile a .wasm while it streams in only then. */
    private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "wasm", "application/wasm",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "json", "application/json");

    /**
     * The page is revalidated on every load (so a new version shows at once); the files it loads are reused for an
     * hour, then revalidated by their hash, which costs one short 304 while they have not changed.
     */
    private static final String PAGE_CACHE = "no-cache";
    private static final String ASSET_CACHE = "public, max-age=3600";

    static SiteFile load(String name) {
        byte[] bytes;
        try (InputStream in = SiteServer.open(name)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        byte[] gzipped = gzip(bytes);
        return new SiteFile(bytes, gzipped.length < bytes.length * 9L / 10 ? gzipped : null,
                CONTENT_TYPES.getOrDefault(extension, "text/plain; charset=utf-8"), etag(bytes),
                name.endsWith(".html") ? PAGE_CACHE : ASSET_CACHE);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
