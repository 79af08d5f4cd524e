package micrograd.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import micrograd.lessons.Notebooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code micrograd notebooks}: regenerates the lessons' Jupyter notebooks from the lesson files. */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = {"Regenerates the lessons' Jupyter notebooks (lessons/notebooks/NN-name.ipynb) from the lesson "
                + "files (lessons/NN-name.jsh).",
                "A test fails when a committed notebook differs from what this writes."})
final class NotebooksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (Path notebook : Notebooks.write(ProjectFolder.lessons())) {
            spec.commandLine().getOut().println("wrote " + notebook);
        }
        return Main.OK;
    }
}
