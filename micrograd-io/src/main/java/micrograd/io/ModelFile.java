package micrograd.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import micrograd.files.AtomicFiles;
import micrograd.nn.Activation;
import micrograd.nn.MLP;

/**
 * Saves and loads an {@link MLP} (architecture, activations and every parameter) as a JSON text file, format version
 * {@value #VERSION}:
 * <pre>{@code
 * {
 *   "format" : "micrograd-mlp",
 *   "version" : 1,
 *   "nin" : 2,
 *   "layers" : [ 16, 16, 1 ],
 *   "hiddenActivation" : "relu",
 *   "outputActivation" : "linear",
 *   "features" : [ "width", "length" ],
 *   "classes" : [ "cat", "dog" ],
 *   "run" : "2c5e0f3a-...",
 *   "parameters" : [ 0.2355..., ... ]
 * }
 * }</pre>
 * {@code layers} are the layer widths; the activations are {@code relu}, {@code tanh}, {@code sigmoid} or
 * {@code linear}; {@code parameters} lists every parameter in {@link MLP#parameters()} order (layer by layer, neuron
 * by neuron, the weights then the bias), as many as the architecture has, each written so that it reads back to the
 * same double bit for bit. {@code features}, optional, names the inputs (a model trained on a CSV file's columns), so
 * that a model is applied to the columns of those names, wherever they are. {@code classes}, optional, names the
 * classes in class order (2 for a one-output model, else one per output), the labels of the CSV file the model was
 * trained on, so that a prediction is told in them; without it a class is told by its index. {@code run}, optional,
 * is the id of the training run that wrote the file, which the run also writes into its pictures, so that files of
 * different runs side by side (after a {@code kill -9} between a run's renames) are told apart. No other field is
 * allowed.
 *
 * <p>{@link #save} writes through {@link AtomicFiles} (a temporary file in the target's folder, forced to disk, then
 * renamed over the target), so a crash never leaves a half-written model under the real name. {@link #load} checks
 * the whole file before it builds the model; any problem is a {@link ModelFileException} that says what is wrong,
 * and no model is returned.
 */
public final class ModelFile {

    /** The value of the "format" field. */
    public static final String FORMAT = "micrograd-mlp";
    /** The format version this class writes, and the newest it reads. */
    public static final int VERSION = 1;

    /** The largest model file read: 32 MB, about a million parameters; a larger file is not a model written here. */
    public static final int MAX_BYTES = 32_000_000;

