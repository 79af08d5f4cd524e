package micrograd.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import micrograd.files.AtomicFiles;
import micrograd.files.OutputFolderException;
import micrograd.playground.SiteServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code micrograd playground}: serves the browser playground on 127.0.0.1, or writes it out as a static site. */
@Command(name = "playground", mixinStandardHelpOptions = true,
        description = {"Serves the browser playground (the engine compiled to WebAssembly and JavaScript: an "
                + "expression's graph, its gradients, a variable nudged by h, backward step by step) on 127.0.0.1 and "
                + "prints its address; Ctrl-C stops.",
                "With --export DIR, writes the static site into DIR instead, for any static host."},
        footer = {"", "Examples:", "  micrograd playground", "  micrograd playground --export site"})
final class PlaygroundCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "the port to serve on (default: a free one)")
    int port;

    @Option(names = "--export", paramLabel = "DIR", description = "write the static site into DIR and exit")
    Path exportFolder;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + " is not a port; give one from 1 to 65535, or leave it out "
                    + "for a free one");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (exportFolder != null) {
            export(out);
            return Main.OK;
        }
        SiteServer server;
        try {
            server = SiteServer.start(port);
        } catch (BindException e) {
            throw new UsageException("cannot serve on port " + port + " (" + e.getMessage() + "); choose another "
                    + "--port or leave it out for a free one", e);
        }
        try (server) {
            out.println("serving the playground at " + server.address() + " (Ctrl-C stops)");
            out.flush();
            new CountDownLatch(1).await(); // until Ctrl-C ends the program
        }
        return Main.OK;
    }

    private void export(PrintWriter out) throws IOException {
        try {
            AtomicFiles.ensureFolder(exportFolder.toAbsolutePath());
        } catch (OutputFolderException e) {
            throw new UsageException(e.getMessage(), e);
        }
        for (String file : SiteServer.FILES) {
            Path target = exportFolder.resolve(file);
            try (InputStream in = SiteServer.open(file)) {
                AtomicFiles.write(target, in::transferTo);
            }
        }
        out.println("wrote the playground (" + SiteServer.FILES.size() + " files) to " + exportFolder
                + "; open index.html in a browser or put the folder on any static host");
    }
}
