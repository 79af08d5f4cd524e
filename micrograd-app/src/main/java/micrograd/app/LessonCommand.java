package micrograd.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import micrograd.files.OutputFolderException;
import micrograd.lessons.LessonFailedException;
import micrograd.lessons.LessonRunner;
import micrograd.lessons.Notebooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code micrograd lesson [N]}: runs lesson N ({@code lessons/NN-name.jsh}) in JShell, or lists the lessons. A lesson
 * that stops (a snippet that throws or does not compile) ends the command with status 1 and the lesson's message.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = {"Runs lesson N of the lecture (lessons/NN-name.jsh) in JShell; without N, lists the lessons.",
                "The lesson prints the lecture's numbers and writes its pictures under out/lessons in the current "
                        + "folder."})
final class LessonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "N", description = "the lesson's number, e.g. 4")
    String number;

    @Override
    public Integer call() throws Exception {
        List<Path> lessons = Notebooks.lessonFiles(ProjectFolder.lessons());
        if (number == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Lessons (run one with 'micrograd lesson N'):");
            for (Path lesson : lessons) {
                out.printf("  %2d  %s%n", numberOf(lesson), titleOf(lesson));
            }
            return Main.OK;
        }
        int wanted = number.matches("\\d{1,2}") ? Integer.parseInt(number) : -1;
        Path lesson = lessons.stream().filter(file -> numberOf(file) == wanted).findFirst().orElseThrow(
                () -> new UsageException("there is no lesson '" + number + "'; run 'micrograd lesson' to list them"));
        try {
            LessonRunner.run(lesson);
            return Main.OK;
        } catch (LessonFailedException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
            return Main.INTERNAL_ERROR;
        } catch (OutputFolderException e) {
            throw new UsageException(e.getMessage() + " (lessons write their pictures under out/ in the current "
                    + "folder)", e);
        }
    }

    /** 4 for {@code 04-manual-backpropagation.jsh}. */
    private static int numberOf(Path lesson) {
        return Integer.parseInt(lesson.getFileName().toString().substring(0, 2));
    }

    /** The lesson's first line, {@code // # Lesson 4: title}, without its markup. */
    private static String titleOf(Path lesson) throws IOException {
        try (var lines = Files.lines(lesson)) {
            return lines.findFirst().orElse("").replaceFirst("^// # Lesson \\d+: ", "");
        }
    }
}
