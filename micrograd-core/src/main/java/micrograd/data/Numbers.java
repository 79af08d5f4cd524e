package micrograd.data;

import java.util.regex.Pattern;

/**
 * Numbers as people write them, for every place a number is read from text (a CSV field, a command-line value, a
 * variable's value): an optional sign, digits with an optional decimal point, an optional exponent ({@code -2},
 * {@code 0.5}, {@code .5}, {@code 1e-3}, {@code +4E2}). {@link Double#parseDouble} alone also takes Java's literal
 * suffixes ({@code 1d}, {@code 2f}), hexadecimal ({@code 0x1p3}), {@code NaN}, {@code Infinity} and surrounding
 * control characters such as NUL, none of which a person means as a number.
 */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private Numbers() {
    }

    /**
     * The finite number {@code text} writes.
     *
     * @throws NumberFormatException quoting {@code text}, if it is not a decimal number or is too large for a double
     */
    public static double parse(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException("'" + printable(text) + "' is not a number (write digits, such as -2, 0.5 "
                    + "or 1e-3)");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new NumberFormatException("'" + text + "' is too large (the largest number is about 1.8e308)");
        }
        return value;
    }

    /** {@code text} with control characters shown as {@code \}{@code uXXXX}, so a message stays one clean line. */
    public static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
