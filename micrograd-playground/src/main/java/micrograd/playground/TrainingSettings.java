package micrograd.playground;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import micrograd.data.DatasetKind;
import micrograd.nn.Activation;
import micrograd.train.LossKind;
import micrograd.train.OptimizerKind;
import micrograd.train.ScheduleKind;
import micrograd.train.TrainingSpec;

/**
 * What the training view trains, read from the link's keys ({@code data=moons&n=100&layers=8&lr=0.1...}, every key
 * optional) and written back in full by {@link #toString()}, so that a link names every setting. The data are the
 * view's own; what to train is a {@link TrainingSpec}, as {@code micrograd train} fills one. Bad input is an
 * {@link IllegalArgumentException} whose message is one line naming the key and what it takes.
 *
 * @param data    the dataset ({@code data})
 * @param points  how many points it draws ({@code n})
 * @param noise   its noise ({@code noise}, default the dataset's usual one)
 * @param classes its classes ({@code classes}: blobs and spirals; 2 for moons and circles)
 * @param added   points added by hand, each {x, y, class} ({@code add=x,y,class;x,y,class})
 * @param spec    what to train: the hidden layers ({@code layers=16,16}; empty for none), their activation
 *                ({@code act}), the loss ({@code loss}, default hinge for 2 classes, softmax for more; always set
 *                here), the optimizer ({@code opt}: sgd, momentum, adam), a constant learning rate ({@code lr}), the
 *                batch ({@code batch}, rows per step, 0 for all), the L2 strength ({@code l2}), the steps
 *                ({@code steps}) and the seed, which also draws the points ({@code seed})
 */
