package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Graphs of any depth, and bit-identical results from run to run. */
class DeepGraphTest {

    @Test
    void aChainOfOneMillionAdditionsBackpropagates() {
        Value x = Value.of(0.5, "x");
        Value v = x;
        for (int i = 0; i < 1_000_000; i++) {
            v = v.add(x);
        }
        v.backward();
        assertThat(v.data()).isEqualTo(500_000.5);
        assertThat(x.grad()).isEqualTo(1_000_001.0);
    }

    @Test
    void aChainOfOneMillionMixedOperationsBackpropagates() {
        Value x = Value.of(0.1);
        Value v = x;
        for (int i = 0; i < 1_000_000; i++) {
            v = (i % 2 == 0) ? v.mul(1.0) : v.tanh().add(x).sub(x.mul(0.0));
        }
        v.backward();
        assertThat(x.grad()).isFinite().isNotZero();
    }

    private static double[] randomNetworkGradients(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Value[] leaves = new Value[50];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = Value.of(random.nextDouble(-1, 1));
        }
        Value[] nodes = leaves.clone();
        Value out = Value.of(0);
        for (int i = 0; i < 20_000; i++) {
            Value p = nodes[random.nextInt(nodes.length)];
            Value q = nodes[random.nextInt(nodes.length)];
            Value r = switch (random.nextInt(3)) {
                case 0 -> p.mul(q).tanh();
                case 1 -> p.add(q).mul(0.5);
                default -> p.sub(q).sigmoid();
            };
            nodes[random.nextInt(nodes.length)] = r;
            out = out.add(r.mul(1e-3));
        }
        out.backward();
        double[] grads = new double[leaves.length + 1];
        grads[0] = out.data();
        for (int i = 0; i < leaves.length; i++) {
            grads[i + 1] = leaves[i].grad();
        }
        return grads;
    }

    @Test
    void theSameProgramGivesBitIdenticalResults() {
        double[] first = randomNetworkGradients(99);
        for (int run = 0; run < 3; run++) {
            assertThat(randomNetworkGradients(99)).containsExactly(first);
        }
    }
}
