package micrograd.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import micrograd.engine.Op;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;

/**
 * Every operation, through the object graph and through the tape, gives the same values and gradients bit for bit:
 * the two share {@link Op}'s definitions. The switch in {@link #uses} has no default, so an operation added to
 * {@code Op} does not compile here until it has a graph in this test.
 */
class EveryOperationTest {

    private static final double[] EDGES = {0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -2.5, 1e-300, Double.POSITIVE_INFINITY};
    private static final int RANDOM_POINTS = 300;

    /** Graphs over the leaves x and y that use {@code op}; more than one where the operation has variants. */
    private static List<Function<Value[], Value>> uses(Op op) {
        return switch (op) {
            case LEAF -> List.of(v -> v[0]);
            case SUM -> List.of(v -> Value.sum(v[0], v[1], v[0]),
                    v -> Value.weightedSum(v[1], List.of(v[0], v[1]), List.of(v[1], v[0]))); // products fused
            case ADD -> List.of(v -> v[0].add(v[1]), v -> v[0].add(v[0]));
            case SUB -> List.of(v -> v[0].sub(v[1]), v -> v[0].rsub(3));
            case MUL -> List.of(v -> v[0].mul(v[1]), v -> v[0].mul(v[0]));
            case DIV -> List.of(v -> v[0].div(v[1]), v -> v[0].rdiv(3));
            case POW_CONST -> List.of(v -> v[0].pow(0), v -> v[0].pow(1), v -> v[0].pow(2), v -> v[0].pow(3),
                    v -> v[0].pow(-1), v -> v[0].pow(0.5), v -> v[0].pow(-0.75));
            case POW -> List.of(v -> v[0].pow(v[1]));
            case NEG -> List.of(v -> v[0].neg());
            case EXP -> List.of(v -> v[0].exp());
            case LOG -> List.of(v -> v[0].log());
            case TANH -> List.of(v -> v[0].tanh());
            case RELU -> List.of(v -> v[0].relu());
            case SIGMOID -> List.of(v -> v[0].sigmoid());
        };
    }

    /** Points (x, y, w) to evaluate at: every pair of edge values, then seeded random ones. */
    private static List<double[]> points() {
        List<double[]> points = new ArrayList<>();
        for (double x : EDGES) {
            for (double y : EDGES) {
                points.add(new double[] {x, y, -1.5});
            }
        }
        SplittableRandom random = new SplittableRandom(20261130);
        for (int i = 0; i < RANDOM_POINTS; i++) {
            points.add(new double[] {random.nextDouble(-4, 4), random.nextDouble(-4, 4), random.nextDouble(-2, 2)});
        }
        return points;
    }

    /** The output, then the grads of x, y and w, of {@code use(x, y) * w} on a new object graph. */
    private static double[] onGraph(Function<Value[], Value> use, double[] point) {
        Value[] leaves = {Value.of(point[0]), Value.of(point[1]), Value.of(point[2])};
        Value out = use.apply(leaves).mul(leaves[2]);
        out.backward();
        return new double[] {out.data(), leaves[0].grad(), leaves[1].grad(), leaves[2].grad()};
    }

    @Test
    void theTapeReplaysEveryOperationWithTheObjectGraphsNumbers() {
        int checked = 0;
        for (Op op : Op.values()) {
            for (Function<Value[], Value> use : uses(op)) {
                Value[] leaves = {Value.of(0.3), Value.of(0.7), Value.of(1.1)};
                // times w, so that the operation receives a gradient other than 1
                Tape tape = Tape.record(use.apply(leaves).mul(leaves[2]));
                for (double[] point : points()) {
                    for (int i = 0; i < leaves.length; i++) {
                        leaves[i].setData(point[i]);
                        leaves[i].setGrad(0);
                    }
                    double output = tape.forward();
                    tape.backward();
                    double[] replayed = {output, leaves[0].grad(), leaves[1].grad(), leaves[2].grad()};
                    assertThat(replayed)
                            .as("%s at x=%s, y=%s, w=%s", op, point[0], point[1], point[2])
                            .containsExactly(onGraph(use, point));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(25 * points().size());
    }

    @Test
    void aProductIsFusedIntoItsSumOnlyWhereThatKeepsTheGraphsRounding() {
        Value x = Value.of(0.3);
        Value y = Value.of(-1.7);
        Value b = Value.of(0.2);
        assertThat(Tape.record(Value.weightedSum(b, List.of(x, y), List.of(y, x))).toString())
                .contains("fusedProducts=2");
        // y is a plain term of the sum and a factor of both products: on the graph it gains the sum's grad first
        assertThat(Tape.record(Value.weightedSum(y, List.of(x, y), List.of(y, x))).toString())
                .contains("fusedProducts=0");
        // x * 2 is used by the second product and lies between the first product and the sum: x would receive the
        // first product's share before the share of x * 2 on the tape, after it on the graph.
        Value w = Value.of(0.9);
        Tape kept = Tape.record(Value.sum(x.mul(w), x.mul(2).mul(w)));
        assertThat(kept.toString()).contains("fusedProducts=1");
    }
}