record TrainingSettings(DatasetKind data, int points, double noise, int classes, List<double[]> added,
                        TrainingSpec spec) {

    static final int MAX_POINTS = 2000;
    static final int MAX_UNITS = 256;
    static final int MAX_STEPS = 1_000_000;
    /**
     * The most work one step may take in the page, as parameters times rows per step: about three graph nodes each,
     * so a few million nodes, which the page's memory holds on a phone (256,256 hidden units on 2,000 points, 130
     * million, crashed the tab).
     */
    static final long MAX_STEP_SIZE = 1_000_000;
    /**
     * What the view trains when its link says nothing: {@link TrainingSpec#DEFAULTS} (micrograd's demo network, two
     * hidden layers of 16, which separates the moons) with a constant learning rate of 0.1 and 500 steps, which draw a
     * boundary a learner can watch move.
     */
    static final TrainingSpec DEFAULTS = TrainingSpec.DEFAULTS.withLearningRate(0.1, ScheduleKind.CONSTANT)
            .withSteps(500);

    /** The settings of {@code keys}: "key=value" pairs joined by {@code &}, values not URL-encoded; "" for defaults. */
    static TrainingSettings parse(String keys) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : keys.split("&")) {
            if (pair.isEmpty() || pair.equals("train")) {
                continue;
            }
            int at = pair.indexOf('=');
            if (at < 0) {
                throw new IllegalArgumentException("the key \"" + pair + "\" needs a value, as in " + pair + "=...");
            }
            given.put(pair.substring(0, at), pair.substring(at + 1));
        }
        DatasetKind data = DatasetKind.parse(given.getOrDefault("data", "moons"));
        int classes = data.takesClassCount() ? intIn(given, "classes", 2, 2, 8) : 2;
        if (!data.takesClassCount() && given.containsKey("classes") && !given.get("classes").equals("2")) {
            throw new IllegalArgumentException("classes: " + data + " have 2 classes; blobs and spirals take more");
        }
        int points = intIn(given, "n", 100, classes, MAX_POINTS);
        double noise = doubleIn(given, "noise", data.usualNoise(), 0, 10);
        long seed = given.containsKey("seed") ? seed(given.get("seed")) : DEFAULTS.seed();
        List<double[]> added = addedPoints(given.getOrDefault("add", ""), classes);
        List<Integer> hidden = given.containsKey("layers") ? layers(given.get("layers")) : DEFAULTS.hidden();
        Activation activation = given.containsKey("act") ? activation(given.get("act")) : DEFAULTS.activation();
        LossKind loss = given.containsKey("loss") ? named("loss", () -> LossKind.parse(given.get("loss")))
                : DEFAULTS.lossFor(classes);
        if (loss.outputsFor(classes) == 1 && classes != 2) {
            throw new IllegalArgumentException("loss: " + loss + " is for 2 classes, these data have " + classes
                    + "; use loss=softmax");
        }
        OptimizerKind optimizer = given.containsKey("opt")
                ? named("opt", () -> OptimizerKind.parse(given.get("opt"))) : DEFAULTS.optimizer();
        double learningRate = doubleIn(given, "lr", DEFAULTS.learningRate(), Double.MIN_VALUE, 100);
        int batch = intIn(given, "batch", DEFAULTS.batchSize(), 0, MAX_POINTS);
        double l2 = doubleIn(given, "l2", DEFAULTS.l2(), 0, 100);
        int steps = intIn(given, "steps", DEFAULTS.steps(), 1, MAX_STEPS);
        checkPointCount(points, added.size());
        long parameters = parameters(hidden, loss.outputsFor(classes));
        long rows = batch == 0 ? points + added.size() : batch;
        if (parameters * rows > MAX_STEP_SIZE) {
            throw new IllegalArgumentException("layers=" + hidden.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")) + " has " + parameters + " parameters, and "
                    + rows + " rows a step make a step of " + parameters * rows + " parameter-rows, more than the "
                    + "page can hold (" + MAX_STEP_SIZE + "); use fewer or narrower layers, fewer points (n), or a "
                    + "batch");
        }
        for (String key : given.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\"; the training view takes "
                        + String.join(", ", KEYS));
            }
        }
        return new TrainingSettings(data, points, noise, classes, added, new TrainingSpec(hidden, activation,
                DEFAULTS.init(), loss, optimizer, DEFAULTS.momentum(), learningRate, DEFAULTS.schedule(), steps, batch,
                l2, seed));
    }

    private static final List<String> KEYS = List.of("data", "n", "noise", "classes", "seed", "add", "layers", "act",
            "loss", "opt", "lr", "batch", "l2", "steps");

    /** The weights and biases of an MLP from 2 inputs through {@code hidden} to {@code outputs}. */
    private static long parameters(List<Integer> hidden, int outputs) {
        long parameters = 0;
        int in = 2;
        for (int width : hidden) {
            parameters += (in + 1L) * width;
            in = width;
        }
        return parameters + (in + 1L) * outputs;
    }

    private static void checkPointCount(int points, int added) {
        if (points + added > MAX_POINTS) {
            throw new IllegalArgumentException("add: " + points + " points and " + added + " added make "
                    + (points + added) + ", more than the " + MAX_POINTS + " the view takes; add fewer or lower n");
        }
    }

    /** These settings with one more point added by hand. */
    TrainingSettings withPoint(double x, double y, int label) {
        checkPointCount(points, added.size() + 1);
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("a point's class is 0 to " + (classes - 1) + ", got " + label);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a point needs finite coordinates, got " + x + ", " + y);
        }
        List<double[]> more = new ArrayList<>(added);
        more.add(new double[] {x, y, label});
        return new TrainingSettings(data, points, noise, classes, List.copyOf(more), spec);
    }

    /** Every key with its value, in the order of the README's table. */
    @Override
    public String toString() {
        StringBuilder keys = new StringBuilder("data=").append(data).append("&n=").append(points)
                .append("&noise=").append(noise);
        if (data.takesClassCount()) {
            keys.append("&classes=").append(classes);
        }
        keys.append("&seed=").append(spec.seed());
        if (!added.isEmpty()) {
            List<String> each = new ArrayList<>();
            for (double[] p : added) {
                each.add(p[0] + "," + p[1] + "," + (int) p[2]);
            }
            keys.append("&add=").append(String.join(";", each));
        }
        List<String> sizes = new ArrayList<>();
        spec.hidden().forEach(size -> sizes.add(String.valueOf(size)));
        return keys.append("&layers=").append(String.join(",", sizes))
                .append("&act=").append(spec.activation().name().toLowerCase(java.util.Locale.ROOT))
                .append("&loss=").append(spec.lossFor(classes).shortName()).append("&opt=").append(spec.optimizer())
                .append("&lr=").append(spec.learningRate()).append("&batch=").append(spec.batchSize())
                .append("&l2=").append(spec.l2()).append("&steps=").append(spec.steps()).toString();
    }

    static int intIn(Map<String, String> given, String key, int fallback, int min, int max) {
        String text = given.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below, with the range
        }
        throw new IllegalArgumentException(key + ": expected a whole number from " + min + " to " + max + ", got \""
                + text + "\"");
    }

    static double doubleIn(Map<String, String> given, String key, double fallback, double min, double max) {
        String text = given.get(key);
        if (text == null) {
            return fallback;
        }
        double value = number(key, text);
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(key + ": expected a number from " + (min == Double.MIN_VALUE ? "above 0"
                    : String.valueOf(min)) + " to " + max + ", got " + text);
        }
        return value;
    }

    private static double number(String key, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": \"" + text + "\" is not a number");
        }
    }

    /** NumPy's legacy seeds: 0 to 2^32 - 1. */
    static long seed(String text) {
        try {
            long seed = Long.parseLong(text.trim());
            if (seed >= 0 && seed <= 0xFFFF_FFFFL) {
                return seed;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("seed: expected a whole number from 0 to 4294967295, got \"" + text + "\"");
    }

    private static List<Integer> layers(String text) {
        List<Integer> sizes = new ArrayList<>();
        if (text.isBlank()) {
            return List.of();
        }
        for (String size : text.split(",")) {
            try {
                int units = Integer.parseInt(size.trim());
                if (units >= 1 && units <= MAX_UNITS) {
                    sizes.add(units);
                    continue;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException("layers: expected hidden sizes from 1 to " + MAX_UNITS
                    + " separated by commas, such as 16,16; got \"" + text + "\"");
        }
        if (sizes.size() > 4) {
            throw new IllegalArgumentException("layers: at most 4 hidden layers, got " + sizes.size());
        }
        return List.copyOf(sizes);
    }

    private static Activation activation(String name) {
        Activation activation = named("act", () -> Activation.parse(name));
        if (activation == Activation.LINEAR) {
            throw new IllegalArgumentException("act: use relu, tanh or sigmoid for the hidden layers");
        }
        return activation;
    }

    private static List<double[]> addedPoints(String text, int classes) {
        List<double[]> points = new ArrayList<>();
        if (text.isEmpty()) {
            return List.of();
        }
        for (String point : text.split(";")) {
            String[] parts = point.split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException("add: expected points as x,y,class separated by ';', got \""
                        + point + "\"");
            }
            double x = number("add", parts[0]);
            double y = number("add", parts[1]);
            int label = (int) number("add", parts[2]);
            if (label < 0 || label >= classes || label != number("add", parts[2])) {
                throw new IllegalArgumentException("add: a point's class is 0 to " + (classes - 1) + ", got \""
                        + parts[2] + "\"");
            }
            points.add(new double[] {x, y, label});
        }
        return List.copyOf(points);
    }

    /** Runs a parse that names the accepted values, prefixing the key. */
    private static <T> T named(String key, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }
}
