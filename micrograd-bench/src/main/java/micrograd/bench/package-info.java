/**
 * The performance benchmarks behind the README's Performance section, one workload per file: {@link
 * micrograd.bench.DemoProblem} is micrograd's demo as a training step (object graph and tape), {@link
 * micrograd.bench.HandWrittenMlp} the same step as a plain {@code double[]} loop, the stand-in for what the hardware
 * can do, and {@link micrograd.bench.Chain} a chain of n operations for depth. The JMH benchmarks measure them
 * ({@code DemoStepBenchmark}, {@code ChainBenchmark}, {@code ParallelBenchmark}); {@link micrograd.bench.Bench} runs
 * short versions for {@code ./micrograd bench} and prints one line per target, measuring the parallel speed-up with
 * 1 and 2 workers taking turns in one JVM ({@code InterleavedSpeedup}) so that the machine's drift cancels out. This
 * module depends on the core library and is never a dependency of it.
 */
package micrograd.bench;
