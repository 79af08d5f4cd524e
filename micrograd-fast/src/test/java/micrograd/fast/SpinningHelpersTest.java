package micrograd.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Rounds of shared work done by an owner and its spinning helpers: all of it, once, and the threads go quiet. */
class SpinningHelpersTest {

    /** A round's work: items taken one at a time by whichever thread comes first. */
    private static final class Work {
        static final int ITEMS = 10;
        final AtomicInteger next = new AtomicInteger(ITEMS);
        final AtomicInteger done = new AtomicInteger(ITEMS);
        final AtomicLong total = new AtomicLong();
        volatile int round;
        volatile Thread owner;

        void take() {
            for (int i = next.getAndIncrement(); i < ITEMS; i = next.getAndIncrement()) {
                total.addAndGet((long) round * ITEMS + i);
                if (done.incrementAndGet() == ITEMS) {
                    LockSupport.unpark(owner);
                }
            }
        }
    }

    private static List<Thread> threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).toList();
    }

    @Test
    void everyItemOfEveryRoundIsDoneExactlyOnce() {
        Work work = new Work();
        int rounds = 2_000;
        try (SpinningHelpers helpers = new SpinningHelpers(3, "spinning-test-rounds", work::take)) {
            for (int r = 0; r < rounds; r++) {
                work.round = r;
                work.owner = Thread.currentThread();
                work.done.set(0);
                work.next.set(0);
                helpers.startRound();
                work.take();
                SpinningHelpers.await(() -> work.done.get() == Work.ITEMS);
            }
        }
        long items = (long) rounds * Work.ITEMS;
        assertThat(work.total.get()).isEqualTo(items * (items - 1) / 2);
    }

    @Test
    void idleHelpersParkAndClosedHelpersEnd() throws InterruptedException {
        String name = "spinning-test-idle";
        SpinningHelpers helpers = new SpinningHelpers(2, name, () -> { });
        helpers.startRound();
        List<Thread> threads = threadsNamed(name);
        assertThat(threads).hasSize(2);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (threads.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(threads).as("parked after spinning %d ns without a round", SpinningHelpers.SPIN_NANOS)
                .allMatch(t -> t.getState() == Thread.State.WAITING);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long before = threads.stream().mapToLong(t -> cpu.getThreadCpuTime(t.getId())).sum();
        Thread.sleep(500);
        long idle = threads.stream().mapToLong(t -> cpu.getThreadCpuTime(t.getId())).sum() - before;
        assertThat(idle).as("CPU ns the parked helpers used in 0.5 s: they sleep until a round, no timed wake-ups")
                .isLessThan(2_000_000L);
        helpers.close();
        for (Thread thread : threads) {
            thread.join(5_000);
            assertThat(thread.isAlive()).isFalse();
        }
        assertThatThrownBy(helpers::startRound).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped");
    }
}
