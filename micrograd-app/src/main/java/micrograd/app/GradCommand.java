package micrograd.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import micrograd.draw.Graphviz;
import micrograd.draw.GraphvizNotFoundException;
import micrograd.data.Numbers;
import micrograd.engine.Value;
import micrograd.expr.ExpressionException;
import micrograd.expr.Assignments;
import micrograd.expr.ExpressionParser;
import micrograd.expr.Program;
import micrograd.files.AtomicFiles;
import micrograd.files.FileErrors;
import micrograd.files.OutputFolderException;
import micrograd.graph.BackwardSteps;
import micrograd.graph.GraphDot;
import micrograd.graph.GraphJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code micrograd grad "EXPRESSION" a=2 b=-3}, or a program such as {@code "a = 2.0; b = -3.0; L = a*b"}: the
 * engine as a calculator of values and gradients, and the backward pass told step by step ({@code --steps}).
 */
@Command(name = "grad", mixinStandardHelpOptions = true,
        description = {"Evaluates an expression or a program with the engine, runs backward, and prints its value and "
                + "the gradient of every name.",
                "Operators + - * / ** with Python's precedence, unary minus, parentheses, numbers, and the functions "
                        + "exp, log, tanh, relu, sigmoid. A program is statements NAME = EXPRESSION separated by "
                        + "newlines or ';', the last one the output; a name assigned a number is a leaf. Quote it."},
        footer = {"", "Examples:", "  micrograd grad \"(a*b + c) * f\" a=2 b=-3 c=10 f=-2 --svg graph.svg",
                "  micrograd grad \"a = 2.0; b = -3.0; c = 10.0; e = a*b; d = e + c; f = -2.0; L = d*f\" --steps"})
final class GradCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPRESSION", description = "for example \"tanh(x1*w1 + x2*w2 + b)\", or "
            + "a program: \"x1 = 2.0; w1 = -3.0; b = 6.88; n = x1*w1 + b; o = tanh(n)\"")
    String expression;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "a value for each variable, e.g. a=2 b=-3")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--dot", paramLabel = "FILE", description = "write the graph as Graphviz DOT text")
    Path dotFile;

    @Option(names = "--svg", paramLabel = "FILE", description = "draw the graph as SVG (needs Graphviz's dot)")
    Path svgFile;

    @Option(names = "--png", paramLabel = "FILE", description = "draw the graph as PNG (needs Graphviz's dot)")
    Path pngFile;

    @Option(names = "--steps", description = "print the backward pass step by step, one line per step, as the "
            + "playground's stepper tells it, after the value and gradient lines")
    boolean steps;

    @Option(names = "--json", description = "print the graph as JSON (every node's data, grad, operation and "
            + "operands) instead of the value and gradient lines; 'wrote' lines then go to stderr")
    boolean json;

    @Override
    public void run() {
        if (json && steps) {
            throw new UsageException("--steps and --json both print to standard output; use one of them");
        }
        checkPictureNames();
        Map<String, Value> variables = parseAssignments(assignments);
        Program program;
        try {
            program = Program.parse(expression, variables);
        } catch (ExpressionException e) {
            throw new UsageException((e.statement() > 0 ? "invalid program at " : "invalid expression at ")
                    + e.getMessage() + " (in \"" + Numbers.printable(expression) + "\")");
        }
        checkOutputFiles();
        Value result = program.output();
        result.backward();

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(GraphJson.of(result));
            out.flush();
        } else {
            out.println("value = " + result.data());
            for (Map.Entry<String, Value> name : program.names().entrySet()) {
                out.println("d/d" + name.getKey() + " = " + name.getValue().grad());
            }
        }
        if (steps) {
            new BackwardSteps(result).summary().forEach(out::println);
        }
        writeDrawings(GraphDot.of(result), json ? spec.commandLine().getErr() : out);
    }

    private void writeDrawings(String dot, PrintWriter out) {
        try {
            if (dotFile != null) {
                out.println("wrote " + AtomicFiles.writeString(dotFile, dot));
            }
            Graphviz graphviz = new Graphviz();
            for (Path picture : new Path[] {svgFile, pngFile}) {
                if (picture != null) {
                    out.println("wrote " + render(graphviz, dot, picture));
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot write the graph drawing: " + describe(e), e);
        }
    }

    /** Refuses unusable picture names before any work, so that a mistake there prints nothing else. */
    private void checkPictureNames() {
        for (Path picture : new Path[] {svgFile, pngFile}) {
            if (picture != null && Graphviz.formatOf(picture) == null) {
                throw new UsageException("cannot draw " + picture + ": the file name must end in .svg or .png");
            }
        }
    }

    /** Refuses output files that cannot be written, before anything is written (and without creating anything). */
    private void checkOutputFiles() {
        try {
            for (Path file : new Path[] {dotFile, svgFile, pngFile}) {
                if (file != null) {
                    AtomicFiles.checkWritableFile(file);
                }
            }
        } catch (OutputFolderException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException("cannot write " + describe(e) + "; choose another file", e);
        }
    }

    /** An I/O failure with the system's reason, and the file's name where Java's message is only that name. */
    private static String describe(IOException e) {
        return e instanceof FileSystemException failed && failed.getFile() != null
                ? failed.getFile() + ": " + FileErrors.reason(e) : FileErrors.reason(e);
    }

    /** Draws the picture; without Graphviz, saves the DOT text beside it and says how to install Graphviz. */
    private Path render(Graphviz graphviz, String dot, Path picture) throws IOException {
        try {
            return graphviz.render(dot, picture);
        } catch (GraphvizNotFoundException e) {
            throw new UsageException("cannot draw " + picture + ": " + e.getMessage() + "; " + saveFallback(dot, picture),
                    e);
        }
    }

    /**
     * Saves the DOT text beside a picture that could not be drawn, unless --dot already saved it, and never over an
     * existing file: the user did not name that file. Says where the text is, or how to get it.
     */
    private String saveFallback(String dot, Path picture) throws IOException {
        if (dotFile != null) {
            return "the graph's DOT text is in " + dotFile;
        }
        Path fallback = siblingDotFile(picture);
        if (Files.exists(fallback, LinkOption.NOFOLLOW_LINKS)) {
            return "the graph's DOT text was not saved, as " + fallback + " exists; save it with --dot FILE";
        }
        return "the graph's DOT text is in " + AtomicFiles.writeString(fallback, dot);
    }

    private static Path siblingDotFile(Path picture) {
        String name = picture.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return picture.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".dot");
    }

    /** {@code a=2} pairs, in command-line order, each a labelled leaf (see {@link Assignments}). */
    static Map<String, Value> parseAssignments(List<String> assignments) {
        for (String assignment : assignments) {
            if (assignment.startsWith("-")) {
                throw new UsageException("unknown option '" + assignment + "'; run 'micrograd grad --help' for the "
                        + "options");
            }
        }
        try {
            return Assignments.parse(assignments);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
