package micrograd.engine;

/**
 * micrograd's README expression, built once for every test that needs it (its numbers, its drawing), with the leaves
 * and the results the README names labelled {@code a}, {@code b}, {@code e}, {@code f} and {@code g}. Not yet
 * backpropagated.
 */
public record ReadmeExpression(Value a, Value b, Value c, Value d, Value e, Value f, Value g) {

    public static ReadmeExpression build() {
        Value a = Value.of(-4.0, "a");
        Value b = Value.of(2.0, "b");
        Value c = a.add(b);
        Value d = a.mul(b).add(b.pow(3));
        c = c.add(c.add(1));
        c = c.add(c.add(1).add(a.neg()));
        d = d.add(d.mul(2).add(b.add(a).relu()));
        d = d.add(d.mul(3).add(b.sub(a).relu()));
        Value e = c.sub(d).label("e");
        Value f = e.pow(2).label("f");
        Value g = f.div(2.0);
        g = g.add(f.rdiv(10.0)).label("g");
        return new ReadmeExpression(a, b, c, d, e, f, g);
    }
}
