package micrograd.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import micrograd.csv.CsvTable;
import micrograd.files.FileErrors;
import micrograd.io.ModelFile;
import micrograd.io.ModelFileException;
import micrograd.io.SavedModel;
import micrograd.nn.MLP;
import micrograd.train.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code micrograd predict --model FILE data.csv}: one predicted class per row. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Prints the class a saved model predicts for each row of a CSV file, one line per row, in "
                + "row order: for a one-output model 1 when the output is above its activation's threshold (0, or "
                + "0.5 for a sigmoid) and 0 otherwise, else the index of the largest output. A model trained on a "
                + "CSV file names its classes by the file's labels (cat, dog; 1, 2), and predict prints those.",
                "A model trained on a CSV file takes the columns of its features' names, wherever they are in the "
                        + "file; another (trained on a built-in dataset) takes the CSV's columns in order, a label "
                        + "column left out."},
        footer = {"", "Example:", "  micrograd predict --model out/moons-model.json points.csv"})
final class PredictCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file written by demo or train")
    Path modelFile;

    @Parameters(index = "0", paramLabel = "CSV", description = "the rows to predict")
    Path csv;

    @Option(names = "--label", paramLabel = "COLUMN", defaultValue = "label",
            description = "a column to leave out if the CSV has it (default: ${DEFAULT-VALUE})")
    String labelColumn;

    @Option(names = "--scores", description = "also print the model's raw outputs after the class, comma-separated")
    boolean scores;

    @Override
    public void run() {
        SavedModel saved = loadModel();
        MLP model = saved.model();
        CsvTable data = CsvInput.read(csv, file -> saved.featureNames().isEmpty()
                ? CsvTable.unlabelled(file, labelColumn, model.nin()) : CsvTable.columns(file, saved.featureNames()));
        double[][] rows = data.features();
        List<String> lines = new ArrayList<>(rows.length);
        for (int r = 0; r < rows.length; r++) {
            double[] outputs = model.predict(rows[r]);
            for (double output : outputs) {
                if (!Double.isFinite(output)) {
                    throw new UsageException(csv + ": data row " + (r + 1) + " " + Arrays.toString(rows[r])
                            + " gives the model an output of " + output + ", so it has no class; give features "
                            + "of the size the model was trained on");
                }
            }
            StringBuilder line = new StringBuilder().append(saved.className(Metrics.predictedClass(model, outputs)));
            if (scores) {
                for (double output : outputs) {
                    line.append(',').append(String.format(Locale.ROOT, "%.6f", output));
                }
            }
            lines.add(line.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
    }

    private SavedModel loadModel() {
        try {
            return ModelFile.read(modelFile);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read the model " + modelFile + ": no such file; give a model file "
                    + "written by 'micrograd demo' or 'micrograd train'", e);
        } catch (ModelFileException e) {
            throw new UsageException("cannot use the model " + modelFile + ": " + e.getMessage()
                    + "; give a model file written by 'micrograd demo' or 'micrograd train'", e);
        } catch (IOException e) {
            throw new UsageException("cannot read the model " + modelFile + ": " + FileErrors.reason(e)
                    + "; check the path and its permissions", e);
        }
    }
}
