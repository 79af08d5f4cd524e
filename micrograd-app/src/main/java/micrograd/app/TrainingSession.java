package micrograd.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import micrograd.data.Dataset;
import micrograd.files.AtomicFiles;
import micrograd.files.FileErrors;
import micrograd.files.OutputFolderException;
import micrograd.io.ModelFile;
import micrograd.io.SavedModel;
import micrograd.nn.MLP;
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

    /**
     * Runs the session, printing to {@code out}; returns the files written. A run that fails writes nothing; one that
     * succeeds replaces its files together (see {@link AtomicFiles#replaceTogether}).
     */
    List<Path> run(PrintWriter out) {
        // fail on a bad --out or a model that does not fit the data before spending time on training
        try {
            AtomicFiles.checkWritableFolder(outDir);
            trainer.loss().checkFits(model, train);
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
            throw new UsageException(e.getMessage() + " (--lr); nothing was written", e);
        }
        out.println(test == null ? accuracyLine("final accuracy", train)
                : accuracyLine("train accuracy", train) + ", " + accuracyLine("test accuracy", test));

        List<Path> written;
        try {
            written = AtomicFiles.replaceTogether(outDir, name, folder -> {
                List<Path> files = new ArrayList<>();
                if (train.dimension() == 2) {
                    files.add(DecisionBoundaryPlot.save(folder.resolve(name + "-decision-boundary.png"),
                            name + ": decision regions of " + describe(model), model, all));
                }
                files.add(TrainingPlot.save(folder.resolve(name + "-training.png"), name + ": training", history));
                Path modelFile = folder.resolve(name + "-model.json");
                ModelFile.save(new SavedModel(model, namedFeatures ? all.featureNames() : List.of(), classNames),
                        modelFile);
                files.add(modelFile);
                return files;
            });
        } catch (OutputFolderException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException("cannot write into " + outDir + ": " + FileErrors.reason(e)
                    + "; nothing was written; choose a folder you can write to with --out DIR", e);
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

    private String accuracyLine(String what, Dataset data) {
        return String.format(Locale.ROOT, "%s %.1f%% on %d points", what, 100 * Metrics.accuracy(model, data),
                data.size());
    }

    /** "MLP(2, [16, 16, 1])", shorter than MLP's full toString for a picture's title. */
    private static String describe(MLP model) {
        return "MLP(" + model.nin() + ", " + model.sizes() + ")";
    }
}
