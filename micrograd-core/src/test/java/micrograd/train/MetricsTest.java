package micrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import micrograd.data.Dataset;
import micrograd.engine.Value;
import micrograd.nn.Activation;
import micrograd.nn.MLP;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void signAccuracyCountsAScoreOfZeroAsNegative() {
        List<Value> scores = List.of(Value.of(0.3), Value.of(-2), Value.of(0.0), Value.of(0.0));
        assertThat(Metrics.accuracy(scores, new double[] {1, 1, -1, 1})).isEqualTo(0.5);
        assertThat(Metrics.accuracy(new double[] {1, -1}, new double[] {1, -1})).isEqualTo(1.0);
    }

    @Test
    void argmaxAccuracyTakesTheFirstOfEqualLogits() {
        List<List<Value>> logits = List.of(
                List.of(Value.of(1), Value.of(3), Value.of(2)),
                List.of(Value.of(5), Value.of(5), Value.of(0)),
                List.of(Value.of(0), Value.of(0), Value.of(0.1)));
        assertThat(Metrics.accuracy(logits, new int[] {1, 1, 2})).isEqualTo(2.0 / 3);
        assertThat(Metrics.argmax(new double[] {2, 7, 7})).isEqualTo(1);
    }

    @Test
    void modelAccuracyOnADataset() {
        MLP model = MLP.builder(1).layers(1).build();
        model.setParameterData(new double[] {1.0, -0.5});             // score = x - 0.5
        Dataset data = new Dataset(new double[][] {{0}, {1}, {2}, {0.4}}, new int[] {0, 1, 1, 1}, 2);
        assertThat(Metrics.accuracy(model, data)).isEqualTo(0.75);

        MLP threeWay = MLP.builder(1).layers(3).build();
        threeWay.setParameterData(new double[] {-1, 0, 0, 0, 1, 0});   // logits (-x, 0, x)
        Dataset three = new Dataset(new double[][] {{-1}, {1}, {2}}, new int[] {0, 2, 1}, 3);
        assertThat(Metrics.accuracy(threeWay, three)).isEqualTo(2.0 / 3);
        assertThatThrownBy(() -> Metrics.accuracy(model, three)).hasMessageContaining("1 outputs but the data has 3");
    }

    @Test
    void aNaNOutputHasNoClassAndIsNeverRight() {
        assertThat(Metrics.argmax(new double[] {Double.NaN, 1, 2})).isEqualTo(-1);
        assertThat(Metrics.argmax(new double[] {3, 1, Double.NaN})).isEqualTo(-1);
        assertThat(Metrics.accuracy(new double[] {Double.NaN, Double.NaN}, new double[] {-1, 1})).isZero();
        assertThat(Metrics.accuracy(new double[][] {{Double.NaN, 0}}, new int[] {0})).isZero();
    }

    @Test
    void aOneOutputModelIsSplitAtItsOutputActivationsThreshold() {
        MLP sigmoid = MLP.builder(1).layers(1).output(Activation.SIGMOID).build();
        sigmoid.setParameterData(new double[] {1.0, 0.0});            // sigmoid(x): 0.5 at x = 0
        assertThat(Metrics.predictedClass(sigmoid, sigmoid.predict(-1))).isZero();
        assertThat(Metrics.predictedClass(sigmoid, sigmoid.predict(1))).isEqualTo(1);
        Dataset data = new Dataset(new double[][] {{-2}, {-1}, {1}, {2}}, new int[] {0, 0, 1, 1}, 2);
        assertThat(Metrics.accuracy(sigmoid, data)).isEqualTo(1.0);
        MLP linear = MLP.builder(1).layers(1).build();
        linear.setParameterData(new double[] {1.0, 0.0});
        assertThat(Metrics.predictedClass(linear, linear.predict(-0.25))).isZero();
        assertThat(Metrics.predictedClass(linear, linear.predict(0.25))).isEqualTo(1);
        assertThat(Metrics.predictedClass(linear, new double[] {Double.NaN})).isEqualTo(-1);
    }
}
