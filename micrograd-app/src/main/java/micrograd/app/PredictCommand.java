package micrograd.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import micrograd.csv.CsvTable;
import micrograd.io.ModelFile;
import micrograd.nn.MLP;
import micrograd.plot.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code micrograd predict --model FILE data.csv}: one predicted class per row. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Prints the class a saved model predicts for each row of a CSV file, one line per row, in "
                + "row order: for a one-output model 1 when the score is positive and 0 otherwise, else the index "
                + "of the largest output.",
                "The CSV has a header line and the model's features in order; a label column is left out."},
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
        MLP model = loadModel();
        CsvTable data = CsvInput.read(csv, file -> CsvTable.unlabelled(file, labelColumn, model.nin()));
        Classifier classifier = Classifier.of(model);
        PrintWriter out = spec.commandLine().getOut();
        for (double[] row : data.features()) {
            StringBuilder line = new StringBuilder().append(classifier.classify(row));
            if (scores) {
                for (double output : model.predict(row)) {
                    line.append(',').append(String.format(Locale.ROOT, "%.6f", output));
                }
            }
            out.println(line);
        }
    }

    private MLP loadModel() {
        try {
            return ModelFile.load(modelFile);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read the model " + modelFile + ": no such file; give a model file "
                    + "written by 'micrograd demo' or 'micrograd train'", e);
        } catch (IOException e) {
            throw new UsageException("cannot use the model " + modelFile + ": " + e.getMessage()
                    + "; give a model file written by 'micrograd demo' or 'micrograd train'", e);
        }
    }
}
