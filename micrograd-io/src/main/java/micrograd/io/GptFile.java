package micrograd.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import micrograd.files.AtomicFiles;
import micrograd.gpt.Gpt;
import micrograd.gpt.GptShape;
import micrograd.gpt.Tokenizer;

/**
 * Saves and loads a trained microgpt ({@link Gpt} and its {@link Tokenizer}) as a JSON text file, format version
 * {@value #VERSION}:
 * <pre>{@code
 * {
 *   "format" : "micrograd-gpt",
 *   "version" : 1,
 *   "vocabulary" : "abcdefghijklmnopqrstuvwxyz",
 *   "layers" : 1, "embd" : 16, "heads" : 4, "blockSize" : 16,
 *   "parameters" : [ 0.0133..., ... ]
 * }
 * }</pre>
 * {@code vocabulary} lists the characters of tokens 0 to n-1 (BOS is token n); {@code parameters} lists every weight
 * in {@link Gpt#parameters()} order, each written so that it reads back bit for bit. Every field is required and no
 * other is allowed. {@link #save} writes through {@link AtomicFiles}; {@link #load} checks the whole file and
 * reports any problem as a {@link ModelFileException} naming the file.
 */
public final class GptFile {

    /** The value of the "format" field. */
    public static final String FORMAT = "micrograd-gpt";
    /** The format version this class writes, and the newest it reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    /** A saved model: its tokenizer and its weights. */
    public record Contents(Tokenizer tokenizer, GptShape shape, double[] weights) {
    }

    /** The file's fields, as Jackson reads and writes them. */
    private record Fields(String format, int version, String vocabulary, int layers, int embd, int heads,
                          int blockSize, double[] parameters) {
    }

    private GptFile() {
    }

    /**
     * Writes {@code model} and its {@code tokenizer} to {@code file}, atomically replacing any file there.
     *
     * @throws ModelFileException if a weight is not finite
     * @throws IOException        if the file cannot be written
     */
    public static void save(Path file, Gpt model, Tokenizer tokenizer) throws IOException {
        GptShape shape = model.shape();
        if (shape.vocabSize() != tokenizer.vocabSize()) {
            throw new IllegalArgumentException("the model has " + shape.vocabSize() + " tokens, the tokenizer "
                    + tokenizer.vocabSize());
        }
        double[] weights = model.parameterData();
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new ModelFileException("cannot save to " + file + ": weight " + i + " is " + weights[i]
                        + " (the training diverged)");
            }
        }
        byte[] json = JSON.writeValueAsBytes(new Fields(FORMAT, VERSION, tokenizer.characters(), shape.layers(),
                shape.embd(), shape.heads(), shape.blockSize(), weights));
        AtomicFiles.write(file, out -> out.write(json));
    }

    /**
     * Reads the model in {@code file}.
     *
     * @throws ModelFileException if the file is not a complete, consistent microgpt file of a version this reads
     * @throws IOException        if the file cannot be read
     */
    public static Contents load(Path file) throws IOException {
        byte[] bytes = ModelFile.readAtMost(file);
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new ModelFileException(file + " is empty; expected a micrograd GPT file (JSON)");
        }
        Fields fields;
        try {
            fields = JSON.readValue(bytes, Fields.class);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file + " is not a micrograd GPT file: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()), e);
        }
        if (fields == null) {
            throw new ModelFileException(file + " holds JSON null; expected a micrograd GPT file");
        }
        if (!FORMAT.equals(fields.format())) {
            throw new ModelFileException(file + " is not a micrograd GPT file: its \"format\" is \""
                    + fields.format() + "\", expected \"" + FORMAT + "\"");
        }
        if (fields.version() < 1 || fields.version() > VERSION) {
            throw new ModelFileException(file + " has format version " + fields.version() + "; this program reads "
                    + "version " + VERSION);
        }
        try {
            Tokenizer tokenizer = Tokenizer.ofCharacters(fields.vocabulary());
            GptShape shape = new GptShape(tokenizer.vocabSize(), fields.layers(), fields.embd(), fields.heads(),
                    fields.blockSize());
            double[] weights = fields.parameters();
            if (weights.length != shape.parameterCount()) {
                throw new IllegalArgumentException("a GPT of " + shape + " has " + shape.parameterCount()
                        + " parameters, but the file lists " + weights.length);
            }
            for (int i = 0; i < weights.length; i++) {
                if (!Double.isFinite(weights[i])) {
                    throw new IllegalArgumentException("parameter " + i + " is " + weights[i]
                            + ", not a finite number");
                }
            }
            return new Contents(tokenizer, shape, weights);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + " does not fit together: " + e.getMessage(), e);
        }
    }
}
