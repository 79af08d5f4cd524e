package micrograd.app;

import java.io.PrintWriter;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import micrograd.train.TrainingStep;

/**
 * Shows training progress: a progress bar carrying the latest step's loss and accuracy when a person watches a
 * terminal, else micrograd's notebook line per step ({@code step 0 loss 0.8958..., accuracy 50.0%}), which a log
 * file or a pipe can keep.
 */
final class StepReporter implements Consumer<TrainingStep>, AutoCloseable {

    private final PrintWriter out;
    private final ProgressBar bar;

    private StepReporter(PrintWriter out, ProgressBar bar) {
        this.out = out;
        this.bar = bar;
    }

    /** A progress bar when stdin and stdout are a terminal (the JVM has a console), plain lines on {@code out} else. */
    static StepReporter of(PrintWriter out, int steps) {
        if (System.console() == null) {
            return new StepReporter(out, null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("training").setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100).continuousUpdate().build();
        return new StepReporter(out, bar);
    }

    @Override
    public void accept(TrainingStep step) {
        if (bar == null) {
            out.println(step);
            return;
        }
        bar.setExtraMessage(String.format(" loss %.4f, accuracy %.1f%%", step.loss(), 100 * step.accuracy()));
        bar.step();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
