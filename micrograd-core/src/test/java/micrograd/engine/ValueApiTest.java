package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public contract of Value: state, labels, op names, children, printing, identity. */
class ValueApiTest {

    @Test
    void leavesAndState() {
        Value a = Value.of(2.0);
        assertThat(a.data()).isEqualTo(2.0);
        assertThat(a.grad()).isEqualTo(0.0);
        assertThat(a.label()).isEmpty();
        assertThat(a.op()).isEmpty();
        assertThat(a.children()).isEmpty();
        a.setData(3.5);
        a.setGrad(-1.0);
        assertThat(a.data()).isEqualTo(3.5);
        assertThat(a.grad()).isEqualTo(-1.0);
        assertThat(Value.of(1.0, "w").label()).isEqualTo("w");
    }

    @Test
    void fluentLabelReturnsTheSameNode() {
        Value a = Value.of(2.0);
        Value b = Value.of(-3.0);
        Value e = a.mul(b).label("e");
        assertThat(e.label()).isEqualTo("e");
        assertThat(e.children()).containsExactly(a, b);
    }

    @Test
    void opNamesAsMicrogradLabelsThem() {
        Value a = Value.of(2.0);
        Value b = Value.of(3.0);
        assertThat(a.add(b).op()).isEqualTo("+");
        assertThat(a.mul(b).op()).isEqualTo("*");
        assertThat(a.sub(b).op()).isEqualTo("-");
        assertThat(a.div(b).op()).isEqualTo("/");
        assertThat(a.pow(2).op()).isEqualTo("**2");
        assertThat(a.pow(-1).op()).isEqualTo("**-1");
        assertThat(a.pow(0.5).op()).isEqualTo("**0.5");
        assertThat(a.pow(b).op()).isEqualTo("**");
        assertThat(a.relu().op()).isEqualTo("ReLU");
        assertThat(a.tanh().op()).isEqualTo("tanh");
        assertThat(a.exp().op()).isEqualTo("exp");
        assertThat(a.log().op()).isEqualTo("log");
        assertThat(a.sigmoid().op()).isEqualTo("sigmoid");
        assertThat(a.neg().op()).isEqualTo("neg");
        assertThat(Value.sum(a, b, a).op()).isEqualTo("+");
    }

    @Test
    void operationAndConstantDescribeTheNodeForGraphCompilers() {
        Value a = Value.of(2.0);
        Value b = Value.of(3.0);
        assertThat(a.operation()).isEqualTo(Op.LEAF);
        assertThat(a.mul(b).operation()).isEqualTo(Op.MUL);
        assertThat(Value.sum(a, b).operation()).isEqualTo(Op.SUM);
        assertThat(a.pow(-1.5).operation()).isEqualTo(Op.POW_CONST);
        assertThat(a.pow(-1.5).constant()).isEqualTo(-1.5);
        assertThat(a.tanh().constant()).isZero();
        assertThat(a.pow(b).constant()).isNaN();
        assertThat(a.constant()).isNaN();
        assertThat(Value.sum(a, b).constant()).isNaN();
        assertThat(Op.TANH.forward(0.5, 0)).isEqualTo(Math.tanh(0.5));
    }

    @Test
    void aGraphCanBeSortedAgainAfterABackwardPass() {
        Value a = Value.of(2.0);
        Value c = a.mul(a).add(a.pow(3));
        List<Value> before = c.topologicalOrder();
        c.backward();
        assertThat(c.topologicalOrder()).containsExactlyElementsOf(before).hasSize(4); // a, a*a, a**3, the sum
        assertThat(a.grad()).isEqualTo(2 * 2.0 + 3 * 4.0);
    }

    @Test
    void childrenInOperandOrder() {
        Value a = Value.of(2.0);
        Value b = Value.of(3.0);
        assertThat(b.sub(a).children()).containsExactly(b, a);
        assertThat(a.pow(2).children()).containsExactly(a);
        assertThat(a.pow(b).children()).containsExactly(a, b);
        assertThat(a.tanh().children()).containsExactly(a);
        assertThat(Value.sum(b, a, b).children()).containsExactly(b, a, b);
        Value rsub = a.rsub(10);
        assertThat(rsub.data()).isEqualTo(8.0);
        assertThat(rsub.children().get(0).data()).isEqualTo(10.0);
        assertThat(rsub.children().get(1)).isSameAs(a);
        assertThat(a.rdiv(1.0).data()).isEqualTo(0.5);
        assertThat(a.add(1.0).children().get(1).data()).isEqualTo(1.0);
    }

    @Test
    void sumIsOneNode() {
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            terms.add(Value.of(i));
        }
        Value total = Value.sum(terms);
        assertThat(total.data()).isEqualTo(4950.0);
        assertThat(total.topologicalOrder()).hasSize(101);
        total.backward();
        assertThat(terms).allSatisfy(t -> assertThat(t.grad()).isEqualTo(1.0));
        terms.clear(); // the node keeps its own copy of the operands
        assertThat(total.children()).hasSize(100);
        assertThat(Value.sum().data()).isEqualTo(0.0);
    }

    @Test
    void weightedSumIsProductsUnderOneSumNodeBiasFirst() {
        Value bias = Value.of(0.5);
        List<Value> w = List.of(Value.of(2), Value.of(-3));
        List<Value> x = List.of(Value.of(4), Value.of(5));
        Value s = Value.weightedSum(bias, w, x);
        assertThat(s.data()).isEqualTo(0.5 + 8 - 15);
        assertThat(s.operation()).isEqualTo(Op.SUM);
        assertThat(s.children()).hasSize(3).first().isSameAs(bias);
        assertThat(s.children().subList(1, 3)).allSatisfy(p -> assertThat(p.operation()).isEqualTo(Op.MUL));
        assertThat(s.children().get(2).children()).containsExactly(w.get(1), x.get(1));
        s.backward();
        assertThat(w.get(0).grad()).isEqualTo(4.0);
        assertThat(x.get(1).grad()).isEqualTo(-3.0);
        assertThat(bias.grad()).isEqualTo(1.0);
        assertThatThrownBy(() -> Value.weightedSum(bias, w, List.of(Value.of(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 weights and 1 inputs");
    }

    @Test
    void printsLikeMicrograd() {
        assertThat(Value.of(2.0)).hasToString("Value(data=2.0, grad=0.0)");
        Value x = Value.of(-1.5);
        x.tanh().backward();
        assertThat(x.toString()).startsWith("Value(data=-1.5, grad=0.18");
    }

    @Test
    void equalDataIsNotTheSameNode() {
        Value a = Value.of(1.0);
        Value b = Value.of(1.0);
        assertThat(a).isNotEqualTo(b);
        Value s = a.add(b);
        s.backward();
        assertThat(a.grad()).isEqualTo(1.0);
        assertThat(b.grad()).isEqualTo(1.0);
    }

    @Test
    void backwardAccumulatesAndDoesNotZero() {
        Value x = Value.of(3.0);
        Value y = x.mul(x);
        y.backward();
        assertThat(x.grad()).isEqualTo(6.0);
        y.backward();
        assertThat(x.grad()).isEqualTo(12.0);
        x.setGrad(0);
        y.setGrad(0);
        y.backward();
        assertThat(x.grad()).isEqualTo(6.0);
    }

    @Test
    void topologicalOrderPutsOperandsFirstAndItselfLast() {
        Value a = Value.of(1.0, "a");
        Value b = Value.of(2.0, "b");
        Value c = a.mul(b).label("c");
        Value d = c.add(a).label("d");
        List<Value> order = d.topologicalOrder();
        assertThat(order).containsExactly(a, b, c, d);
    }
}
