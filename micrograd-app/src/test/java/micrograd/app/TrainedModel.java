package micrograd.app;

import java.io.IOException;
import java.nio.file.Path;
import micrograd.data.Datasets;
import micrograd.io.ModelFile;
import micrograd.nn.MLP;
import micrograd.train.Trainer;

/** A small model trained on the moons and saved, for the predict tests. */
final class TrainedModel {

    private TrainedModel() {
    }

    static Path moonsModel(Path dir) throws IOException {
        MLP model = MLP.builder(2).layers(8, 1).seed(5).build();
        Trainer.builder().steps(40).build().fit(model, Datasets.moons(60, 0.1, 5));
        Path file = dir.resolve("moons-model.json");
        ModelFile.save(model, file);
        return file;
    }
}
