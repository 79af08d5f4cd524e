package micrograd.playground;

import java.time.Duration;

/**
 * How much one client may hold of {@link SiteServer}: the connections served at once (each has its own worker
 * thread; further connections wait in the operating system's queue until one ends), how long a connection may sit
 * idle between requests, how long a request's head may take to arrive and how large it may be, and how long a
 * response may take to be taken in. A client past any of these is disconnected, so a stalled or pipelining client
 * holds one worker for a bounded time and never the others.
 */
public record ServerLimits(int connections, Duration idle, Duration requestHead, int requestHeadBytes,
        Duration response) {

    /** The bounds {@code micrograd playground} serves with; docs/limits.md lists them. */
    public static final ServerLimits DEFAULT = new ServerLimits(64, Duration.ofSeconds(5), Duration.ofSeconds(10),
            8192, Duration.ofSeconds(60));

    public ServerLimits {
        if (connections < 1 || requestHeadBytes < 64) {
            throw new IllegalArgumentException("a server needs at least one connection and 64 bytes of request head, "
                    + "got " + connections + " and " + requestHeadBytes);
        }
    }
}
