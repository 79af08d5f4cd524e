package micrograd.app;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;

/**
 * The addresses at which other machines can reach a server listening on {@code host}: that address itself, or for
 * a wildcard address every address of this machine's interfaces that are up, except loopback and link-local ones (a
 * link-local IPv6 address needs a zone that a link cannot carry). IPv4 first, as phones on a classroom network
 * mostly use it.
 */
final class ReachableAddresses {

    private ReachableAddresses() {
    }

    static List<InetAddress> of(InetAddress host) throws SocketException {
        if (!host.isAnyLocalAddress()) {
            return host.isLoopbackAddress() ? List.of() : List.of(host);
        }
        boolean ipv6 = host instanceof Inet6Address;
        return NetworkInterface.networkInterfaces().filter(ReachableAddresses::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .filter(address -> address instanceof Inet4Address || ipv6)
                .sorted((a, b) -> Boolean.compare(a instanceof Inet6Address, b instanceof Inet6Address))
                .distinct()
                .toList();
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
