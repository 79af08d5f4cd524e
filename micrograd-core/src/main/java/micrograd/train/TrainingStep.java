package micrograd.train;

/**
 * What one training step saw, before its update: the total loss (data loss plus regularisation) and the accuracy on
 * the step's batch (0 to 1), and the learning rate the update then used.
 *
 * @param step         0-based step number
 * @param loss         total loss before the update
 * @param accuracy     accuracy on the batch before the update, 0 to 1
 * @param learningRate the learning rate of this step's update
 */
public record TrainingStep(int step, double loss, double accuracy, double learningRate) {

    /** micrograd's demo log line: "step 0 loss 0.8958441028683222, accuracy 50.0%". */
    @Override
    public String toString() {
        return "step " + step + " loss " + loss + ", accuracy " + (accuracy * 100) + "%";
    }
}
