package micrograd.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import micrograd.engine.ReadmeExpression;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;

class GraphDotTest {

    /** micrograd's README expression (labelled as in the README) after backward(). */
    static Value readmeExpression() {
        Value g = ReadmeExpression.build().g();
        g.backward();
        return g;
    }

    /** The 2-input ReLU neuron of micrograd's trace_graph notebook: relu(b + w1*x1 + w2*x2), summed as nn.py does. */
    static Value traceGraphNeuron() {
        Value x1 = Value.of(1.0, "x1");
        Value x2 = Value.of(-2.0, "x2");
        Value w1 = Value.of(0.23550571390294128, "w1");
        Value w2 = Value.of(0.06653114721000164, "w2");
        Value b = Value.of(0.0, "b");
        Value y = b.add(w1.mul(x1)).add(w2.mul(x2)).relu().label("y");
        y.backward();
        return y;
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GraphDotTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readmeExpressionMatchesGoldenFile() throws IOException {
        assertThat(GraphDot.of(readmeExpression())).isEqualTo(golden("readme-expression.dot"));
    }

    @Test
    void traceGraphNeuronMatchesGoldenFile() throws IOException {
        String dot = GraphDot.of(traceGraphNeuron());
        assertThat(dot).isEqualTo(golden("trace-graph-neuron.dot"));
        // the numbers the trace_graph notebook shows for this neuron
        assertThat(dot).contains("{ y | data 0.1024 | grad 1.0000 }", "{ w1 | data 0.2355 | grad 1.0000 }",
                "{ w2 | data 0.0665 | grad -2.0000 }", "{ x1 | data 1.0000 | grad 0.2355 }",
                "{ x2 | data -2.0000 | grad 0.0665 }", "{ b | data 0.0000 | grad 1.0000 }",
                "label=\"ReLU\"");
    }

    @Test
    void oneRecordPerValueOneOpNodePerOperationAndOneEdgePerOperand() {
        Value g = readmeExpression();
        String dot = GraphDot.of(g);
        int values = g.topologicalOrder().size();
        long operations = g.topologicalOrder().stream().filter(v -> !v.children().isEmpty()).count();
        long operandEdges = g.topologicalOrder().stream().mapToLong(v -> v.children().size()).sum();

        assertThat(count(dot, "shape=record")).isEqualTo(values);
        assertThat(count(dot, "op \\[label=")).isEqualTo(operations);
        assertThat(count(dot, "  v\\d+ -> v\\d+op;")).isEqualTo(operandEdges);
        assertThat(count(dot, "  v\\d+op -> v\\d+;")).isEqualTo(operations);
        assertThat(dot).startsWith("digraph micrograd {\n  rankdir=LR;\n").endsWith("}\n");
    }

    @Test
    void operandUsedTwiceGetsTwoEdges() {
        Value a = Value.of(3.0, "a");
        Value b = a.add(a);
        b.backward();
        assertThat(GraphDot.of(b)).isEqualTo("""
                digraph micrograd {
                  rankdir=LR;
                  v0 [shape=record, label="{ a | data 3.0000 | grad 2.0000 }"];
                  v1 [shape=record, label="{  | data 6.0000 | grad 1.0000 }"];
                  v1op [label="+"];
                  v1op -> v1;
                  v0 -> v1op;
                  v0 -> v1op;
                }
                """);
    }

    @Test
    void sameGraphGivesTheSameTextEveryTime() {
        assertThat(GraphDot.of(readmeExpression())).isEqualTo(GraphDot.of(readmeExpression()));
    }

    @Test
    void recordSpecialCharactersInLabelsAreEscaped() {
        Value v = Value.of(1.0, "{a|b} <p> \"q\" \\ z");
        String dot = GraphDot.of(v);
        assertThat(dot).contains("label=\"{ \\{a\\|b\\}\\ \\<p\\>\\ \\\"q\\\"\\ \\\\\\ z | data 1.0000");
        // every double quote inside the label attribute is escaped, so the attribute ends where it should
        Matcher label = Pattern.compile("label=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dot);
        assertThat(label.find()).isTrue();
        assertThat(label.group(1)).endsWith("| grad 0.0000 }");
    }

    @Test
    void newlinesInLabelsStayOnOneDotLine() {
        String dot = GraphDot.of(Value.of(1.0, "two\nlines"));
        assertThat(dot.lines().filter(line -> line.contains("shape=record")).findFirst().orElseThrow())
                .contains("two\\nlines");
    }

    @Test
    void leafHasNoOperationNode() {
        assertThat(GraphDot.of(Value.of(2.5, "x"))).isEqualTo("""
                digraph micrograd {
                  rankdir=LR;
                  v0 [shape=record, label="{ x | data 2.5000 | grad 0.0000 }"];
                }
                """);
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
