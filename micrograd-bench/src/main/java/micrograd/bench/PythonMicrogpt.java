package micrograd.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import micrograd.files.AtomicFiles;
import micrograd.gpt.Documents;

/**
 * Karpathy's microgpt.py run by CPython, to time its training step on this machine in the same run as ours: the script
 * as published ({@code micrograd/bench/python/microgpt.py}; its source and licence are in the README beside it) with
 * one line changed, {@code num_steps}, in a temporary folder holding the project's names file as its
 * {@code input.txt}. Unbuffered ({@code -u}), it prints one step line per step as the step ends; the time from the
 * first line to the last over the steps between is its time per step, leaving out its start (building 4,192
 * {@code Value}s) and its sampling, which are not run: the script is stopped after its last step line.
 */
final class PythonMicrogpt {

    /** The script's own line that sets the run's length, replaced in the copy that runs. */
    static final String NUM_STEPS_LINE = "num_steps = 1000 # number of training steps";

    /**
     * What a run measured.
     *
     * @param secondsPerStep the mean wall time of a step after the first
     * @param stepLines      the step lines as printed, first step first ({@code step    1 /    3 | loss 3.3660})
     * @param version        the interpreter's {@code --version} line
     */
    record Timing(double secondsPerStep, List<String> stepLines, String version) {
    }

    private PythonMicrogpt() {
    }

    /**
     * Runs {@code steps} (at least 2) steps of microgpt.py with {@code python}, stopping it after {@code timeoutSeconds}
     * whatever it has done. Empty when {@code python} cannot be started.
     *
     * @throws IOException if the script fails or does not print all its step lines in time
     */
    static Optional<Timing> time(String python, int steps, long timeoutSeconds) throws IOException,
            InterruptedException {
        if (steps < 2) {
            throw new IllegalArgumentException("timing a step needs at least 2 steps, got " + steps);
        }
        Optional<String> version = version(python);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Path folder = Files.createTempDirectory("micrograd-bench-microgpt");
        try {
            writeScript(folder, steps);
            return Optional.of(run(python, folder, steps, timeoutSeconds, version.get()));
        } finally {
            AtomicFiles.deleteTree(folder);
        }
    }

    /** {@code python --version}, or empty when it cannot be started or fails. */
    private static Optional<String> version(String python) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void writeScript(Path folder, int steps) throws IOException {
        String script;
        try (InputStream in = PythonMicrogpt.class.getResourceAsStream("python/microgpt.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!script.contains(NUM_STEPS_LINE)) {
            throw new IllegalStateException("microgpt.py has no line '" + NUM_STEPS_LINE + "' to change");
        }
        Files.writeString(folder.resolve("microgpt.py"), script.replace(NUM_STEPS_LINE, "num_steps = " + steps));
        try (InputStream names = Documents.class.getResourceAsStream("names.txt")) {
            Files.copy(names, folder.resolve("input.txt"));
        }
    }

    private static Timing run(String python, Path folder, int steps, long timeoutSeconds, String version)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(python, "-u", "microgpt.py").directory(folder.toFile())
                .redirectErrorStream(true).start();
        Thread watchdog = new Thread(() -> stopAfter(process, timeoutSeconds), "microgpt.py watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        List<String> stepLines = new ArrayList<>();
        List<String> otherLines = new ArrayList<>();
        long first = 0;
        long last = 0;
        try (InputStream out = process.getInputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while (stepLines.size() < steps && (b = out.read()) != -1) {
                if (b != '\r' && b != '\n') {
                    line.write(b);
                    continue;
                }
                long now = System.nanoTime();
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (text.startsWith("step ")) {
                    stepLines.add(text);
                    if (stepLines.size() == 1) {
                        first = now;
                    }
                    last = now;
                } else if (!text.isBlank()) {
                    otherLines.add(text);
                }
            }
        } finally {
            stop(process);
            watchdog.interrupt();
        }
        if (stepLines.size() < steps) {
            boolean timedOut = System.nanoTime() - started >= TimeUnit.SECONDS.toNanos(timeoutSeconds);
            throw new IOException("microgpt.py printed " + stepLines.size() + " of its " + steps + " step lines"
                    + (timedOut ? " in " + timeoutSeconds + " s and was stopped" : "")
                    + (otherLines.isEmpty() ? "" : "; its last line: " + otherLines.get(otherLines.size() - 1)));
        }
        return new Timing((last - first) / 1e9 / (steps - 1), List.copyOf(stepLines), version);
    }

    private static void stopAfter(Process process, long timeoutSeconds) {
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                stop(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
