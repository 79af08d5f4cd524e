package micrograd.playground.teavm;

import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;

/**
 * Gives TeaVM's {@code java.lang.Runtime} the {@code maxMemory()} its class library lacks, answering
 * {@link Long#MAX_VALUE}: a page has no Java heap limit to know of (the browser stops a tab that runs out), so the
 * size checks of {@code MLP} and {@code Trainer}, which ask the JVM how much heap it may use, never refuse there.
 */
public final class RuntimeMaxMemory implements ClassHolderTransformer {

    private static final String METHOD = "maxMemory";

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        boolean runtime = cls.getName().equals("java.lang.Runtime")
                || cls.getName().equals("org.teavm.classlib.java.lang.TRuntime");
        if (!runtime || cls.getMethods().stream().anyMatch(m -> m.getName().equals(METHOD))) {
            return;
        }
        MethodHolder maxMemory = new MethodHolder(METHOD, ValueType.LONG);
        maxMemory.setLevel(AccessLevel.PUBLIC);
        ProgramEmitter.create(maxMemory, context.getHierarchy()).constant(Long.MAX_VALUE).returnValue();
        cls.addMethod(maxMemory);
    }
}
