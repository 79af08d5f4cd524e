package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sort's chunked node list against an {@code ArrayList}, across many chunk boundaries in both directions. */
class NodeArrayTest {

    @Test
    void behavesLikeAListThatGrowsAndShrinksAtItsEnd() {
        SplittableRandom random = new SplittableRandom(7);
        NodeArray array = new NodeArray();
        List<Value> model = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            // Drift upwards with long runs either way, so the size crosses chunk boundaries (4,096) back and forth.
            boolean push = model.isEmpty() || random.nextInt(100) < (step / 10_000 % 2 == 0 ? 70 : 40);
            if (push) {
                Value node = Value.of(step);
                array.add(node);
                model.add(node);
            } else {
                assertThat(array.last()).isSameAs(model.get(model.size() - 1));
                array.removeLast();
                model.remove(model.size() - 1);
            }
            assertThat(array.size()).isEqualTo(model.size());
        }
        assertThat(model.size()).isGreaterThan(3 * 4096);
        for (int i = 0; i < model.size(); i++) {
            assertThat(array.get(i)).isSameAs(model.get(i));
        }
        List<Value> reversed = new ArrayList<>();
        array.forEachInReverse(reversed::add);
        Collections.reverse(model);
        assertThat(reversed).containsExactlyElementsOf(model);
    }
}
