package micrograd.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("table.csv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void readsQuotedFieldsWithCommasAByteOrderMarkCrlfAndBlankTrailingLines() throws IOException {
        Path file = write("\uFEFF\"width, cm\",length,label\r\n\"1.5\",2,\"setosa, wild\"\r\n-3e-1,4.25,virginica\r\n"
                + "\r\n  \r\n\r\n");
        CsvTable table = CsvTable.labelled(file, "label");
        assertThat(table.featureNames()).containsExactly("width, cm", "length");
        assertThat(table.features()).isDeepEqualTo(new double[][] {{1.5, 2}, {-0.3, 4.25}});
        assertThat(table.labels()).containsExactly("setosa, wild", "virginica");
    }

    @Test
    void unlabelledLeavesTheLabelColumnOutWhenThereIsOne() throws IOException {
        CsvTable withLabel = CsvTable.unlabelled(write("x,label,y\n1,cat,2\n3,,4\n"), "label", 2);
        assertThat(withLabel.featureNames()).containsExactly("x", "y");
        assertThat(withLabel.features()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(withLabel.labels()).isEmpty();
        CsvTable without = CsvTable.unlabelled(write("x,y\n1,2\n"), "label", 2);
        assertThat(without.features()).isDeepEqualTo(new double[][] {{1, 2}});
    }

    @Test
    void aBadFieldNamesTheFileTheLineAndTheColumn() throws IOException {
        Path file = write("x1,x2,label\n1,2,a\n\n3,\"4,5\",b\n");
        String message = file + ": line 4, column \"x2\": '4,5' is not a number (write digits, such as -2, 0.5 or 1e-3)";
        assertThatThrownBy(() -> CsvTable.labelled(file, "label")).isInstanceOf(CsvFileException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> CsvTable.unlabelled(file, "label", 2)).hasMessage(message);
        Path infinite = write("x1,x2\n1,Infinity\n");
        assertThatThrownBy(() -> CsvTable.unlabelled(infinite, "label", 2))
                .hasMessage(infinite + ": line 2, column \"x2\": 'Infinity' is not a number (write digits, such as -2, 0.5 or 1e-3)");
    }

    @Test
    void rejectsAnUnclosedQuoteARaggedRowAndTheWrongNumberOfFeatures() throws IOException {
        Path unclosed = write("x,y\n1,\"2\n3,4\n");
        assertThatThrownBy(() -> CsvTable.unlabelled(unclosed, "label", 2)).isInstanceOf(CsvFileException.class)
                .hasMessageStartingWith(unclosed + ": not a valid CSV file: ").hasMessageContaining("line 2");
        Path ragged = write("x,y\r\n1,2\r\n3\r\n");
        assertThatThrownBy(() -> CsvTable.unlabelled(ragged, "label", 2))
                .hasMessage(ragged + ": line 3 has 1 fields but the header has 2 columns");
        Path wide = write("x,y,kind\n1,2,cat\n");
        assertThatThrownBy(() -> CsvTable.unlabelled(wide, "label", 2))
                .hasMessage(wide + " has 3 feature columns [x, y, kind] but 2 are needed");
    }

    @Test
    void rejectsAHeaderThatDoesNotNameEveryColumnOnce() throws IOException {
        Path unnamed = write("x,,label\n1,2,a\n");
        assertThatThrownBy(() -> CsvTable.labelled(unnamed, "label"))
                .hasMessage(unnamed + ": line 1, column 2 has no name");
        Path twice = write("\n\nx,x,label\n1,2,a\n");
        assertThatThrownBy(() -> CsvTable.labelled(twice, "label"))
                .hasMessage(twice + ": line 3 names the column \"x\" twice");
    }

    @Test
    void numbersAreReadAsPeopleWriteThem() throws IOException {
        for (String field : new String[] {"1d", "2f", "0x1p3", "0x10", "Infinity"}) {
            Path file = write("x1,x2\n1," + field + "\n");
            assertThatThrownBy(() -> CsvTable.unlabelled(file, "label", 2)).as(field)
                    .isInstanceOf(CsvFileException.class)
                    .hasMessageContaining("line 2, column \"x2\": '" + field + "' is not a number");
        }
        Path nul = write("x1,x2\n1,\"1.0\u0000\"\n");
        assertThatThrownBy(() -> CsvTable.unlabelled(nul, "label", 2)).isInstanceOf(CsvFileException.class)
                .hasMessageContaining("line 2 holds a NUL character");
    }

    @Test
    void aFileWithoutLineEndsOrWithNulIsRefusedBeforeItFillsTheMemory() throws IOException {
        Path zeros = Files.write(dir.resolve("zeros.csv"), new byte[4096]);
        assertThatThrownBy(() -> CsvTable.unlabelled(zeros, "label", 2)).isInstanceOf(CsvFileException.class)
                .hasMessageContaining("holds a NUL character");
        Path longLine = write("x1," + "1".repeat(CsvTable.MAX_LINE_CHARS) + "\n");
        assertThatThrownBy(() -> CsvTable.unlabelled(longLine, "label", 2)).isInstanceOf(CsvFileException.class)
                .hasMessageContaining("line 1 is longer than " + CsvTable.MAX_LINE_CHARS);
        Path devZero = Path.of("/dev/zero");
        if (Files.isReadable(devZero)) {
            assertThatThrownBy(() -> CsvTable.unlabelled(devZero, "label", 2)).isInstanceOf(CsvFileException.class)
                    .hasMessageContaining("NUL");
        }
    }

    @Test
    void aFileLargerThanTheLimitIsRefused() throws IOException {
        String row = "1.25,2.5\n";
        Path big = write("x1,x2\n" + row.repeat((int) (CsvTable.MAX_CHARS / row.length()) + 1));
        assertThatThrownBy(() -> CsvTable.unlabelled(big, "label", 2)).isInstanceOf(CsvFileException.class)
                .hasMessageContaining("larger than 16 million characters");
    }

    @Test
    void textThatIsNotUtf8IsNamedAsSuch() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.csv"), "x1,x2\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CsvTable.unlabelled(latin1, "label", 2)).isInstanceOf(CsvFileException.class)
                .hasMessage(latin1 + " is not UTF-8 text (a byte is not valid UTF-8); save it as UTF-8");
    }
}