    private static final Set<String> FIELDS =
            Set.of("format", "version", "nin", "layers", "hiddenActivation", "outputActivation", "features",
                    "classes", "run", "parameters");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code file}, atomically replacing any file there and creating missing folders.
     *
     * @throws ModelFileException if a parameter is not finite (a diverged model is not worth keeping)
     * @throws IOException        if the file cannot be written
     * @throws micrograd.files.OutputFolderException if the file's folder is missing and cannot be created
     */
    public static void save(MLP model, Path file) throws IOException {
        save(new SavedModel(model, List.of(), List.of()), file);
    }

    /**
     * Writes {@code saved}'s model and, when it has them, its feature and class names to {@code file}, as
     * {@link #save(MLP, Path)}.
     *
     * @throws ModelFileException if a parameter is not finite
     * @throws IOException        if the file cannot be written
     */
    public static void save(SavedModel saved, Path file) throws IOException {
        MLP model = saved.model();
        double[] parameters = model.parameterData();
        for (int i = 0; i < parameters.length; i++) {
            if (!Double.isFinite(parameters[i])) {
                throw new ModelFileException("cannot save to " + file + ": parameter " + i + " is " + parameters[i]
                        + " (the training diverged; lower the learning rate or the L2 strength)");
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("nin", model.nin());
        ArrayNode layers = root.putArray("layers");
        model.sizes().forEach(layers::add);
        root.put("hiddenActivation", activationName(model.hiddenActivation()));
        root.put("outputActivation", activationName(model.outputActivation()));
        if (!saved.featureNames().isEmpty()) {
            saved.featureNames().forEach(root.putArray("features")::add);
        }
        if (!saved.classNames().isEmpty()) {
            saved.classNames().forEach(root.putArray("classes")::add);
        }
        if (!saved.run().isEmpty()) {
            root.put("run", saved.run());
        }
        ArrayNode values = root.putArray("parameters");
        for (double p : parameters) {
            values.add(p);
        }
        byte[] json = JSON.writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(json));
    }

    /**
     * Reads the model in {@code file}.
     *
     * @throws ModelFileException if the file is not a complete, valid model file of a version this class reads
     * @throws IOException        if the file cannot be read
     */
    public static MLP load(Path file) throws IOException {
        return read(file).model();
    }

    /**
     * Reads the model in {@code file} and the names of its features and classes, when the file has them.
     *
     * @throws ModelFileException if the file is not a complete, valid model file of a version this class reads
     * @throws IOException        if the file cannot be read
     */
    public static SavedModel read(Path file) throws IOException {
        JsonNode root = parse(readAtMost(file), file);
        String where = file.toString();
        if (!root.isObject()) {
            throw new ModelFileException(where + " is not a micrograd model file: it holds a JSON "
                    + root.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not an object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.textValue().equals(FORMAT)) {
            throw new ModelFileException(where + " is not a micrograd model file: its \"format\" is "
                    + (format == null ? "missing" : format.toString()) + ", expected \"" + FORMAT + "\"");
        }
        int version = positiveInt(root, "version", where);
        if (version > VERSION) {
            throw new ModelFileException(where + " has format version " + version
                    + ", newer than this program reads (" + VERSION + "); use a newer micrograd-java");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new ModelFileException(where + " has an unknown field \"" + name + "\"; version " + VERSION
                        + " files have exactly " + FIELDS);
            }
        }
        int nin = positiveInt(root, "nin", where);
        List<Integer> layers = layerWidths(root, where);
        Activation hidden = activation(root, "hiddenActivation", where);
        Activation output = activation(root, "outputActivation", where);
        List<String> featureNames = names(root, "features", nin, "one per input", where);
        double[] parameters = parameters(root, where);
        long expected = 0;
        long in = nin;
        for (int width : layers) {
            expected = Math.min(Long.MAX_VALUE / 2, expected + (in + 1) * width); // nin = 2^31 - 1 must not wrap
            in = width;
        }
        if (parameters.length != expected) {
            throw new ModelFileException(where + " does not fit together: an MLP with " + nin + " inputs and layers "
                    + layers + " has " + expected + " parameters, but the file lists " + parameters.length);
        }
        MLP model;
        try {
            model = MLP.builder(nin).layers(layers.stream().mapToInt(Integer::intValue).toArray())
                    .hidden(hidden).output(output).seed(0).build();
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(where + ": " + e.getMessage(), e);
        }
        model.setParameterData(parameters);
        List<String> classNames = names(root, "classes", SavedModel.classes(model), "one per class", where);
        return new SavedModel(model, featureNames, classNames, run(root, where));
    }

    private static String run(JsonNode root, String where) throws ModelFileException {
        JsonNode node = root.get("run");
        if (node == null) {
            return "";
        }
        if (!node.isTextual() || node.textValue().isEmpty()) {
            throw new ModelFileException(where + ": \"run\" must be a run's id, a non-empty text, found " + node);
        }
        return node.textValue();
    }

    /** The optional list {@code field} of {@code count} distinct, non-empty names; none when the file has no such field. */
    private static List<String> names(JsonNode root, String field, int count, String what, String where)
            throws ModelFileException {
        JsonNode node = root.get(field);
        if (node == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (node.isArray() && node.size() == count) {
            for (JsonNode name : node) {
                if (name.isTextual() && !name.textValue().isEmpty() && !names.contains(name.textValue())) {
                    names.add(name.textValue());
                }
            }
        }
        if (names.size() != count) {
            throw new ModelFileException(where + ": \"" + field + "\" must list " + count + " distinct names, " + what
                    + ", found " + node);
        }
        return names;
    }

    /** The file's bytes, refusing a file (or a device such as /dev/zero) longer than {@link #MAX_BYTES}. */
    static byte[] readAtMost(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ModelFileException(file + " is larger than " + MAX_BYTES / 1_000_000 + " MB, more than any "
                        + "model micrograd writes; give a model file written by micrograd");
            }
            return bytes;
        }
    }

    private static JsonNode parse(byte[] bytes, Path file) throws ModelFileException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonEOFException e) {
            throw new ModelFileException(file + " ends too early (truncated?): " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file + " is not valid JSON (corrupt?): " + describe(e), e);
        } catch (IOException e) {
            throw new ModelFileException(file + " cannot be parsed: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ModelFileException(file + " is empty; expected a micrograd model file (JSON)");
        }
        return root;
    }

    /** Jackson's message without its "[Source: REDACTED ...; " preamble, and where the problem is. */
    private static String describe(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; ", "[") + (e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }

    private static int positiveInt(JsonNode root, String field, String where) throws ModelFileException {
        JsonNode node = root.get(field);
        if (node == null || !node.isInt() || node.intValue() < 1) {
            throw new ModelFileException(where + ": \"" + field + "\" must be a whole number >= 1, found "
                    + (node == null ? "nothing" : node.toString()));
        }
        return node.intValue();
    }

    private static List<Integer> layerWidths(JsonNode root, String where) throws ModelFileException {
        JsonNode node = root.get("layers");
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new ModelFileException(where + ": \"layers\" must be a non-empty list of layer widths, found "
                    + (node == null ? "nothing" : node.toString()));
        }
        List<Integer> widths = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode width = node.get(i);
            if (!width.isInt() || width.intValue() < 1) {
                throw new ModelFileException(where + ": layer " + (i + 1) + " has width " + width
                        + "; every width must be a whole number >= 1");
            }
            widths.add(width.intValue());
        }
        return widths;
    }

    private static Activation activation(JsonNode root, String field, String where) throws ModelFileException {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new ModelFileException(where + ": \"" + field + "\" must be one of relu, tanh, sigmoid, linear, found "
                    + (node == null ? "nothing" : node.toString()));
        }
        try {
            return Activation.parse(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(where + ": \"" + field + "\": " + e.getMessage(), e);
        }
    }

    private static double[] parameters(JsonNode root, String where) throws ModelFileException {
        JsonNode node = root.get("parameters");
        if (node == null || !node.isArray()) {
            throw new ModelFileException(where + ": \"parameters\" must be a list of numbers, found "
                    + (node == null ? "nothing" : node.toString()));
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(i);
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                throw new ModelFileException(where + ": parameter " + i + " is " + value + ", not a finite number");
            }
            values[i] = value.doubleValue();
        }
        return values;
    }

    private static String activationName(Activation activation) {
        return activation.name().toLowerCase(Locale.ROOT);
    }
}
