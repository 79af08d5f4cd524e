package micrograd.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import micrograd.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsTextClassesInOrderOfFirstAppearance() throws IOException {
        Path file = write("width, \"species\" ,length\n1.5,setosa,2\n\n-3e-1,virginica,4.25\n0,setosa,1\n");
        CsvData read = CsvDataset.load(file, "species");
        assertThat(read.classNames()).containsExactly("setosa", "virginica");
        Dataset d = read.dataset();
        assertThat(d.featureNames()).containsExactly("width", "length");
        assertThat(d.features()).isDeepEqualTo(new double[][] {{1.5, 2}, {-0.3, 4.25}, {0, 1}});
        assertThat(d.labels()).containsExactly(0, 1, 0);
        assertThat(d.classes()).isEqualTo(2);
    }

    @Test
    void readsClassIndicesAsTheyAreAndPlusMinusOneAsZeroOne() throws IOException {
        Dataset indices = CsvDataset.load(write("x,label\n1,2\n2,0\n3,1\n"), "label").dataset();
        assertThat(indices.labels()).containsExactly(2, 0, 1);
        assertThat(indices.classes()).isEqualTo(3);
        Dataset signs = CsvDataset.load(write("y,x\n1,0.5\n-1,0.25\n+1,1\n"), "y").dataset();
        assertThat(signs.labels()).containsExactly(1, 0, 1);
        assertThat(signs.featureNames()).containsExactly("x");
    }

    @Test
    void aMalformedRowNamesTheFileTheLineAndTheColumn() throws IOException {
        Path file = write("x1,x2,label\n1,2,a\n3,abc,b\n");
        assertThatThrownBy(() -> CsvDataset.load(file, "label")).isInstanceOf(CsvFileException.class)
                .hasMessage(file + ": line 3, column \"x2\": 'abc' is not a number (write digits, such as -2, 0.5 or 1e-3)");
        Path nan = write("x1,x2,label\n1,2,a\n3,4,b\n5,NaN,a\n");
        assertThatThrownBy(() -> CsvDataset.load(nan, "label"))
                .hasMessage(nan + ": line 4, column \"x2\": 'NaN' is not a number (write digits, such as -2, 0.5 or 1e-3)");
        Path ragged = write("x1,x2,label\n1,2,a\n\n3,b\n");
        assertThatThrownBy(() -> CsvDataset.load(ragged, "label"))
                .hasMessage(ragged + ": line 4 has 2 fields but the header has 3 columns");
        Path emptyLabel = write("x1,label\n1,a\n2, \n");
        assertThatThrownBy(() -> CsvDataset.load(emptyLabel, "label"))
                .hasMessage(emptyLabel + ": line 3, column \"label\": the label is empty");
    }

    @Test
    void rejectsFilesThatAreNotADataset() throws IOException {
        Path empty = write("");
        assertThatThrownBy(() -> CsvDataset.load(empty, "label")).isInstanceOf(CsvFileException.class)
                .hasMessage(empty + ": the file is empty; its first line must be a header naming the columns");
        Path headerOnly = write("x,label\n");
        assertThatThrownBy(() -> CsvDataset.load(headerOnly, "label")).hasMessageContaining("no data rows");
        Path noLabel = write("x,y\n1,2\n");
        assertThatThrownBy(() -> CsvDataset.load(noLabel, "label"))
                .hasMessage(noLabel + ": there is no label column \"label\"; the header has [x, y]");
        Path twice = write("x,x,label\n1,2,a\n");
        assertThatThrownBy(() -> CsvDataset.load(twice, "label")).hasMessageContaining("names the column \"x\" twice");
        Path oneClass = write("x,label\n1,a\n2,a\n");
        assertThatThrownBy(() -> CsvDataset.load(oneClass, "label")).isInstanceOf(CsvFileException.class)
                .hasMessageContaining("holds a single class");
        Path onlyLabel = write("label\na\nb\n");
        assertThatThrownBy(() -> CsvDataset.load(onlyLabel, "label"))
                .hasMessageContaining("at least one feature column");
        assertThatThrownBy(() -> CsvDataset.load(dir.resolve("missing.csv"), "label"))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theClassesAreTheDistinctLabelsSmallestNumberFirst() throws IOException {
        CsvData oneTwoRead = CsvDataset.load(write("x,label\n1,2\n2,1\n3,2\n"), "label");
        assertThat(oneTwoRead.classNames()).as("each class named as the file writes it").containsExactly("1", "2");
        Dataset oneTwo = oneTwoRead.dataset();
        assertThat(oneTwo.classes()).as("no phantom class 0").isEqualTo(2);
        assertThat(oneTwo.labels()).containsExactly(1, 0, 1);
        Dataset far = CsvDataset.load(write("x,label\n1,0\n2,1000000000\n"), "label").dataset();
        assertThat(far.classes()).as("a class per distinct label, not per integer up to the largest").isEqualTo(2);
        assertThat(far.labels()).containsExactly(0, 1);
        CsvData spelledRead = CsvDataset.load(write("x,label\n1,1\n2,+1\n3,1.0\n4,-1\n5,-0\n6,0\n"), "label");
        assertThat(spelledRead.classNames()).as("a class is named by its first spelling").containsExactly("-1", "-0", "1");
        Dataset spelled = spelledRead.dataset();
        assertThat(spelled.classes()).isEqualTo(3);
        assertThat(spelled.labels()).containsExactly(2, 2, 2, 0, 1, 1);
    }

    @Test
    void oneClassIsRefusedWhateverItsSpelling() throws IOException {
        for (String[] labels : new String[][] {{"1", "1", "1"}, {"1", "+1", "1.0"}, {"a", "a", "a"}}) {
            Path file = write("label,x\n" + String.join(",7\n", labels) + ",7\n");
            assertThatThrownBy(() -> CsvDataset.load(file, "label")).as(String.join(" ", labels))
                    .isInstanceOf(CsvFileException.class).hasMessageContaining("holds a single class");
        }
    }

    @Test
    void refusesMoreClassesThanMicrogradTrains() throws IOException {
        StringBuilder rows = new StringBuilder("x,label\n");
        for (int i = 0; i <= CsvDataset.MAX_CLASSES; i++) {
            rows.append(i).append(',').append(i).append('\n');
        }
        Path file = write(rows.toString());
        assertThatThrownBy(() -> CsvDataset.load(file, "label")).isInstanceOf(CsvFileException.class)
                .hasMessageContaining("more than the " + CsvDataset.MAX_CLASSES + " classes");
    }
}
