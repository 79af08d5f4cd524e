package micrograd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import micrograd.io.ModelFile;
import micrograd.io.SavedModel;
import micrograd.plot.ChartFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the launcher while {@code train} writes its files, at random moments and between its renames: the
 * model file is always a complete model (the previous run's or the new one); the model and the picture carry the same
 * run id exactly when one run wrote both, so a picture left next to another run's model is told apart; and the
 * temporary files the killed runs leave behind are removed by the next run that writes into the folder.
 */
class KillDuringSaveIT {

    private static final Path LAUNCHER = Path.of("..", "micrograd").toAbsolutePath().normalize();
    private static final int KILLS = 8;

    @TempDir
    Path dir;

    private Process train(Path csv, long seed) throws IOException {
        // a wide model makes the model file (2 MB) long enough to write for a kill to land in it now and then; three
        // features leave out the decision-boundary picture, whose grid would take most of the time
        return new ProcessBuilder(LAUNCHER.toString(), "train", csv.toString(), "--steps", "1", "--layers", "300,300",
                "--test-fraction", "0", "--seed", Long.toString(seed), "--out", dir.resolve("out").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Whether {@code run} has started writing its files: its temporary folder {@code .points.PID.UUID.part} exists. */
    private static boolean writing(Path folder, Process run) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".points." + run.pid() + "."));
        }
    }

    /** The identity of {@code file} on disk: a rename onto it gives it another. */
    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    @Test
    void aKilledSaveLeavesACompleteModelTellsRunsApartAndItsLitterIsCleanedUp() throws Exception {
        Path csv = Files.writeString(dir.resolve("points.csv"), "x,y,z,label\n0,0,1,0\n1,1,0,1\n0,1,1,0\n1,0,0,1\n");
        Process first = train(csv, 1);
        assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).isZero();
        Path model = dir.resolve("out/points-model.json");
        Path picture = dir.resolve("out/points-training.png");
        SplittableRandom random = new SplittableRandom(14);
        int killedWhileWriting = 0;
        int mismatchedSets = 0;
        // which run last replaced each file: 0 the first, k + 1 the one of kill k
        int modelWriter = 0;
        int pictureWriter = 0;
        for (int k = 0; k < KILLS; k++) {
            Object modelBefore = fileKey(model);
            Object pictureBefore = fileKey(picture);
            Process run = train(csv, 2 + k);
            // wait for the run's temporary folder to appear, then kill at a random moment of the writing, or (every
            // other kill) just after the picture's rename, before the model's
            while (run.isAlive() && !writing(dir.resolve("out"), run)) {
                Thread.sleep(1);
            }
            if (run.isAlive()) {
                killedWhileWriting++;
            }
            if (k % 2 == 0) {
                Thread.sleep(random.nextInt(0, 40));
            } else {
                while (run.isAlive() && fileKey(picture).equals(pictureBefore)) {
                    Thread.onSpinWait();
                }
            }
            run.destroyForcibly();
            assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
            SavedModel saved = ModelFile.read(model);
            assertThat(saved.model().sizes()).as("after kill %d", k).containsExactly(300, 300, 1);
            modelWriter = fileKey(model).equals(modelBefore) ? modelWriter : k + 1;
            pictureWriter = fileKey(picture).equals(pictureBefore) ? pictureWriter : k + 1;
            boolean oneRun = modelWriter == pictureWriter;
            String pictureRun = ChartFiles.pngText(picture).get(TrainingSession.RUN_KEYWORD);
            assertThat(saved.run().equals(pictureRun)).as("after kill %d, the model and the picture are of %s", k,
                    oneRun ? "one run" : "two runs").isEqualTo(oneRun);
            if (!oneRun) {
                mismatchedSets++;
            }
        }
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            System.out.println("kill -9 during saves: " + KILLS + " kills (" + killedWhileWriting + " while writing), "
                    + "a complete model after each, " + mismatchedSets + " times a picture and a model of two runs, "
                    + "told apart by their run ids, "
                    + files.filter(f -> f.getFileName().toString().endsWith(".part")).count()
                    + " temporary files and folders left for the next run to remove");
        }
        Process last = train(csv, 99);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).isZero();
        assertThat(killedWhileWriting).as("kills that landed while the files were written").isPositive();
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(names).containsExactly("points-model.json", "points-training.png");
        }
    }
}
