package micrograd.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import micrograd.data.Numbers;
import micrograd.files.AtomicFiles;
import micrograd.files.FileErrors;
import micrograd.files.OutputFolderException;
import micrograd.playground.ServerLimits;
import micrograd.playground.SiteServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code micrograd playground}: serves the browser playground on 127.0.0.1 (or on the network with --host, with the
 * addresses and their QR codes printed for students), or writes it out as a static site.
 */
@Command(name = "playground", mixinStandardHelpOptions = true,
        description = {"Serves the browser playground (the engine compiled to WebAssembly and JavaScript: an "
                + "expression's graph, its gradients, a variable nudged by h, backward step by step) on 127.0.0.1 and "
                + "prints its address; Ctrl-C stops.",
                "With --host 0.0.0.0 (or one address of this machine) it listens on the network instead and prints "
                + "each address students can open, with a QR code to scan.",
                "With --export DIR, writes the static site into DIR instead, for any static host."},
        footer = {"", "Examples:", "  micrograd playground", "  micrograd playground --host 0.0.0.0 --port 8000",
                "  micrograd playground --export site"})
final class PlaygroundCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "the port to serve on (default: a free one)")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "the address to listen on: 0.0.0.0 (or ::) for "
            + "every network this machine is on, or one of its addresses (default: 127.0.0.1, this machine only)")
    String host;

    @Option(names = "--export", paramLabel = "DIR", description = "write the static site into DIR and exit")
    Path exportFolder;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (exportFolder != null) {
            if (port != null || host != null) {
                throw new UsageException((port != null ? "--port" : "--host") + " is for serving, and --export "
                        + "writes files instead; give one or the other");
            }
            export(out);
            return Main.OK;
        }
        int chosenPort = port == null ? 0 : port;
        if (chosenPort < 0 || chosenPort > 65535) {
            throw new UsageException("--port " + chosenPort + " is not a port; give one from 1 to 65535, or leave it "
                    + "out for a free one");
        }
        InetAddress address = address();
        SiteServer server;
        try {
            server = SiteServer.start(address, chosenPort, ServerLimits.DEFAULT);
        } catch (BindException e) {
            throw new UsageException("cannot serve on " + address.getHostAddress() + " port " + chosenPort + " ("
                    + e.getMessage() + "); " + (host == null ? "" : "give --host an address of this machine, or "
                    + "0.0.0.0 for all of them, and ") + "choose another --port or leave it out for a free one", e);
        }
        try (server) {
            announce(server, out);
            new CountDownLatch(1).await(); // until Ctrl-C ends the program
        }
        return Main.OK;
    }

    private InetAddress address() {
        if (host == null) {
            return InetAddress.getLoopbackAddress();
        }
        if (host.isBlank()) {
            throw new UsageException("--host is empty; give an address such as 0.0.0.0, or leave it out to serve on "
                    + "127.0.0.1");
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("--host '" + Numbers.printable(host) + "' is not an address or a name this "
                    + "machine can look up; give an address such as 0.0.0.0 or 192.168.1.10", e);
        }
    }

    private static void announce(SiteServer server, PrintWriter out) throws IOException {
        List<InetAddress> reachable = ReachableAddresses.of(server.host());
        if (server.host().isLoopbackAddress()) {
            out.println("serving the playground at " + server.address() + " (Ctrl-C stops)");
        } else if (reachable.isEmpty()) {
            out.println("serving the playground at " + server.address() + " (Ctrl-C stops); this machine has no "
                    + "network address besides loopback, so only it can open the page");
        } else {
            out.println("serving the playground on " + server.host().getHostAddress() + " port " + server.port()
                    + " (Ctrl-C stops); students can open:");
            for (InetAddress student : reachable) {
                String link = SiteServer.address(student, server.port()).toString();
                out.println();
                out.println("  " + link);
                out.print(TerminalQrCode.draw(link));
            }
            out.println();
            out.println("note: the playground is visible to every device on " + (reachable.size() == 1 ? "that network"
                    : "those networks") + " (read-only: only its own files are served)");
        }
        out.flush();
    }

    private void export(PrintWriter out) {
        List<Path> written;
        try {
            written = AtomicFiles.replaceTogether(exportFolder, "playground", staging -> {
                List<Path> files = new ArrayList<>();
                for (String file : SiteServer.FILES) {
                    try (InputStream in = SiteServer.open(file)) {
                        files.add(AtomicFiles.write(staging.resolve(file), in::transferTo));
                    }
                }
                return files;
            });
        } catch (OutputFolderException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (FileSystemException e) {
            throw new UsageException("cannot export the playground to " + exportFolder + ": " + e.getFile() + ": "
                    + FileErrors.reason(e) + "; nothing was replaced", e);
        } catch (IOException e) {
            throw new UsageException("cannot export the playground to " + exportFolder + ": " + FileErrors.reason(e)
                    + "; nothing was replaced", e);
        }
        out.println("wrote the playground (" + written.size() + " files) to " + exportFolder
                + "; open index.html in a browser or put the folder on any static host");
    }
}
