package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Value#localGradients}: what a node hands each operand is what {@link Value#backward()} adds to it, in the
 * order and with the operands of {@link Value#children()}.
 */
class LocalGradientsTest {

    /** One node over the leaves x and y, for every kind of node, an operand used twice and a constant exponent too. */
    static Stream<Arguments> nodes() {
        List<Arguments> nodes = new ArrayList<>();
        Map<String, BiFunction<Value, Value, Value>> made = new LinkedHashMap<>();
        made.put("x + y", Value::add);
        made.put("x - y", Value::sub);
        made.put("x * y", Value::mul);
        made.put("x * x", (x, y) -> x.mul(x));
        made.put("x / y", Value::div);
        made.put("x ** 3", (x, y) -> x.pow(3));
        made.put("x ** 0", (x, y) -> x.pow(0));
        made.put("x ** y", Value::pow);
        made.put("-x", (x, y) -> x.neg());
        made.put("exp x", (x, y) -> x.exp());
        made.put("log x", (x, y) -> x.log());
        made.put("tanh x", (x, y) -> x.tanh());
        made.put("relu x", (x, y) -> x.relu());
        made.put("sigmoid x", (x, y) -> x.sigmoid());
        made.put("sum(x, y, x)", (x, y) -> Value.sum(x, y, x));
        made.forEach((name, node) -> nodes.add(Arguments.of(name, node)));
        return nodes.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void eachOperandReceivesWhatBackwardAddsToIt(String name, BiFunction<Value, Value, Value> make) {
        Value x = Value.of(1.3);
        Value y = Value.of(0.7);
        Value out = make.apply(x, y);
        Map<Value, Double> received = new IdentityHashMap<>();
        List<Value> handed = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        out.localGradients(1.0, (index, operand, gradient) -> {
            indices.add(index);
            handed.add(operand);
            received.merge(operand, gradient, Double::sum);
        });

        out.backward();

        assertThat(handed).containsExactlyElementsOf(out.children());
        assertThat(indices).isEqualTo(IntStream.range(0, handed.size()).boxed().toList());
        assertThat(received.getOrDefault(x, 0.0)).isEqualTo(x.grad());
        assertThat(received.getOrDefault(y, 0.0)).isEqualTo(y.grad());
    }

    @Test
    void theAmountsAreTheGradArrivingTimesTheLocalDerivative() {
        Value a = Value.of(2.0);
        Value b = Value.of(-3.0);
        Value product = a.mul(b);
        List<Double> amounts = new ArrayList<>();
        product.localGradients(0.5, (index, operand, gradient) -> amounts.add(gradient));
        assertThat(amounts).containsExactly(-3.0 * 0.5, 2.0 * 0.5);
    }

    @Test
    void aLeafAndAConstantExponentReceiveNothing() {
        Value a = Value.of(2.0);
        List<Value> handed = new ArrayList<>();
        a.localGradients(1.0, (index, operand, gradient) -> handed.add(operand));
        assertThat(handed).isEmpty();

        a.pow(2).localGradients(1.0, (index, operand, gradient) -> handed.add(operand));
        assertThat(handed).containsExactly(a);
    }
}
