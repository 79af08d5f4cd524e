package micrograd.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import micrograd.data.Dataset;
import micrograd.files.AtomicFiles;
import micrograd.files.FileErrors;
import micrograd.files.OutputFolderException;
import micrograd.io.ModelFile;
import micrograd.io.SavedModel;
import micrograd.nn.MLP;
import micrograd.plot.ChartFiles;
import micrograd.plot.Classifier;
import micrograd.plot.DecisionBoundaryPlot;
import micrograd.plot.TrainingPlot;
import micrograd.train.Metrics;
import micrograd.train.Trainer;
import micrograd.train.TrainingDivergedException;
import micrograd.train.TrainingStep;

/**
 * What {@code demo} and {@code train} share: print the model, train it with progress, report the accuracy, and write
 * the decision-boundary picture (two features only), the training picture and the model file into the output folder
 * as {@code NAME-decision-boundary.png}, {@code NAME-training.png} and {@code NAME-model.json}. The picture shows
 * {@code all} points; the model trains on {@code train} and is also measured on {@code test} when there is one. The
 * model file names the features when {@code namedFeatures} (data from a CSV file, whose columns predict then finds by
 * name), not for a built-in dataset's made-up names; it names the classes when {@code classNames} does (a CSV file's
 * labels, in which predict then answers).
 */
record TrainingSession(String name, MLP model, Trainer trainer, Dataset all, Dataset train, Dataset test, Path outDir,
                       boolean namedFeatures, List<String> classNames) {

    /** The PNG text keyword under which a run writes its id into its pictures, as its model file's "run". */
    static final String RUN_KEYWORD = "micrograd-run";

    /**
     * Runs the session, printing to {@code out}; returns the files written. A run that fails writes nothing; one that
     * succeeds replaces its files together (see {@link AtomicFiles#replaceTogether}).
     */
    List<Path> run(PrintWriter out) {
        // fail on a bad --out, a model that does not fit the data or a step too large for the heap before spending
        // time on training
        try {
            AtomicFiles.checkWritableFolder(outDir);
            trainer.loss().checkFits(model, train);
            HeapBudget.checkTrainingStep(model.parameterCount(), rowsPerStep());
        } catch (OutputFolderException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        out.println(model);
        out.println("number of parameters " + model.parameterCount());
        out.println(trainer);
        out.flush();
        List<TrainingStep> history;
        try (StepReporter reporter = StepReporter.of(out, trainer.steps())) {
            history = trainer.fit(model, train, reporter);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (TrainingDivergedException e) {
            throw new UsageException(e.getMessage() + " (--lr, --l2); nothing was written", e);
        }
        out.println(test == null ? accuracyLine("final accuracy", train)
                : accuracyLine("train accuracy", train) + ", " + accuracyLine("test accuracy", test));

        // one id in every file of the run: a kill -9 between the renames can leave files of two runs side by side
        String run = UUID.randomUUID().toString();
        Map<String, String> pictureText = Map.of(RUN_KEYWORD, run);
        List<Path> written;
        try {
            written = AtomicFiles.replaceTogether(outDir, name, folder -> {
                List<Path> files = new ArrayList<>();
                if (train.dimension() == 2) {
                    files.add(writeFile(folder, name + "-decision-boundary.png", file -> ChartFiles.savePng(
                            DecisionBoundaryPlot.chart(name + ": decision regions of " + describe(model),
                                    Classifier.of(model), all), file, pictureText)));
                }
                files.add(writeFile(folder, name + "-training.png", file -> ChartFiles.savePng(
                        TrainingPlot.chart(name + ": training", history), file, pictureText)));
                files.add(writeFile(folder, name + "-model.json", file -> ModelFile.save(new SavedModel(model,
                        namedFeatures ? all.featureNames() : List.of(), classNames, run), file)));
                return files;
            });
        } catch (OutputFolderException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            String file = e instanceof FileSystemException failed && failed.getFile() != null ? failed.getFile()
                    : outDir.toString();
            throw new UsageException("cannot write " + file + ": " + FileErrors.reason(e)
                    + "; nothing was written; fix that or choose another folder with --out DIR", e);
        }
        if (train.dimension() != 2) {
            out.println("(no decision-boundary picture: the data has " + train.dimension()
                    + " features, the picture needs 2)");
        }
        for (Path file : written) {
            out.println("wrote " + file);
        }
        return written;
    }

    /** The rows of one step: the batch, or every row (a batch larger than the data is the trainer's to refuse). */
    private long rowsPerStep() {
        return trainer.batchSize() == 0 ? train.size() : Math.min(trainer.batchSize(), train.size());
    }

    /**
     * Lets {@code write} write one file of the set into the staging {@code folder}; a failure names the file by its
     * place in the output folder (the staging folder's name means nothing to the user).
     */
    private Path writeFile(Path folder, String fileName, AtomicFiles.Producer write) throws IOException {
        Path file = folder.resolve(fileName);
        try {
            write.produce(file);
        } catch (IOException e) {
            throw new FileSystemException(outDir.resolve(fileName).toString(), null, FileErrors.reason(e));
        }
        return file;
    }

    private String accuracyLine(String what, Dataset data) {
        return String.format(Locale.ROOT, "%s %.1f%% on %d points", what, 100 * Metrics.accuracy(model, data),
                data.size());
    }

    /** "MLP(2, [16, 16, 1])", shorter than MLP's full toString for a picture's title. */
    private static String describe(MLP model) {
        return "MLP(" + model.nin() + ", " + model.sizes() + ")";
    }
}
