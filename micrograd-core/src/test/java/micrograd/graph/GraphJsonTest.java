package micrograd.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import micrograd.engine.ReadmeExpression;
import micrograd.engine.Value;
import org.junit.jupiter.api.Test;

class GraphJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A number as GraphJson writes it: a JSON number, or the name of a value JSON lacks. */
    private static double number(JsonNode field) {
        return field.isTextual() ? Double.parseDouble(field.asText()) : field.doubleValue();
    }

    /** Reads the text back with Jackson and checks every node against the graph it came from, bit for bit (any NaN
     * as the one NaN: JSON keeps no payload). */
    private static JsonNode assertRoundTrips(Value root) throws Exception {
        JsonNode json = JSON.readTree(GraphJson.of(root));
        List<Value> order = root.topologicalOrder();
        Map<Value, Integer> position = new IdentityHashMap<>();
        order.forEach(node -> position.put(node, position.size()));
        assertThat(json.get("root").intValue()).isEqualTo(order.size() - 1);
        assertThat(json.get("nodes")).hasSize(order.size());
        for (int i = 0; i < order.size(); i++) {
            Value node = order.get(i);
            JsonNode written = json.get("nodes").get(i);
            assertThat(written.get("id").intValue()).isEqualTo(i);
            assertThat(Double.doubleToLongBits(number(written.get("data"))))
                    .as("data of node %d", i).isEqualTo(Double.doubleToLongBits(node.data()));
            assertThat(Double.doubleToLongBits(number(written.get("grad"))))
                    .as("grad of node %d", i).isEqualTo(Double.doubleToLongBits(node.grad()));
            assertThat(written.get("label").asText()).isEqualTo(node.label());
            assertThat(written.get("symbol").asText()).isEqualTo(node.op());
            assertThat(written.get("op").asText()).isEqualTo(node.operation().words());
            List<Integer> children = new ArrayList<>();
            written.get("children").forEach(child -> children.add(child.intValue()));
            assertThat(children).isEqualTo(node.children().stream().map(position::get).toList());
        }
        return json;
    }

    @Test
    void theReadmeExpressionRoundTripsEveryNumber() throws Exception {
        Value g = ReadmeExpression.build().g();
        g.backward();
        JsonNode json = assertRoundTrips(g);
        JsonNode root = json.get("nodes").get(json.get("root").intValue());
        assertThat(root.get("label").asText()).isEqualTo("g");
        assertThat(root.get("data").doubleValue()).isEqualTo(g.data()).isBetween(24.70407, 24.70409);
        assertThat(root.get("op").asText()).isEqualTo("addition");
        assertThat(root.get("symbol").asText()).isEqualTo("+");
    }

    @Test
    void aSharedNodeIsWrittenOnceAndReferredToById() throws Exception {
        Value a = Value.of(3.0, "a");
        Value out = a.mul(a).add(a);
        out.backward();
        JsonNode nodes = assertRoundTrips(out).get("nodes");
        assertThat(nodes).hasSize(3);
        assertThat(nodes.get(1).get("children").toString()).isEqualTo("[0,0]");
        assertThat(nodes.get(2).get("children").toString()).isEqualTo("[1,0]");
        assertThat(nodes.get(0).get("grad").doubleValue()).isEqualTo(7.0);
    }

    @Test
    void valuesJsonLacksAndAwkwardLabelsSurvive() throws Exception {
        Value zero = Value.of(0.0, "quote \" back\\slash\nnew line \u0001");
        Value out = Value.of(-1.0, "x").log().add(Value.of(1.0).div(zero)).pow(0.5).label("out");
        out.backward();
        JsonNode json = assertRoundTrips(out);
        assertThat(json.get("nodes").get(json.get("root").intValue()).get("symbol").asText()).isEqualTo("**0.5");
    }
}
