package micrograd.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code micrograd jshell}: JShell on the project's jars, with the project's packages imported. */
@Command(name = "jshell", mixinStandardHelpOptions = true,
        description = {"Opens JShell on the project's jars with micrograd.engine, nn, data, graph, plot and draw "
                + "imported (and JShell's usual imports).",
                "Reads stdin, so a script can be piped in; /exit leaves."})
final class JShellCommand implements Callable<Integer> {

    /** Run after JShell's own start-up, and again after /reset. */
    static final String IMPORTS = """
            import micrograd.engine.*;
            import micrograd.nn.*;
import micrograd.train.*;
            import micrograd.data.*;
            import micrograd.graph.*;
            import micrograd.plot.*;
            import micrograd.draw.*;
            """;

    @Override
    public Integer call() throws Exception {
        // JShell takes its start-up snippets only from a file
        Path startup = Files.createTempFile("micrograd-jshell", ".jsh");
        try {
            Files.writeString(startup, IMPORTS);
            return JShellTool.run(List.of("--startup", "DEFAULT", "--startup", startup.toString()));
        } finally {
            Files.deleteIfExists(startup);
        }
    }
}
