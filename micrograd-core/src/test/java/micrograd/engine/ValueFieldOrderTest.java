package micrograd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Value} declares its operand b before a, for the garbage collector (the comment on the fields says why, and
 * the README's Performance section shows what it is worth on a deep chain). Tidying the fields must not swap them.
 */
class ValueFieldOrderTest {

    @Test
    void theSecondOperandIsDeclaredBeforeTheFirst() {
        List<String> fields = Arrays.stream(Value.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .toList();
        assertThat(fields).contains("a", "b");
        assertThat(fields.indexOf("b")).as("position of b among %s", fields).isLessThan(fields.indexOf("a"));
    }
}
