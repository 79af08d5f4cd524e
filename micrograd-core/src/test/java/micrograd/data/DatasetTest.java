package micrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** Row i holds the single feature i, so a row's feature tells where it came from. */
    private static Dataset numbered(int n) {
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i};
            y[i] = i % 3;
        }
        return new Dataset(x, y, 3, List.of("index"));
    }

    private static int[] origins(Dataset d) {
        return Arrays.stream(d.features()).mapToInt(row -> (int) row[0]).toArray();
    }

    @Test
    void isImmutable() {
        double[][] x = {{1, 2}, {3, 4}};
        int[] y = {0, 1};
        Dataset d = new Dataset(x, y, 2);
        x[0][0] = 99;
        y[0] = 1;
        d.features()[1][1] = 99;
        d.labels()[1] = 0;
        assertThat(d.features()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(d.labels()).containsExactly(0, 1);
        assertThat(d.featureNames()).containsExactly("x1", "x2");
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.dimension()).isEqualTo(2);
        assertThat(d.row(1)).containsExactly(3, 4);
        assertThat(d.label(1)).isEqualTo(1);
        assertThat(d.toString()).isEqualTo("Dataset(2 rows, features [x1, x2], 2 classes)");
        assertThat(d).isEqualTo(new Dataset(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 1}, 2))
                .hasSameHashCodeAs(new Dataset(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 1}, 2))
                .isNotEqualTo(new Dataset(new double[][] {{1, 2}, {3, 5}}, new int[] {0, 1}, 2))
                .isNotEqualTo(new Dataset(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 0}, 2));
    }

    @Test
    void signedLabelsMapClass0ToMinus1() {
        Dataset d = new Dataset(new double[][] {{0}, {1}, {2}}, new int[] {1, 0, 1}, 2);
        assertThat(d.signedLabels()).containsExactly(1, -1, 1);
        assertThatThrownBy(() -> numbered(3).signedLabels()).hasMessageContaining("need 2 classes, this dataset has 3");
    }

    @Test
    void shuffledIsASeededPermutation() {
        Dataset d = numbered(50);
        Dataset a = d.shuffled(7);
        assertThat(origins(a)).isEqualTo(origins(d.shuffled(7))).isNotEqualTo(origins(d.shuffled(8)))
                .isNotEqualTo(origins(d));
        assertThat(Arrays.stream(origins(a)).sorted().toArray()).isEqualTo(origins(d));
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.label(i)).isEqualTo((int) a.row(i)[0] % 3);
        }
    }

    @Test
    void splitPartitionsTheRows() {
        Dataset.Split split = numbered(50).split(0.2, 3);
        assertThat(split.test().size()).isEqualTo(10);
        assertThat(split.train().size()).isEqualTo(40);
        int[] all = new int[50];
        System.arraycopy(origins(split.train()), 0, all, 0, 40);
        System.arraycopy(origins(split.test()), 0, all, 40, 10);
        Arrays.sort(all);
        assertThat(all).isEqualTo(origins(numbered(50)));
        assertThat(origins(numbered(50).split(0.2, 3).test())).isEqualTo(origins(split.test()));
        assertThatThrownBy(() -> numbered(5).split(0.05, 1)).hasMessageContaining("leaves one part empty");
        assertThatThrownBy(() -> numbered(5).split(1.0, 1)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void sampleDrawsDistinctRows() {
        Dataset s = numbered(30).sample(12, 4);
        assertThat(Arrays.stream(origins(s)).distinct().count()).isEqualTo(12);
        assertThat(origins(numbered(30).sample(12, 4))).isEqualTo(origins(s));
        assertThatThrownBy(() -> numbered(3).sample(4, 1)).hasMessage("can draw 1 to 3 rows, not 4");
        assertThat(origins(numbered(5).subset(new int[] {4, 4, 0}))).containsExactly(4, 4, 0);
    }

    @Test
    void rejectsInconsistentTables() {
        assertThatThrownBy(() -> new Dataset(new double[0][], new int[0], 2)).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1}}, new int[] {0, 1}, 2))
                .hasMessage("1 rows of features but 2 labels");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1}, {1, 2}}, new int[] {0, 1}, 2))
                .hasMessage("row 1 has 2 features but there are 1 feature names [x1]");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1}}, new int[] {2}, 2))
                .hasMessage("label 0 is 2; with 2 classes labels run from 0 to 1");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1}}, new int[] {0}, 1)).hasMessageContaining("at least 2 classes");
    }

    @Test
    void refusesAFeatureThatIsNotFiniteNamingItsRowAndColumn() {
        assertThatThrownBy(() -> new Dataset(new double[][] {{1, 2}, {3, Double.NaN}}, new int[] {0, 1}, 2,
                List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1, feature \"b\" (column 2) is NaN; every feature must be a finite number");
        assertThatThrownBy(() -> new Dataset(new double[][] {{Double.NEGATIVE_INFINITY}, {0}}, new int[] {0, 1}, 2))
                .hasMessageContaining("row 0, feature \"x1\" (column 1) is -Infinity");
    }
}
