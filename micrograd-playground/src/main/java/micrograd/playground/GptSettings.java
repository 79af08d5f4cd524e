package micrograd.playground;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@code #gpt} view trains, read from the link's keys ({@code seed=42&steps=1000&embd=16...}, every key
 * optional, defaults those of {@code micrograd gpt}) and written back in full by {@link #toString()}. Each key is
 * bounded so that a run fits the page; a refusal is an {@link IllegalArgumentException} whose message is one line
 * naming the key and what it takes.
 *
 * @param seed        Python's {@code random.seed} ({@code seed})
 * @param steps       training steps; the learning rate falls to 0 over them ({@code steps})
 * @param temperature the samples' temperature ({@code temperature})
 * @param samples     how many names each look at the samples draws ({@code samples})
 * @param every       a look at the samples every this many steps, 0 for none before the end ({@code every})
 * @param embd        the embedding width ({@code embd})
 * @param heads       attention heads, which must divide the width ({@code heads})
 * @param layers      transformer layers ({@code layers})
 * @param block       the longest context ({@code block})
 */
record GptSettings(long seed, int steps, double temperature, int samples, int every, int embd, int heads,
                   int layers, int block) {

    static final int MAX_STEPS = 10_000;
    static final int MAX_SAMPLES = 50;
    static final int MAX_EMBD = 64;
    static final int MAX_HEADS = 16;
    static final int MAX_LAYERS = 4;
    static final int MAX_BLOCK = 32;

    private static final List<String> KEYS = List.of("seed", "steps", "temperature", "samples", "every", "embd",
            "heads", "layers", "block");

    /**
     * The settings of {@code keys}: "key=value" pairs joined by {@code &}; the view's name ({@code gpt}) and the flag
     * {@code paused} are passed over; "" for the defaults.
     */
    static GptSettings parse(String keys) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : keys.split("&")) {
            if (pair.isEmpty() || pair.equals("gpt") || pair.equals("paused")) {
                continue;
            }
            int at = pair.indexOf('=');
            if (at < 0) {
                throw new IllegalArgumentException("the key \"" + pair + "\" needs a value, as in " + pair + "=...");
            }
            String key = pair.substring(0, at);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\"; the gpt view takes "
                        + String.join(", ", KEYS) + " and paused");
            }
            given.put(key, pair.substring(at + 1));
        }
        long seed = given.containsKey("seed") ? TrainingSettings.seed(given.get("seed")) : 42;
        int steps = TrainingSettings.intIn(given, "steps", 1000, 1, MAX_STEPS);
        double temperature = TrainingSettings.doubleIn(given, "temperature", 0.5, Double.MIN_VALUE, 2);
        int samples = TrainingSettings.intIn(given, "samples", 20, 1, MAX_SAMPLES);
        int every = TrainingSettings.intIn(given, "every", 200, 0, MAX_STEPS);
        int embd = TrainingSettings.intIn(given, "embd", 16, 1, MAX_EMBD);
        int heads = TrainingSettings.intIn(given, "heads", 4, 1, MAX_HEADS);
        int layers = TrainingSettings.intIn(given, "layers", 1, 1, MAX_LAYERS);
        int block = TrainingSettings.intIn(given, "block", 16, 1, MAX_BLOCK);
        if (embd % heads != 0) {
            throw new IllegalArgumentException("heads: the width embd=" + embd + " must split evenly into " + heads
                    + " heads; choose a divisor of " + embd);
        }
        return new GptSettings(seed, steps, temperature, samples, every, embd, heads, layers, block);
    }

    /** Every key with its value. */
    @Override
    public String toString() {
        return "seed=" + seed + "&steps=" + steps + "&temperature=" + temperature + "&samples=" + samples
                + "&every=" + every + "&embd=" + embd + "&heads=" + heads + "&layers=" + layers + "&block=" + block;
    }
}
