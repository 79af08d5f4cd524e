package micrograd.playground;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The part of an HTTP/1.x request {@link SiteServer} acts on: the method, the path, whether the client takes gzip
 * and keeps the connection, the validator it already holds, and whether a body follows (none is read: a request with
 * one is refused and its connection closed, so the next request is never read from the middle of a body).
 */
record RequestHead(String method, String path, boolean acceptsGzip, boolean keepAlive, String ifNoneMatch,
        boolean hasBody) {

    /** Why a request cannot be served, with the status that says so. */
    static final class BadRequestException extends IOException {
        final int status;

        BadRequestException(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    /**
     * Reads one request head (request line and header lines, up to the blank line) whose first byte was
     * {@code first}; refuses one longer than {@code maxBytes} (431) or not HTTP/1.x (400). Returns null if the client
     * closed the connection first.
     */
    static RequestHead read(int first, InputStream in, int maxBytes) throws IOException {
        byte[] head = new byte[maxBytes];
        int length = 0;
        int b = first;
        while (true) {
            if (b < 0) {
                return null;
            }
            if (length == maxBytes) {
                throw new BadRequestException(431, "request head over " + maxBytes + " bytes");
            }
            head[length++] = (byte) b;
            if (b == '\n' && (endsWith(head, length, "\n\n") || endsWith(head, length, "\r\n\r\n"))) {
                break;
            }
            b = in.read();
        }
        return parse(new String(head, 0, length, StandardCharsets.ISO_8859_1));
    }

    private static boolean endsWith(byte[] bytes, int length, String suffix) {
        if (length < suffix.length()) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (bytes[length - suffix.length() + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static RequestHead parse(String head) throws BadRequestException {
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !requestLine[2].matches("HTTP/1\\.[01]") || requestLine[0].isEmpty()
                || !requestLine[1].startsWith("/")) {
            throw new BadRequestException(400, "not an HTTP/1.x request line");
        }
        boolean http10 = requestLine[2].equals("HTTP/1.0");
        boolean acceptsGzip = false;
        String connection = "";
        String ifNoneMatch = null;
        boolean hasBody = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new BadRequestException(400, "a header line without a name");
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            switch (name) {
                case "accept-encoding" -> acceptsGzip |= value.toLowerCase(Locale.ROOT).matches(".*\\bgzip\\b.*")
                        && !value.toLowerCase(Locale.ROOT).matches(".*\\bgzip\\s*;\\s*q=0(\\.0*)?\\s*(,.*)?");
                case "connection" -> connection = value.toLowerCase(Locale.ROOT);
                case "if-none-match" -> ifNoneMatch = value;
                case "transfer-encoding" -> hasBody = true;
                case "content-length" -> hasBody |= !value.equals("0");
                default -> { }
            }
        }
        String target = requestLine[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        return new RequestHead(requestLine[0], path, acceptsGzip, keepAlive, ifNoneMatch, hasBody);
    }
}
