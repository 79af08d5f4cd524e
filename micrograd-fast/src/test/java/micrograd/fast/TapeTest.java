package micrograd.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import micrograd.data.Dataset;
import micrograd.data.Datasets;
import micrograd.engine.Expr;
import micrograd.engine.GradCheck;
import micrograd.engine.RandomExpressions;
import micrograd.engine.Value;
import micrograd.nn.MLP;
import micrograd.train.Loss;
import org.junit.jupiter.api.Test;

/** The tape replays a recorded graph with the same numbers as the object graph, for new leaf data. */
class TapeTest {

    /** |a - b| <= 1e-12 max(|a|, |b|): a relative tolerance with no absolute floor. */
    private static boolean sameTo1e12(double a, double b) {
        return a == b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    }

    private static Value[] leaves(double... point) {
        Value[] vars = new Value[point.length];
        for (int i = 0; i < point.length; i++) {
            vars[i] = Value.of(point[i], "x" + i);
        }
        return vars;
    }

    /** Replays the tape at {@code point} and returns the output and the gradients, laid out like {@link Expr#engine}. */
    private static double[] replay(Tape tape, Value[] vars, double... point) {
        for (int i = 0; i < vars.length; i++) {
            vars[i].setData(point[i]);
            vars[i].setGrad(0);
        }
        double[] result = new double[vars.length + 1];
        result[0] = tape.forward();
        tape.backward();
        for (int i = 0; i < vars.length; i++) {
            result[i + 1] = vars[i].grad();
        }
        return result;
    }

