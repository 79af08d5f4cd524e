/**
 * The performance benchmarks behind the README's Performance section, one workload per file: {@link
 * micrograd.bench.DemoProblem} is micrograd's demo as a training step (object graph and tape), {@link
 * micrograd.bench.HandWrittenMlp} the same step as a plain {@code double[]} loop, the stand-in for what the hardware
 * can do, {@link micrograd.bench.Chain} a chain of n operations for depth, and {@link micrograd.bench.HandWrittenChain}
 * the same chain as a plain linked list, the stand-in for what the JVM costs for n linked nodes. The JMH benchmarks
 * measure them ({@code DemoStepBenchmark}, {@code ChainBenchmark}, {@code ParallelBenchmark}); {@link
 * micrograd.bench.Bench} runs short versions for {@code ./micrograd bench} and prints one line per figure, measuring
 * the chain against the linked list ({@code InterleavedChain}) and the parallel speed-up with 1 and 2 workers ({@code
 * InterleavedSpeedup}) by taking turns in one JVM ({@code Alternation}), so that the machine's drift cancels out of
 * the ratios. {@link micrograd.bench.PythonMicrogpt} times CPython running Karpathy's microgpt.py (shipped beside it
 * with its licence) in the same run, for the microgpt figure, and {@link micrograd.bench.CompiledGpt}, microgpt's step
 * derived by hand, is the baseline that the step the compiler derives ({@code micrograd.fast.DerivedGpt}) is measured
 * against ({@code MicrogptStepBenchmark}). This module depends on the core library and is never a
 * dependency of it.
 */
package micrograd.bench;
