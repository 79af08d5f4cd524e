package micrograd.app;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * The JDK's JShell tool, started in this process on the app's class path (so one build serves the commands and the
 * shell), reading stdin and writing stdout and stderr like the {@code jshell} command. The snippets run in JShell's
 * own JVM, headless, so that the plots work without a display.
 */
final class JShellTool {

    private JShellTool() {
    }

    /** Runs JShell with {@code arguments} (as the {@code jshell} command takes them) and returns its exit status. */
    static int run(List<String> arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("--class-path", System.getProperty("java.class.path"),
                "-R-Djava.awt.headless=true"));
        all.addAll(arguments);
        return JavaShellToolBuilder.builder().start(all.toArray(String[]::new));
    }
}
