package micrograd.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import micrograd.data.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code micrograd} command line. Exit status: 0 success, 2 bad input (one line on stderr naming the problem and
 * what to do), 1 an unexpected internal error (one line; the stack trace only with {@code --debug}).
 */
@Command(name = "micrograd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A tiny autograd engine and neural-net library, after Karpathy's micrograd.",
        footer = {"", "Run 'micrograd COMMAND --help' for a command's options. Add --debug to any command to see "
                + "the stack trace of an internal error."})
public final class Main implements Runnable {

    /** Exit status for success. */
    public static final int OK = 0;
    /** Exit status for an unexpected internal error. */
    public static final int INTERNAL_ERROR = 1;
    /** Exit status for bad input: an unknown command or option, a bad file, an invalid expression. */
    public static final int BAD_INPUT = 2;

    /** The longest error line printed whole; a longer one is cut in its middle (see {@link #oneLine}). */
    static final int MESSAGE_CHARACTERS = 600;

    private static final String DEBUG_OPTION = "--debug";
    private static final Set<String> STANDARD_OPTIONS = Set.of("-h", "--help", "-V", "--version");
    /** The commands, in the order --help lists them. */
    static final List<String> COMMANDS = List.of("demo", "train", "predict", "grad", "lesson", "notebooks", "bench",
            "jshell", "gpt", "playground");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: choose one of " + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean debug = Arrays.asList(args).contains(DEBUG_OPTION);
        String[] commandArgs = Arrays.stream(args).filter(arg -> !arg.equals(DEBUG_OPTION)).toArray(String[]::new);
        if (asksOnlyForTheVersion(commandArgs)) {
            return printVersion(out, err);
        }
        CommandLine commandLine = new CommandLine(new Main());
        for (String name : commandsNeeded(commandArgs)) {
            commandLine.addSubcommand(name, command(name));
        }
        commandLine.setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((e, ignored) -> badUsage(e, err))
                .setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd, err, debug));
        // every number option is read as people write numbers: no 1d, 0x1p3, NaN or Infinity
        ITypeConverter<Double> decimal = Main::decimal;
        commandLine.registerConverter(Double.class, decimal).registerConverter(double.class, decimal);
        // whole numbers in ASCII digits only: Java's parseInt also takes other scripts' digits ("--seed \u0661")
        ITypeConverter<Integer> integer = text -> (int) whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        ITypeConverter<Long> longInteger = text -> whole(text, Long.MIN_VALUE, Long.MAX_VALUE);
        commandLine.registerConverter(Integer.class, integer).registerConverter(int.class, integer)
                .registerConverter(Long.class, longInteger).registerConverter(long.class, longInteger);
        // an empty path would name the current folder: "--export ''" must not write into it
        commandLine.registerConverter(Path.class, Main::path);
        // an expression may start with '-' ("-a*b"): grad takes what looks like an unknown option as an argument
        if (commandLine.getSubcommands().containsKey("grad")) {
            commandLine.getSubcommands().get("grad").setUnmatchedOptionsArePositionalParams(true);
        }
        // picocli answers --version or --help and ignores what follows; a mistyped line should not pass for right
        if (commandArgs.length > 1 && STANDARD_OPTIONS.contains(commandArgs[0])
                && !COMMANDS.contains(commandArgs[1])) {
            err.println(oneLine("micrograd: " + commandArgs[0] + " takes no arguments, got '" + commandArgs[1]
                    + "'. Run 'micrograd --help' for usage."));
            err.flush();
            return BAD_INPUT;
        }
        try {
            return commandLine.execute(commandArgs);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler; these still get one line (Java's default is a trace)
            return failure(new IllegalStateException(e.toString(), e), commandLine, err, debug);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The commands a line needs: the one it names, all for anything else (help, a mistake). Picocli reads every
     * option of every command it is given, so giving it only the one that runs keeps the others' classes, and what
     * they use, from loading: a quicker start.
     */
    private static List<String> commandsNeeded(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]) ? List.of(args[0]) : COMMANDS;
    }

    private static boolean asksOnlyForTheVersion(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /**
     * Prints what picocli's {@code --version} would, without building the parser: reading the annotations of
     * {@code Main} is most of the start-up of so brief a command (about 0.18 s of 0.32 s on a quiet machine here).
     */
    private static int printVersion(PrintWriter out, PrintWriter err) {
        try {
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            return OK;
        } catch (IOException e) {
            err.println(oneLine("micrograd: cannot read the version: " + e.getMessage()));
            return INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A new instance of the command named {@code name}, one of {@link #COMMANDS}. */
    private static Object command(String name) {
        return switch (name) {
            case "demo" -> new DemoCommand();
            case "train" -> new TrainCommand();
            case "predict" -> new PredictCommand();
            case "grad" -> new GradCommand();
            case "lesson" -> new LessonCommand();
            case "notebooks" -> new NotebooksCommand();
            case "bench" -> new BenchCommand();
            case "jshell" -> new JShellCommand();
            case "gpt" -> new GptCommand();
            case "playground" -> new PlaygroundCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    private static Double decimal(String text) {
        try {
            return Numbers.parse(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static long whole(String text, long min, long max) {
        if (!text.matches("[+-]?[0-9]{1,19}")) {
            throw new TypeConversionException("'" + text + "' is not a whole number written with the digits 0-9");
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is out of range: give a whole number from " + min
                    + " to " + max);
        }
    }

    private static Path path(String text) {
        if (text.isBlank()) {
            throw new TypeConversionException("an empty name names no file or folder; give one");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + text + "' is not a file name this system can use ("
                    + e.getReason() + ")");
        }
    }

    private static int badUsage(ParameterException e, PrintWriter err) {
        CommandLine command = e.getCommandLine();
        String problem = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && command.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            problem = "unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
                    + String.join(", ", command.getSubcommands().keySet());
        }
        err.println(prefix(command) + oneLine(problem).replaceAll("\\.$", "") + ". Run '" + command.getCommandSpec().qualifiedName()
                + " --help' for usage.");
        return BAD_INPUT;
    }

    private static int failure(Exception e, CommandLine command, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof UsageException) {
            err.println(prefix(command) + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        err.println(prefix(command) + "internal error: " + oneLine(e.toString())
                + (debug ? "" : " (run again with --debug for the stack trace)"));
        return INTERNAL_ERROR;
    }

    private static String prefix(CommandLine command) {
        return command.getCommandSpec().qualifiedName() + ": ";
    }

    /**
     * A message as one line fit for a terminal: line breaks joined, control characters (a terminal's escapes among
     * them) shown as {@code \\uXXXX}, and a message longer than {@link #MESSAGE_CHARACTERS} (a huge input quoted in
     * it) cut in its middle, keeping its start and its advice at the end.
     */
    static String oneLine(String message) {
        String line = Numbers.printable(String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
        if (line.length() <= MESSAGE_CHARACTERS) {
            return line;
        }
        int keptAtEnd = MESSAGE_CHARACTERS / 3;
        int keptAtStart = MESSAGE_CHARACTERS - keptAtEnd;
        return line.substring(0, keptAtStart) + "… [" + (line.length() - keptAtStart - keptAtEnd)
                + " characters cut] …" + line.substring(line.length() - keptAtEnd);
    }
}
