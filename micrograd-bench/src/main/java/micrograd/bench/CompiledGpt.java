package micrograd.bench;

import java.util.Arrays;
import micrograd.engine.Op;
import micrograd.engine.Value;
import micrograd.gpt.Gpt;
import micrograd.gpt.GptShape;
import micrograd.gpt.LossGradient;

/**
 * The hand-written baseline for {@code micrograd.fast.DerivedGpt}, which derives the same step from {@link Gpt}'s graph:
 * kept here, out of the product, only to measure the compiler against (as {@link HandWrittenMlp} is for the MLP's
 * tape). A change to the model must be made here too, by hand; {@code CompiledGptTest} catches a miss.
 *
 * <p>microgpt's loss and gradient computed over flat arrays instead of a graph of {@link Value}s, with the object
 * graph's numbers bit for bit: every value and local derivative comes from {@link Op}, and each node that receives
 * several gradient contributions receives them in the order {@code Value.backward()} gives them, which is the reverse
 * of the graph's depth-first order. That order, worked out from {@link Gpt}'s code:
 * <ul>
 *   <li>positions from the last to the first (each position's nodes form one block of the depth-first order);</li>
 *   <li>a linear layer's input gets its rows' contributions from the last row to the first, except that the input of
 *       lm_head gets the target token's row last, since the loss reaches the network through that row;</li>
 *   <li>the rows of the query, key and value projections are visited head by head, in the order attention first
 *       reads them: queries, then keys, then values (at position 0, each query next to its key);</li>
 *   <li>an RMSNorm input gets, after what later nodes give it (the residual), its normalized output's contribution,
 *       then its square's two.</li>
 * </ul>
 * Its test compares every loss, the weights after training and the samples with the object graph's. Not thread-safe.
 *
 * <p>For speed (docs/performance.md): each operation is called on its constant ({@code Op.MUL.forward(a, b)}), which
 * the JIT inlines as it is, where {@code Op.forward(Op.MUL, a, b)} would keep its switch at run time (the JIT does not
 * fold an enum's ordinal); every buffer is made once, for the block size, so a step allocates nothing; a
 * linear layer's forward runs four rows at once, whose sums are independent chains the processor overlaps; and its
 * backward takes consecutive rows four at a time, keeping each input gradient in a register across them. Neither
 * changes the order in which any one number is summed, so the results stay bit for bit.
 */
public final class CompiledGpt implements LossGradient {

    private static final double RMS_EPS = 1e-5;

    private final GptShape shape;
    private final Value[] parameters;
    private final int d;
    private final int hd;
    private final int vocab;
    private final int layers;
    private final double invSqrtHeadDim;
    // the weights and their grads in the step being computed, flat in Gpt.parameters() order, and each matrix's
    // offset in them
    private double[] w;
    private double[] gw;
    private final int wte;
    private final int wpe;
    private final int lmHead;
    private final int[] wq;
    private final int[] wk;
    private final int[] wv;
    private final int[] wo;
    private final int[] fc1;
    private final int[] fc2;
    // forward values of every position the block can hold, and scratch buffers, all reused from step to step
    private final Position[] positions;
    private final double[] attentionOut;
    private final double[] mlpOut;
    private final double[] attentionLogits;
    private final double[] gExps;
    private final double[] gLogits;
    private final double[] gTop;
    private final double[] gEmbedding;
    private final double[] gWeights;
    private final double[] gAttentionExps;
    private final LayerGradients[] layerGradients;

