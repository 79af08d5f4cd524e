package micrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static long count(Dataset d, int label) {
        return Arrays.stream(d.labels()).filter(l -> l == label).count();
    }

    @Test
    void moonsWithoutNoiseLieOnMakeMoonsHalfCircles() {
        Dataset moons = Datasets.moons(101, 0.0, 1);
        assertThat(count(moons, 0)).isEqualTo(50);
        assertThat(count(moons, 1)).isEqualTo(51);
        boolean sawLeftEnd = false;
        for (int i = 0; i < moons.size(); i++) {
            double x = moons.row(i)[0];
            double y = moons.row(i)[1];
            if (moons.label(i) == 0) {          // the upper moon: (cos t, sin t)
                assertThat(x * x + y * y).isCloseTo(1.0, within(1e-12));
                assertThat(y).isGreaterThanOrEqualTo(0.0);
                sawLeftEnd |= x == -1.0;
            } else {                            // the lower moon: (1 - cos t, 0.5 - sin t)
                assertThat((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)).isCloseTo(1.0, within(1e-12));
                assertThat(y).isLessThanOrEqualTo(0.5 + 1e-12);
            }
        }
        assertThat(sawLeftEnd).as("t runs to pi, endpoint included").isTrue();
        assertThat(moons.featureNames()).containsExactly("x", "y");
    }

    @Test
    void moonsNoiseIsGaussianWithTheGivenDeviation() {
        Dataset clean = Datasets.moons(2000, 0.0, 5);
        Dataset noisy = Datasets.moons(2000, 0.1, 5);
        // the same seed shuffles the same way, so row i differs only by its noise
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < clean.size(); i++) {
            assertThat(noisy.label(i)).isEqualTo(clean.label(i));
            for (int d = 0; d < 2; d++) {
                double e = noisy.row(i)[d] - clean.row(i)[d];
                sum += e;
                sumSquares += e * e;
            }
        }
        double mean = sum / 4000;
        assertThat(mean).isCloseTo(0.0, within(0.01));
        assertThat(Math.sqrt(sumSquares / 4000 - mean * mean)).isCloseTo(0.1, within(0.005));
    }

    @Test
    void everyGeneratorIsDeterministicInItsSeed() {
        assertThat(Datasets.moons(100, 0.1, 3).features()).isDeepEqualTo(Datasets.moons(100, 0.1, 3).features());
        assertThat(Datasets.moons(100, 0.1, 3).features()).isNotEqualTo(Datasets.moons(100, 0.1, 4).features());
        assertThat(Datasets.circles(50, 0.1, 0.5, 3).features()).isDeepEqualTo(Datasets.circles(50, 0.1, 0.5, 3).features());
        assertThat(Datasets.blobs(50, 4, 1.0, 3).features()).isDeepEqualTo(Datasets.blobs(50, 4, 1.0, 3).features());
        assertThat(Datasets.spirals(50, 3, 0.2, 3).features()).isDeepEqualTo(Datasets.spirals(50, 3, 0.2, 3).features());
        assertThat(Datasets.spirals(50, 3, 0.2, 3).labels()).isEqualTo(Datasets.spirals(50, 3, 0.2, 3).labels());
    }

    @Test
    void circlesHaveTheirRadii() {
        Dataset circles = Datasets.circles(60, 0.0, 0.3, 2);
        for (int i = 0; i < circles.size(); i++) {
            double r = Math.hypot(circles.row(i)[0], circles.row(i)[1]);
            assertThat(r).isCloseTo(circles.label(i) == 0 ? 1.0 : 0.3, within(1e-12));
        }
        assertThat(count(circles, 0)).isEqualTo(30);
    }

    @Test
    void blobsClusterAroundEvenlySpacedCentres() {
        Dataset blobs = Datasets.blobs(4000, 4, 0.5, 9);
        double[][] centres = {{3, 0}, {0, 3}, {-3, 0}, {0, -3}};
        for (int k = 0; k < 4; k++) {
            assertThat(count(blobs, k)).isEqualTo(1000);
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < blobs.size(); i++) {
                if (blobs.label(i) == k) {
                    sx += blobs.row(i)[0];
                    sy += blobs.row(i)[1];
                }
            }
            assertThat(sx / 1000).isCloseTo(centres[k][0], within(0.05));
            assertThat(sy / 1000).isCloseTo(centres[k][1], within(0.05));
        }
    }

    @Test
    void spiralsKeepTheirRadiusAndSplitTheClassesEvenly() {
        Dataset spirals = Datasets.spirals(100, 3, 0.2, 1);
        assertThat(spirals.classes()).isEqualTo(3);
        assertThat(count(spirals, 0)).isEqualTo(34);
        assertThat(count(spirals, 1)).isEqualTo(33);
        assertThat(count(spirals, 2)).isEqualTo(33);
        for (int i = 0; i < spirals.size(); i++) {
            // the noise turns the angle only: every radius is one of linspace(0, 1, count)
            double r = Math.hypot(spirals.row(i)[0], spirals.row(i)[1]);
            double steps = spirals.label(i) == 0 ? 33 : 32;
            assertThat(r * steps).isCloseTo(Math.rint(r * steps), within(1e-9));
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Datasets.moons(1, 0.1, 1)).hasMessageContaining("at least 2 points");
        assertThatThrownBy(() -> Datasets.moons(10, -0.1, 1)).hasMessageContaining("noise must be a finite number >= 0");
        assertThatThrownBy(() -> Datasets.blobs(10, 1, 0.1, 1)).hasMessageContaining("at least 2 classes");
        assertThatThrownBy(() -> Datasets.circles(10, 0.1, 1.5, 1)).hasMessageContaining("factor");
    }
}
