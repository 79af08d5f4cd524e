package micrograd.playground.teavm;

import org.teavm.model.AccessLevel;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.ElementModifier;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;

/**
 * Gives TeaVM's {@code java.nio.charset.Charset} the static {@code isSupported(String)} its class library lacks,
 * answering true. Its one caller in the page is ZXing's table of character-set names (CharacterSetECI), which only
 * files the names; the QR encoder itself is asked for ISO-8859-1 alone (a link is ASCII), which TeaVM has.
 */
public final class CharsetIsSupported implements ClassHolderTransformer {

    private static final String METHOD = "isSupported";

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        boolean charset = cls.getName().equals("java.nio.charset.Charset")
                || cls.getName().equals("org.teavm.classlib.java.nio.charset.TCharset");
        if (!charset || cls.getMethods().stream().anyMatch(m -> m.getName().equals(METHOD))) {
            return;
        }
        MethodHolder isSupported = new MethodHolder(METHOD, ValueType.object("java.lang.String"), ValueType.BOOLEAN);
        isSupported.setLevel(AccessLevel.PUBLIC);
        isSupported.getModifiers().add(ElementModifier.STATIC);
        ProgramEmitter.create(isSupported, context.getHierarchy()).constant(1).returnValue();
        cls.addMethod(isSupported);
    }
}
