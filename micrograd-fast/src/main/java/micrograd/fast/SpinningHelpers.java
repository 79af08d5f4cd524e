package micrograd.fast;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Helper threads that each run one task whenever their owner starts a round, and that wait for the next round by
 * spinning for a short while before they park.
 *
 * <p>Why spin: a training step on a small batch takes a tenth of a millisecond or so, and the next round starts a
 * few microseconds after the last one ended. A parked thread takes tens of microseconds to wake up, which would eat
 * most of what a second core gains; a spinning one starts at once. After {@link #SPIN_NANOS} without a round a helper
 * parks, so a paused training loop does not keep a core busy. On a single core spinning only delays the thread
 * being waited for, so there a helper parks at once.
 *
 * <p>The owner must not wait for the helpers to finish a round: a helper the operating system starts late may still
 * be in the previous round's task. Tasks should therefore take their work from a shared queue (a helper that comes
 * late finds it empty) and the owner should wait for the work to be done, for example with {@link #await}.
 */
final class SpinningHelpers implements AutoCloseable {

    /** How long a waiting thread spins before it parks: a few training steps of a small model. */
    static final long SPIN_NANOS = 2_000_000;

    private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1;

    private final Thread[] threads;
    private final Runnable task;
    /** The number of rounds started; written by the owner only. */
    private volatile int round;
    private volatile boolean closed;

    /** Starts {@code count} daemon threads named {@code name} that run {@code task} once per round. */
    SpinningHelpers(int count, String name, Runnable task) {
        this.task = task;
        this.threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            threads[i] = new Thread(this::serve, name);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    /** Makes every helper run the task once more (the task sees what the owner wrote before this call). */
    void startRound() {
        if (closed) {
            throw new IllegalStateException("the helper threads were stopped");
        }
        round++;
        for (Thread thread : threads) {
            LockSupport.unpark(thread);
        }
    }

    /** Stops the helpers once they have finished their current task. */
    @Override
    public void close() {
        closed = true;
        for (Thread thread : threads) {
            LockSupport.unpark(thread);
        }
    }

    private void serve() {
        int seen = 0;
        while (true) {
            int last = seen;
            await(() -> round != last || closed);
            if (closed) {
                return;
            }
            seen = round;
            task.run();
        }
    }

    /**
     * Returns once {@code done} holds: spins for up to {@link #SPIN_NANOS}, then parks until unparked, checking again
     * after every wake-up. Whoever makes {@code done} true must unpark the waiting thread afterwards (an unpark that
     * comes before the park lets the park return at once, so no wake-up is lost); a parked thread then costs no CPU
     * however long it idles.
     */
    static void await(BooleanSupplier done) {
        long parkAt = System.nanoTime() + (MULTICORE ? SPIN_NANOS : 0);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() < parkAt) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(done);
            }
        }
    }
}
