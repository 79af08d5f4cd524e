/**
 * Karpathy's microgpt (February 2026) on the engine's {@link micrograd.engine.Value}: a one-layer GPT trained on
 * names, one name per step, and sampled from. {@link micrograd.gpt.Microgpt} runs microgpt.py's program in its
 * order, {@link micrograd.gpt.Gpt} is its model (embeddings, RMSNorm, multi-head attention with a
 * {@link micrograd.gpt.KvCache}, a ReLU MLP, softmax and cross-entropy), the nn library's
 * {@link micrograd.train.Adam} its optimizer, {@link micrograd.gpt.Tokenizer} its character tokenizer and {@link micrograd.gpt.Documents} its
 * dataset, including the names file that ships here. The random draws are CPython's
 * ({@link micrograd.data.PythonRandom}) and every expression keeps the original's order of operations, so a seed
 * prints the Python original's losses and samples. A step's loss and gradient come from a
 * {@link micrograd.gpt.LossGradient}, which works on the weights as one array: the object graph by default, or
 * {@code micrograd.fast.DerivedGpt} (module micrograd-fast), compiled from {@link micrograd.gpt.Gpt}'s own graph; its
 * samples likewise from a {@link micrograd.gpt.Sampler}, around the one inference loop, {@link micrograd.gpt.Gpt#draw}.
 * {@link micrograd.gpt.GptReading} is what the model makes of one name (attention, next-token probabilities,
 * losses per position), read off the forward pass that computes its loss. Single-threaded, like the engine.
 */
package micrograd.gpt;