    public CompiledGpt(Gpt model) {
        this.shape = model.shape();
        this.parameters = model.parameters().toArray(new Value[0]);
        d = shape.embd();
        hd = shape.headDim();
        vocab = shape.vocabSize();
        layers = shape.layers();
        invSqrtHeadDim = Math.pow(Math.pow(hd, 0.5), -1);
        wte = 0;
        wpe = wte + vocab * d;
        lmHead = wpe + shape.blockSize() * d;
        wq = new int[layers];
        wk = new int[layers];
        wv = new int[layers];
        wo = new int[layers];
        fc1 = new int[layers];
        fc2 = new int[layers];
        int offset = lmHead + vocab * d;
        for (int li = 0; li < layers; li++) {
            wq[li] = offset;
            wk[li] = wq[li] + d * d;
            wv[li] = wk[li] + d * d;
            wo[li] = wv[li] + d * d;
            fc1[li] = wo[li] + d * d;
            fc2[li] = fc1[li] + 4 * d * d;
            offset = fc2[li] + 4 * d * d;
        }
        int block = shape.blockSize();
        positions = new Position[block];
        for (int p = 0; p < block; p++) {
            positions[p] = new Position(p + 1);
        }
        attentionOut = new double[d];
        mlpOut = new double[d];
        attentionLogits = new double[block];
        gExps = new double[vocab];
        gLogits = new double[vocab];
        gTop = new double[d];
        gEmbedding = new double[d];
        gWeights = new double[block];
        gAttentionExps = new double[block];
        layerGradients = new LayerGradients[layers];
        for (int li = 0; li < layers; li++) {
            layerGradients[li] = new LayerGradients();
        }
    }

    /** One layer's gradient buffers at the position being differentiated, cleared before each use. */
    private final class LayerGradients {
        final double[] gx1 = new double[d];
        final double[] gRelu = new double[4 * d];
        final double[] gHidden = new double[4 * d];
        final double[] gxn2 = new double[d];
        final double[] gIn = new double[d];
        final double[] gxa = new double[d];
        final double[] gq = new double[d];
        final double[] gxn = new double[d];
        // the output gradients of a linear layer's rows, one layer at a time
        final double[] gRowOut = new double[d];

        void clear() {
            Arrays.fill(gx1, 0);
            Arrays.fill(gRelu, 0);
            Arrays.fill(gxn2, 0);
            Arrays.fill(gIn, 0);
            Arrays.fill(gxa, 0);
            Arrays.fill(gq, 0);
            Arrays.fill(gxn, 0);
        }
    }

    /** One position's forward values that the backward pass reads. */
    private final class Position {
        final double[] e = new double[d];
        final Norm norm0 = new Norm();
        final double[] x0 = new double[d];
        final Layer[] layer = new Layer[layers];
        final double[] logits = new double[vocab];
        final double[] exps = new double[vocab];
        double total;
        double inverse;
        double prob;

        Position(int count) {
            for (int li = 0; li < layers; li++) {
                layer[li] = new Layer(count);
            }
        }
    }

    /** An RMSNorm's scale and the base it is the power -0.5 of. */
    private static final class Norm {
        double base;
        double scale;
    }

    /** One layer's forward values at one position that attends to {@code count} positions. */
    private final class Layer {
        final double[] in = new double[d];
        final Norm norm1 = new Norm();
        final double[] xn = new double[d];
        final double[] q = new double[d];
        final double[] k = new double[d];
        final double[] v = new double[d];
        final double[][] exps;
        final double[] total;
        final double[] inverse;
        final double[][] weights;
        final double[] xa = new double[d];
        final double[] x1 = new double[d];
        final Norm norm2 = new Norm();
        final double[] xn2 = new double[d];
        final double[] hidden = new double[4 * d];
        final double[] relu = new double[4 * d];
        final double[] x2 = new double[d];
        // gradients of the nodes that later positions also feed: this position's keys and values
        final double[] gk = new double[d];
        final double[] gv = new double[d];

        Layer(int count) {
            int heads = shape.heads();
            exps = new double[heads][count];
            total = new double[heads];
            inverse = new double[heads];
            weights = new double[heads][count];
        }
    }

    @Override
    public double lossAndGradient(int[] tokens, double[] weights, double[] grads) {
        int n = Math.min(shape.blockSize(), tokens.length - 1);
        if (n < 1) {
            throw new IllegalArgumentException("a document needs at least 2 tokens, got " + tokens.length);
        }
        if (weights.length != parameters.length || grads.length != parameters.length) {
            throw new IllegalArgumentException("this model has " + parameters.length + " parameters, got "
                    + weights.length + " weights and " + grads.length + " grads");
        }
        w = weights;
        gw = grads;
        for (int p = 0; p < n; p++) {
            for (Layer l : positions[p].layer) {
                Arrays.fill(l.gk, 0);
                Arrays.fill(l.gv, 0);
            }
        }
        double sum = 0;
        for (int p = 0; p < n; p++) {
            double loss = forward(tokens[p], tokens[p + 1], p, positions);
            sum = Op.SUM.forward(sum, loss);
        }
        double meanFactor = 1.0 / n;
        double loss = Op.MUL.forward(sum, meanFactor);
        double gLoss = Op.MUL.gradA(sum, meanFactor, loss, 1.0);
        for (int p = n - 1; p >= 0; p--) {
            backward(tokens[p], tokens[p + 1], p, positions, gLoss);
        }
        return loss;
    }

