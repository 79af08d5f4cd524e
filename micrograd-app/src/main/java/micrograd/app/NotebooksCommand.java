package micrograd.app;

import java.util.concurrent.Callable;
import micrograd.lessons.NotebookExecution;
import micrograd.lessons.Notebooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code micrograd notebooks}: regenerates the lessons' Jupyter notebooks from the lesson files, executed. */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = {"Regenerates the lessons' Jupyter notebooks (lessons/notebooks/NN-name.ipynb) from the lesson "
                + "files (lessons/NN-name.jsh) and executes each in Jupyter with the Rapaio Java kernel, so that it "
                + "shows its outputs, pictures inline (a few minutes).",
                "A test fails when a committed notebook differs from what this writes."})
final class NotebooksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!NotebookExecution.available()) {
            throw new UsageException("executing the notebooks needs Jupyter and its Java kernel; install them with "
                    + NotebookExecution.INSTALL);
        }
        Notebooks.write(ProjectFolder.lessons(), notebook -> spec.commandLine().getOut().println("wrote " + notebook));
        return Main.OK;
    }
}
