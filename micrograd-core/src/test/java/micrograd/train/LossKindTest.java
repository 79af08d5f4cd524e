package micrograd.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;

/** Each loss kind reads the dataset's labels the way its loss wants them. */
class LossKindTest {

    private static final Dataset TWO = new Dataset(new double[][] {{0}, {1}, {2}}, new int[] {1, 0, 1}, 2);

    private static List<List<Value>> scores(double... s) {
        return java.util.Arrays.stream(s).mapToObj(x -> List.of(Value.of(x))).toList();
    }

    @Test
    void binaryKindsMapClassesToTheirLabels() {
        // class 1 -> +1 for hinge and mse, 1 for logistic; class 0 -> -1, and 0
        assertThat(LossKind.HINGE.loss(scores(0.5, 0.5, 2), TWO).data())
                .isEqualTo(Loss.hinge(List.of(Value.of(0.5), Value.of(0.5), Value.of(2)), new double[] {1, -1, 1}).data());
        assertThat(LossKind.MSE.loss(scores(0.5, 0.5, 2), TWO).data())
                .isCloseTo((0.25 + 2.25 + 1) / 3, org.assertj.core.api.Assertions.within(1e-15));
        double logistic = (Math.log(1 + Math.exp(-2)) + Math.log(1 + Math.exp(-1)) + Math.log(1 + Math.exp(-0.5))) / 3;
        assertThat(LossKind.LOGISTIC.loss(scores(2, -1, 0.5), TWO).data())
                .isCloseTo(logistic, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void softmaxUsesTheClassIndices() {
        Dataset three = new Dataset(new double[][] {{0}, {1}}, new int[] {2, 0}, 3);
        List<List<Value>> logits = List.of(List.of(Value.of(0), Value.of(0), Value.of(5)),
                List.of(Value.of(1), Value.of(1), Value.of(1)));
        double expected = (Math.log(2 + Math.exp(5)) - 5 + Math.log(3)) / 2;
        assertThat(LossKind.SOFTMAX_CROSS_ENTROPY.loss(logits, three).data())
                .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(LossKind.SOFTMAX_CROSS_ENTROPY.outputsFor(3)).isEqualTo(3);
        assertThat(LossKind.LOGISTIC.outputsFor(2)).isEqualTo(1);
    }
}