    // ---- forward ------------------------------------------------------------------------------------------------

    /** Position p's forward pass; returns its loss, -log p(target). */
    private double forward(int token, int target, int p, Position[] positions) {
        Position pos = positions[p];
        for (int i = 0; i < d; i++) {
            pos.e[i] = Op.ADD.forward(w[wte + token * d + i], w[wpe + p * d + i]);
        }
        rmsnorm(pos.e, pos.norm0, pos.x0);
        double[] x = pos.x0;
        for (int li = 0; li < layers; li++) {
            Layer l = pos.layer[li];
            System.arraycopy(x, 0, l.in, 0, d);
            rmsnorm(l.in, l.norm1, l.xn);
            linear(l.xn, wq[li], d, d, l.q);
            linear(l.xn, wk[li], d, d, l.k);
            linear(l.xn, wv[li], d, d, l.v);
            for (int h = 0; h < shape.heads(); h++) {
                attend(positions, p, li, h);
            }
            double[] ao = attentionOut;
            linear(l.xa, wo[li], d, d, ao);
            for (int i = 0; i < d; i++) {
                l.x1[i] = Op.ADD.forward(ao[i], l.in[i]);
            }
            rmsnorm(l.x1, l.norm2, l.xn2);
            linear(l.xn2, fc1[li], 4 * d, d, l.hidden);
            for (int j = 0; j < 4 * d; j++) {
                l.relu[j] = Op.RELU.forward(l.hidden[j], 0);
            }
            double[] m = mlpOut;
            linear(l.relu, fc2[li], d, 4 * d, m);
            for (int i = 0; i < d; i++) {
                l.x2[i] = Op.ADD.forward(m[i], l.x1[i]);
            }
            x = l.x2;
        }
        linear(x, lmHead, vocab, d, pos.logits);
        pos.total = softmaxTotal(pos.logits, vocab, pos.exps);
        pos.inverse = Op.POW_CONST.forward(pos.total, -1);
        pos.prob = Op.MUL.forward(pos.exps[target], pos.inverse);
        return Op.MUL.forward(Op.LOG.forward(pos.prob, 0), -1);
    }

    /** Head h of layer li at position p: attention weights over positions 0..p and the head's output in xa. */
    private void attend(Position[] positions, int p, int li, int h) {
        Layer l = positions[p].layer[li];
        int hs = h * hd;
        double[] logits = attentionLogits;
        for (int t = 0; t <= p; t++) {
            double[] k = positions[t].layer[li].k;
            double dot = 0;
            for (int j = 0; j < hd; j++) {
                dot = Op.SUM.forward(dot, Op.MUL.forward(l.q[hs + j], k[hs + j]));
            }
            logits[t] = Op.MUL.forward(dot, invSqrtHeadDim);
        }
        double[] exps = l.exps[h];
        l.total[h] = softmaxTotal(logits, p + 1, exps);
        // the graph computes total^-1 once per weight; the value is the same each time
        l.inverse[h] = Op.POW_CONST.forward(l.total[h], -1);
        for (int t = 0; t <= p; t++) {
            l.weights[h][t] = Op.MUL.forward(exps[t], l.inverse[h]);
        }
        for (int j = 0; j < hd; j++) {
            double out = 0;
            for (int t = 0; t <= p; t++) {
                out = Op.SUM.forward(out, Op.MUL.forward(l.weights[h][t], positions[t].layer[li].v[hs + j]));
            }
            l.xa[hs + j] = out;
        }
    }

