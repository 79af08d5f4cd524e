package micrograd.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import micrograd.data.Dataset;
import micrograd.files.AtomicFiles;
import micrograd.files.OutputFolderException;
import micrograd.io.ModelFile;
import micrograd.nn.MLP;
import micrograd.nn.Metrics;
import micrograd.nn.Trainer;
import micrograd.nn.TrainingStep;
import micrograd.plot.DecisionBoundaryPlot;
import micrograd.plot.TrainingPlot;

/**
 * What {@code demo} and {@code train} share: print the model, train it with progress, report the accuracy, and write
 * the decision-boundary picture (two features only), the training picture and the model file into the output folder
 * as {@code NAME-decision-boundary.png}, {@code NAME-training.png} and {@code NAME-model.json}. The picture shows
 * {@code all} points; the model trains on {@code train} and is also measured on {@code test} when there is one.
 */
record TrainingSession(String name, MLP model, Trainer trainer, Dataset all, Dataset train, Dataset test, Path outDir) {

    /** Runs the session, printing to {@code out}; returns the files written. */
    List<Path> run(PrintWriter out) {
        // fail on a bad --out or a model that does not fit the data before spending time on training
        try {
            AtomicFiles.ensureFolder(outDir.toAbsolutePath());
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
        }
        out.println(test == null ? accuracyLine("final accuracy", train)
                : accuracyLine("train accuracy", train) + ", " + accuracyLine("test accuracy", test));

        List<Path> written = new ArrayList<>();
        try {
            if (train.dimension() == 2) {
                written.add(DecisionBoundaryPlot.save(outDir.resolve(name + "-decision-boundary.png"),
                        name + ": decision regions of " + describe(model), model, all));
            } else {
                out.println("(no decision-boundary picture: the data has " + train.dimension()
                        + " features, the picture needs 2)");
            }
            written.add(TrainingPlot.save(outDir.resolve(name + "-training.png"), name + ": training", history));
            Path modelFile = outDir.resolve(name + "-model.json");
            ModelFile.save(model, modelFile);
            written.add(modelFile);
        } catch (OutputFolderException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException("cannot write into " + outDir + ": " + e.getMessage()
                    + "; choose a folder you can write to with --out DIR", e);
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
