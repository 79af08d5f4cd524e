package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sort leaves nothing behind: every mark it sets is cleared before it returns, so no sort depends on what an
 * earlier one did (an earlier engine stamped nodes with a global counter, which could wrap after 2^32 sorts), and a
 * backward pass starts the inner nodes from 0, so repeating it over one graph repeats its gradients.
 */
class TopologicalSortTest {

    @Test
    void noNodeStaysMarkedAfterASortOrABackwardPass() {
        Value g = ReadmeExpression.build().g();
        List<Value> order = g.topologicalOrder();
        assertThat(order).noneMatch(node -> node.visited);
        g.backward();
        assertThat(order).noneMatch(node -> node.visited);
    }

    @Test
    void everyBackwardPassOverOneGraphGivesTheSameGradients() {
        ReadmeExpression readme = ReadmeExpression.build();
        Value g = readme.g();
        List<Value> first = g.topologicalOrder();
        g.backward();
        double dgda = readme.a().grad();
        double dgdb = readme.b().grad();
        assertThat(dgda).isCloseTo(138.83381924198252, within(1e-12));
        for (int i = 0; i < 10_000; i++) {
            readme.a().setGrad(0); // the README's recipe: zero the leaves, and only the leaves
            readme.b().setGrad(0);
            g.backward();
            assertThat(readme.a().grad()).isEqualTo(dgda);
            assertThat(readme.b().grad()).isEqualTo(dgdb);
        }
        g.backward(); // without zeroing, the leaves accumulate a second copy of the gradient, as in PyTorch
        assertThat(readme.a().grad()).isEqualTo(2 * dgda);
        assertThat(g.topologicalOrder()).containsExactlyElementsOf(first);
        // a graph built on top of the old one is sorted whole too
        Value h = g.mul(readme.a());
        assertThat(h.topologicalOrder()).hasSize(first.size() + 1).containsAll(first);
    }
}