    /** exp(logit - max) of each logit into exps; returns their sum (Gpt.softmax up to the division). */
    private static double softmaxTotal(double[] logits, int count, double[] exps) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, logits[i]);
        }
        double total = 0;
        for (int i = 0; i < count; i++) {
            exps[i] = Op.EXP.forward(Op.ADD.forward(logits[i], -max), 0);
            total = Op.SUM.forward(total, exps[i]);
        }
        return total;
    }

    private static void rmsnorm(double[] x, Norm norm, double[] out) {
        double squares = 0;
        for (double xi : x) {
            squares = Op.SUM.forward(squares, Op.MUL.forward(xi, xi));
        }
        double ms = Op.MUL.forward(squares, Math.pow(x.length, -1));
        norm.base = Op.ADD.forward(ms, RMS_EPS);
        norm.scale = Op.POW_CONST.forward(norm.base, -0.5);
        for (int i = 0; i < x.length; i++) {
            out[i] = Op.MUL.forward(x[i], norm.scale);
        }
    }

    /** out[o] = sum_i w[o][i] * x[i] for the rows x columns matrix at {@code offset}, four rows at a time. */
    private void linear(double[] x, int offset, int rows, int columns, double[] out) {
        int o = 0;
        for (; o + 3 < rows; o += 4) {
            int r0 = offset + o * columns;
            int r1 = r0 + columns;
            int r2 = r1 + columns;
            int r3 = r2 + columns;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < columns; i++) {
                double xi = x[i];
                s0 = Op.SUM.forward(s0, Op.MUL.forward(w[r0 + i], xi));
                s1 = Op.SUM.forward(s1, Op.MUL.forward(w[r1 + i], xi));
                s2 = Op.SUM.forward(s2, Op.MUL.forward(w[r2 + i], xi));
                s3 = Op.SUM.forward(s3, Op.MUL.forward(w[r3 + i], xi));
            }
            out[o] = s0;
            out[o + 1] = s1;
            out[o + 2] = s2;
            out[o + 3] = s3;
        }
        for (; o < rows; o++) {
            double sum = 0;
            int row = offset + o * columns;
            for (int i = 0; i < columns; i++) {
                sum = Op.SUM.forward(sum, Op.MUL.forward(w[row + i], x[i]));
            }
            out[o] = sum;
        }
    }

    // ---- backward -----------------------------------------------------------------------------------------------

    private void backward(int token, int target, int p, Position[] positions, double gLoss) {
        Position pos = positions[p];
        // loss_p = log(prob) * -1, prob = exps[target] * total^-1
        double gLog = Op.MUL.gradA(0, -1, 0, gLoss);
        double gProb = Op.LOG.gradA(pos.prob, 0, 0, gLog);
        Arrays.fill(gExps, 0);
        gExps[target] = Op.MUL.gradA(pos.exps[target], pos.inverse, pos.prob, gProb);
        double gInverse = Op.MUL.gradB(pos.exps[target], pos.inverse, pos.prob, gProb);
        double gTotal = Op.POW_CONST.gradA(pos.total, -1, pos.inverse, gInverse);
        for (int v = 0; v < vocab; v++) {
            gExps[v] += Op.SUM.gradA(0, 0, 0, gTotal);
            gLogits[v] = Op.ADD.gradA(0, 0, 0, Op.EXP.gradA(0, 0, pos.exps[v], gExps[v]));
        }
        double[] gx = gTop;
        Arrays.fill(gx, 0);
        Layer last = pos.layer[layers - 1];
        // the target's row reached the network first, so its contribution comes last
        rowsBackward(last.x2, lmHead, vocab - 1, target + 1, d, gLogits, gx);
        rowsBackward(last.x2, lmHead, target - 1, 0, d, gLogits, gx);
        rowsBackward(last.x2, lmHead, target, target, d, gLogits, gx);

        for (int li = layers - 1; li >= 0; li--) {
            gx = layerBackward(positions, p, li, gx);
        }
        double[] ge = gEmbedding;
        Arrays.fill(ge, 0);
        rmsnormBackward(pos.e, pos.norm0, gx, ge);
        for (int i = 0; i < d; i++) {
            gw[wte + token * d + i] += Op.ADD.gradA(0, 0, 0, ge[i]);
            gw[wpe + p * d + i] += Op.ADD.gradB(0, 0, 0, ge[i]);
        }
    }

    /** Layer li at position p, given the gradient of its output; returns the gradient of its input. */
    private double[] layerBackward(Position[] positions, int p, int li, double[] gx2) {
        Layer l = positions[p].layer[li];
        LayerGradients g = layerGradients[li];
        g.clear();
        // x2 = m + x1; m = fc2 @ relu
        double[] gx1 = g.gx1;
        for (int o = d - 1; o >= 0; o--) {
            gx1[o] += Op.ADD.gradB(0, 0, 0, gx2[o]);
        }
        double[] gm = g.gRowOut;
        for (int o = d - 1; o >= 0; o--) {
            gm[o] = Op.ADD.gradA(0, 0, 0, gx2[o]);
        }
        rowsBackward(l.relu, fc2[li], d - 1, 0, 4 * d, gm, g.gRelu);
        double[] gHidden = g.gHidden;
        for (int j = 4 * d - 1; j >= 0; j--) {
            gHidden[j] = Op.RELU.gradA(l.hidden[j], 0, l.relu[j], g.gRelu[j]);
        }
        rowsBackward(l.xn2, fc1[li], 4 * d - 1, 0, d, gHidden, g.gxn2);
        rmsnormBackward(l.x1, l.norm2, g.gxn2, gx1);
        // x1 = ao + in; ao = wo @ xa
        double[] gIn = g.gIn;
        for (int o = d - 1; o >= 0; o--) {
            gIn[o] += Op.ADD.gradB(0, 0, 0, gx1[o]);
        }
        double[] gao = g.gRowOut;
        for (int o = d - 1; o >= 0; o--) {
            gao[o] = Op.ADD.gradA(0, 0, 0, gx1[o]);
        }
        rowsBackward(l.xa, wo[li], d - 1, 0, d, gao, g.gxa);
        double[] gq = g.gq;
        for (int h = shape.heads() - 1; h >= 0; h--) {
            attendBackward(positions, p, li, h, g.gxa, gq);
        }
        // the projections' rows in reverse of the order attention first read them
        double[] gxn = g.gxn;
        for (int h = shape.heads() - 1; h >= 0; h--) {
            int hs = h * hd;
            rowsBackward(l.xn, wv[li], hs + hd - 1, hs, d, l.gv, gxn);
            if (p == 0) {
                for (int j = hd - 1; j >= 0; j--) {
                    rowsBackward(l.xn, wk[li], hs + j, hs + j, d, l.gk, gxn);
                    rowsBackward(l.xn, wq[li], hs + j, hs + j, d, gq, gxn);
                }
            } else {
                rowsBackward(l.xn, wk[li], hs + hd - 1, hs, d, l.gk, gxn);
                rowsBackward(l.xn, wq[li], hs + hd - 1, hs, d, gq, gxn);
            }
        }
        rmsnormBackward(l.in, l.norm1, gxn, gIn);
        return gIn;
    }

    private void attendBackward(Position[] positions, int p, int li, int h, double[] gxa, double[] gq) {
        Layer l = positions[p].layer[li];
        int hs = h * hd;
        double[] gWeights = this.gWeights;
        Arrays.fill(gWeights, 0, p + 1, 0);
        for (int j = hd - 1; j >= 0; j--) {
            double g = Op.SUM.gradA(0, 0, 0, gxa[hs + j]);
            for (int t = p; t >= 0; t--) {
                Layer at = positions[t].layer[li];
                gWeights[t] += Op.MUL.gradA(l.weights[h][t], at.v[hs + j], 0, g);
                at.gv[hs + j] += Op.MUL.gradB(l.weights[h][t], at.v[hs + j], 0, g);
            }
        }
        double[] exps = l.exps[h];
        double[] gExps = gAttentionExps;
        Arrays.fill(gExps, 0, p + 1, 0);
        double gTotal = 0;
        for (int t = p; t >= 0; t--) {
            gExps[t] += Op.MUL.gradA(exps[t], l.inverse[h], l.weights[h][t], gWeights[t]);
            double gInverse = Op.MUL.gradB(exps[t], l.inverse[h], l.weights[h][t], gWeights[t]);
            gTotal += Op.POW_CONST.gradA(l.total[h], -1, l.inverse[h], gInverse);
        }
        for (int t = p; t >= 0; t--) {
            gExps[t] += Op.SUM.gradA(0, 0, 0, gTotal);
            double gLogit = Op.ADD.gradA(0, 0, 0, Op.EXP.gradA(0, 0, exps[t], gExps[t]));
            double gDot = Op.MUL.gradA(0, invSqrtHeadDim, 0, gLogit);
            Layer at = positions[t].layer[li];
            for (int j = hd - 1; j >= 0; j--) {
                gq[hs + j] += Op.MUL.gradA(l.q[hs + j], at.k[hs + j], 0, gDot);
                at.gk[hs + j] += Op.MUL.gradB(l.q[hs + j], at.k[hs + j], 0, gDot);
            }
        }
    }

    /** An RMSNorm's backward: adds into gx (which holds what later nodes gave x) the output's, then the squares'. */
    private static void rmsnormBackward(double[] x, Norm norm, double[] gOut, double[] gx) {
        double gScale = 0;
        for (int i = x.length - 1; i >= 0; i--) {
            gx[i] += Op.MUL.gradA(x[i], norm.scale, 0, gOut[i]);
            gScale += Op.MUL.gradB(x[i], norm.scale, 0, gOut[i]);
        }
        double gBase = Op.POW_CONST.gradA(norm.base, -0.5, norm.scale, gScale);
        double gSquares = Op.MUL.gradA(0, Math.pow(x.length, -1), 0, Op.ADD.gradA(0, 0, 0, gBase));
        for (int i = x.length - 1; i >= 0; i--) {
            double g = Op.SUM.gradA(0, 0, 0, gSquares);
            gx[i] += Op.MUL.gradA(x[i], x[i], 0, g);
            gx[i] += Op.MUL.gradB(x[i], x[i], 0, g);
        }
    }

    /**
     * Rows {@code from} down to {@code to} of the matrix at {@code offset} (none when from &lt; to), given each row's
     * output gradient in gOut[row]: into their weights' grads and, row after row, into gx. Four rows at a time, each
     * gx[i] held in a register across them; it receives the rows' terms in the same order as one row at a time.
     */
    private void rowsBackward(double[] x, int offset, int from, int to, int columns, double[] gOut, double[] gx) {
        int o = from;
        for (; o - 3 >= to; o -= 4) {
            int r0 = offset + o * columns;
            int r1 = r0 - columns;
            int r2 = r1 - columns;
            int r3 = r2 - columns;
            double g0 = Op.SUM.gradA(0, 0, 0, gOut[o]);
            double g1 = Op.SUM.gradA(0, 0, 0, gOut[o - 1]);
            double g2 = Op.SUM.gradA(0, 0, 0, gOut[o - 2]);
            double g3 = Op.SUM.gradA(0, 0, 0, gOut[o - 3]);
            for (int i = 0; i < columns; i++) {
                double xi = x[i];
                double gxi = gx[i];
                gw[r0 + i] += Op.MUL.gradA(w[r0 + i], xi, 0, g0);
                gxi += Op.MUL.gradB(w[r0 + i], xi, 0, g0);
                gw[r1 + i] += Op.MUL.gradA(w[r1 + i], xi, 0, g1);
                gxi += Op.MUL.gradB(w[r1 + i], xi, 0, g1);
                gw[r2 + i] += Op.MUL.gradA(w[r2 + i], xi, 0, g2);
                gxi += Op.MUL.gradB(w[r2 + i], xi, 0, g2);
                gw[r3 + i] += Op.MUL.gradA(w[r3 + i], xi, 0, g3);
                gxi += Op.MUL.gradB(w[r3 + i], xi, 0, g3);
                gx[i] = gxi;
            }
        }
        for (; o >= to; o--) {
            int row = offset + o * columns;
            double g = Op.SUM.gradA(0, 0, 0, gOut[o]);
            for (int i = 0; i < columns; i++) {
                gw[row + i] += Op.MUL.gradA(w[row + i], x[i], 0, g);
                gx[i] += Op.MUL.gradB(w[row + i], x[i], 0, g);
            }
        }
    }
}
