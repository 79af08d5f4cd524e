package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A node's label, which each node holds itself: graphs in different threads do not share any. */
class LabelTest {

    @Test
    void aLabelIsKeptChangedAndCleared() {
        Value e = Value.of(2.0).mul(Value.of(3.0)).label("e");
        assertThat(e.label()).isEqualTo("e");
        assertThat(e.label("f").label()).isEqualTo("f");
        assertThat(e.label("").label()).isEmpty();
        assertThat(e.label("g").label(null).label()).isEmpty();
        assertThat(Value.of(1.0).label()).isEmpty();
    }

    @Test
    void threadsLabellingTheirOwnGraphsAtOnceEachKeepTheirOwnLabels() throws Exception {
        int threads = 4;
        int nodesPerGraph = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "thread" + t + ".";
                tasks.add(() -> {
                    List<Value> nodes = new ArrayList<>();
                    Value chain = Value.of(0.0);
                    for (int i = 0; i < nodesPerGraph; i++) {
                        chain = chain.add(Value.of(i).label(prefix + "x" + i)).label(prefix + "s" + i);
                        nodes.add(chain);
                    }
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < nodesPerGraph; i++) {
                        Value sum = nodes.get(i);
                        if (!sum.label().equals(prefix + "s" + i)
                                || !sum.children().get(1).label().equals(prefix + "x" + i)) {
                            mismatches.add(sum.label() + " / " + sum.children().get(1).label());
                        }
                    }
                    return mismatches;
                });
            }
            for (Future<List<String>> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
