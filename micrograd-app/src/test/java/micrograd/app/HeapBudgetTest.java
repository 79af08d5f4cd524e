package micrograd.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import micrograd.gpt.GptShape;
import org.junit.jupiter.api.Test;

class HeapBudgetTest {

    @Test
    void aNetworkTooLargeForTheHeapIsRefusedWithItsParameterCount() {
        assertThatThrownBy(() -> HeapBudget.checkNetwork(2, List.of(100_000_000, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 400000001 parameters")
                .hasMessageContaining("more than half of the")
                .hasMessageContaining("use fewer or narrower layers");
    }

    @Test
    void widthsWhoseParameterCountOverflowsALongAreRefusedToo() {
        assertThatThrownBy(() -> HeapBudget.checkNetwork(Integer.MAX_VALUE, List.of(Integer.MAX_VALUE,
                Integer.MAX_VALUE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than half of the");
    }

    @Test
    void aStepWhoseGraphIsTooLargeIsRefusedWithWhatToAskForInstead() {
        assertThatThrownBy(() -> HeapBudget.checkTrainingStep(4_000_000, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a step over 1000000 rows of a model with 4000000 parameters")
                .hasMessageContaining("use mini-batches");
    }

    @Test
    void aGptTooLargeIsRefusedNamingItsSizes() {
        assertThatThrownBy(() -> HeapBudget.checkGpt(new GptShape(27, 1, 16, 4, 100_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("block size 100000")
                .hasMessageContaining("shorter block size");
    }

    @Test
    void whatTheCommandsRunByDefaultFits() {
        assertThatCode(() -> {
            HeapBudget.checkNetwork(2, List.of(16, 16, 1));
            HeapBudget.checkTrainingStep(337, 100);
            HeapBudget.checkGpt(GptShape.microgpt(27));
        }).doesNotThrowAnyException();
    }
}