    @Test
    void replaysRandomExpressionsAtNewPointsLikeAFreshObjectGraph() {
        RandomExpressions generator = new RandomExpressions(77);
        int compared = 0;
        for (int n = 0; n < 1000; n++) {
            Expr expr = generator.expression(6);
            Value[] vars = leaves(generator.point());
            Tape tape = Tape.record(expr.onValues().apply(vars));
            for (int replay = 0; replay < 3; replay++) {
                double[] point = generator.point();
                double[] onTape = replay(tape, vars, point);
                double[] onGraph = expr.engine(point);
                for (int i = 0; i < onTape.length; i++) {
                    assertThat(sameTo1e12(onTape[i], onGraph[i]))
                            .as("%s at %s, component %d: tape %s, graph %s", expr, Arrays.toString(point), i,
                                    onTape[i], onGraph[i])
                            .isTrue();
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(1000 * 3 * (RandomExpressions.VARIABLES + 1));
    }

    @Test
    void tapeGradientsAgreeWithFiniteDifferences() {
        RandomExpressions generator = new RandomExpressions(78);
        for (int n = 0; n < 300; n++) {
            Expr expr = generator.expression(5);
            Value[] vars = leaves(generator.point());
            Tape tape = Tape.record(expr.onValues().apply(vars));
            double[] point = generator.point();
            double[] onTape = replay(tape, vars, point);
            GradCheck.Report numeric = expr.gradCheck(point);
            for (int i = 0; i < vars.length; i++) {
                assertThat(GradCheck.relativeError(onTape[i + 1], numeric.leaves().get(i).numeric()))
                        .as("%s at %s, d/dx%d", expr, Arrays.toString(point), i)
                        .isLessThan(1e-6);
            }
        }
    }

    /** A small network of neurons: sums of products, the pattern the tape fuses. */
    private static Value network(Value[] inputs, List<Value> weights, List<Value> scores) {
        List<Value> hidden = new ArrayList<>();
        int w = 0;
        for (int j = 0; j < 3; j++) {
            List<Value> terms = new ArrayList<>();
            for (Value x : inputs) {
                terms.add(weights.get(w++).mul(x));
            }
            terms.add(weights.get(w++));
            hidden.add(Value.sum(terms).relu());
        }
        List<Value> terms = new ArrayList<>();
        for (Value h : hidden) {
            terms.add(weights.get(w++).mul(h));
        }
        Value score = Value.sum(terms).tanh();
        scores.add(score);
        return score.sub(0.5).pow(2);
    }

    @Test
    void fusesProductsIntoSumsAndKeepsObservedNodes() {
        SplittableRandom random = new SplittableRandom(5);
        List<Value> weights = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            weights.add(Value.of(random.nextDouble(-1, 1)));
        }
        Value[] inputs = leaves(0.3, -0.7);
        List<Value> scores = new ArrayList<>();
        Value loss = network(inputs, weights, scores);
        Tape tape = Tape.record(loss, scores);
        // the 6 products in the hidden sums and the 3 in the output sum are fused away
        assertThat(tape.slots()).isLessThan(tape.recordedNodes());
        assertThat(tape.toString()).contains("fusedProducts=9");

        weights.get(0).setData(0.9);
        inputs[1].setData(0.2);
        tape.forward();
        weights.forEach(p -> p.setGrad(0));
        tape.backward();
        List<Value> freshScores = new ArrayList<>();
        List<Value> freshWeights = weights.stream().map(p -> Value.of(p.data())).toList();
        Value fresh = network(inputs, freshWeights, freshScores);
        fresh.backward();
        assertThat(loss.data()).isEqualTo(fresh.data());
        assertThat(scores.get(0).data()).isEqualTo(freshScores.get(0).data());
        for (int i = 0; i < weights.size(); i++) {
            assertThat(weights.get(i).grad()).as("weight %d", i).isEqualTo(freshWeights.get(i).grad());
        }
    }

    /** micrograd's demo loss: hinge on the model's scores plus 1e-4 L2. */
    private static Value demoLoss(MLP model, Dataset data) {
        List<Value> scores = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            scores.add(model.forward(data.row(i)).get(0));
        }
        return Loss.hinge(scores, data.signedLabels()).add(Loss.l2(model.parameters(), 1e-4));
    }

    @Test
    void theDemoStepOnTheTapeHasTheObjectGraphsLossAndGradients() {
        Dataset moons = Datasets.moons(100, 0.1, 9);
        MLP onTape = new MLP(2, 16, 16, 1);
        MLP onGraph = new MLP(2, 16, 16, 1);
        Tape tape = Tape.record(demoLoss(onTape, moons));
        List<Value> tapeParams = onTape.parameters();
        List<Value> graphParams = onGraph.parameters();
        for (int step = 0; step < 5; step++) {
            double tapeLoss = tape.forward();
            onTape.zeroGrad();
            tape.backward();
            Value graphLoss = demoLoss(onGraph, moons);
            onGraph.zeroGrad();
            graphLoss.backward();
            assertThat(sameTo1e12(tapeLoss, graphLoss.data())).as("loss at step %d", step).isTrue();
            for (int i = 0; i < tapeParams.size(); i++) {
                double t = tapeParams.get(i).grad();
                double g = graphParams.get(i).grad();
                assertThat(sameTo1e12(t, g)).as("step %d, parameter %d: tape %s, graph %s", step, i, t, g).isTrue();
                tapeParams.get(i).setData(tapeParams.get(i).data() - 0.5 * t);
                graphParams.get(i).setData(graphParams.get(i).data() - 0.5 * g);
            }
        }
    }

    @Test
    void replayingAllocatesNothing() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        RandomExpressions generator = new RandomExpressions(79);
        Value[] vars = leaves(generator.point());
        List<Value> terms = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            terms.add(generator.expression(5).onValues().apply(vars));
        }
        Tape tape = Tape.record(Value.sum(terms));
        tape.forward();
        tape.backward();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int replay = 0; replay < 1000; replay++) {
            vars[0].setData(replay * 1e-3);
            tape.forward();
            tape.backward();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 1000 replays").isLessThan(1000);
    }

    @Test
    void aLeafAloneIsItsOwnOutput() {
        Value x = Value.of(3.0);
        Tape tape = Tape.record(x);
        x.setData(4.0);
        assertThat(tape.forward()).isEqualTo(4.0);
        tape.backward();
        assertThat(x.grad()).isEqualTo(1.0);
        assertThat(tape.leaves()).containsExactly(x);
    }

    @Test
    void observingANodeOutsideTheGraphIsAClearError() {
        Value x = Value.of(3.0);
        Value elsewhere = Value.of(1.0).tanh();
        assertThatThrownBy(() -> Tape.record(x.mul(x), List.of(elsewhere)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not part of the recorded graph");
    }

    @Test
    void aReluWhoseInputChangesSignIsReplayedAsTheRebuiltGraphComputesIt() {
        Value x = Value.of(2.0, "x");
        Value y = x.mul(3).relu().add(x.mul(-1).relu().mul(5));
        Tape tape = Tape.record(y);
        x.setData(-1.5);
        assertThat(tape.forward()).isEqualTo(7.5);
        x.setGrad(0);
        tape.backward();
        assertThat(x.grad()).isEqualTo(-5.0);
        Value rebuilt = Value.of(-1.5).mul(3).relu().add(Value.of(-1.5).mul(-1).relu().mul(5));
        assertThat(rebuilt.data()).isEqualTo(tape.output());
    }

    /** The documented limit: a branch taken by the code that built the graph is not in the graph, so it replays. */
    @Test
    void aBranchTakenOutsideTheGraphIsReplayedAsRecorded() {
        Value x = Value.of(1.0, "x");
        Value recorded = x.data() > 0 ? x.mul(-2) : x.mul(-3);
        Tape tape = Tape.record(recorded);
        x.setData(1.0);
        assertThat(tape.forward()).isEqualTo(-2.0);
        x.setData(-1.0);
        Value rebuilt = x.data() > 0 ? x.mul(-2) : x.mul(-3);
        assertThat(rebuilt.data()).isEqualTo(3.0);
        assertThat(tape.forward()).as("the recorded branch x * -2, not the rebuilt graph's x * -3").isEqualTo(2.0);
    }
}
