/**
 * Training the networks of {@code micrograd.nn}: the loop of micrograd's demo, configurable. A loss from
 * {@link micrograd.train.Loss} (mean squared error, the SVM hinge, a stable logistic loss, a stable softmax
 * cross-entropy, L2 regularisation), {@code zeroGrad()}, {@code backward()}, and an {@link micrograd.train.Optimizer}
 * step ({@link micrograd.train.SGD} with optional momentum, {@link micrograd.train.Adam}) at a rate from a
 * {@link micrograd.train.LearningRateSchedule}. {@link micrograd.train.Trainer} packages that loop ({@code start} gives
 * it one step at a time as a {@link micrograd.train.Training}), with losses, optimizers and schedules also chosen by
 * name ({@link micrograd.train.LossKind}, {@link micrograd.train.OptimizerKind}, {@link micrograd.train.ScheduleKind}),
 * defaulting to the demo's settings and stopping with a {@link micrograd.train.TrainingDivergedException} at the first
 * loss that is not finite; {@link micrograd.train.Metrics} measures accuracy. {@link micrograd.train.TrainingSpec} is
 * what a user asks a run for (the command's options, the playground's link), and {@link micrograd.train.MicrogradDemo}
 * is micrograd's demo itself, defined once. Every random choice takes a seed, so a run repeats bit for bit. A step is
 * run however large it is; the front ends bound what a user may ask for.
 *
 * <p>How a step's loss and gradient are computed is a {@link micrograd.train.GradientPath}: by default the object graph
 * and {@code backward()}, as the lessons teach; the faster paths (a compiled tape, several threads) live in
 * {@code micrograd.fast}, above this package. Like the engine, this package depends on nothing but the JDK and uses no
 * threads.
 */
package micrograd.train;
