"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.randomInputs = exports.randomStepBatch = exports.planMicroBatch = exports.stepPeakBytes = exports.splitGradients = exports.shardRanges = exports.fullBatchGradients = exports.classifierOf = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const classifier_1 = require("../model/classifier");
const errors_1 = require("../util/errors");
const random_1 = require("../util/random");
const loss_1 = require("../train/loss");
const step_1 = require("../train/step");
/** The classifier's weights (C4), found by key, to run it on the gathered embeddings. */
function classifierOf(model) {
    const byKey = new Map(model.weights.map((w) => [w.key, w.variable]));
    const lin = (name) => {
        const w = byKey.get(`classifier/${name}/kernel`);
        const b = byKey.get(`classifier/${name}/bias`);
        if (!w || !b)
            throw new errors_1.CfcmlError(`the model has no classifier weights 'classifier/${name}/…'`, { where: 'splitStep' });
        return { w, b };
    };
    return { fc1: lin('fc1'), fc2: lin('fc2'), out: lin('out'), dropout: model.config.model.dropout };
}
exports.classifierOf = classifierOf;
/** The unsplit step: the trainer's plain gradient (step.ts `lossGradients`), for a StepBatch. */
function fullBatchGradients(model, batch, opts) {
    let terms = null;
    const grads = tf.tidy(() => {
        const r = (0, step_1.lossGradients)({ model, batch, hostLabels: batch.hostLabels, ...opts });
        terms = r.terms; // kept by lossGradients: survives the tidy
        return r.grads;
    });
    return { grads, terms: terms };
}
exports.fullBatchGradients = fullBatchGradients;
/** [start, size] of each shard of a batch of B rows in shards of at most `micro` rows. */
function shardRanges(B, micro) {
    if (!(Number.isInteger(micro) && micro >= 1))
        throw new errors_1.CfcmlError(`micro-batch size must be a whole number ≥ 1, got ${micro}`);
    const out = [];
    for (let s = 0; s < B; s += micro)
        out.push([s, Math.min(micro, B - s)]);
    return out;
}
exports.shardRanges = shardRanges;
function sliceRows(x, start, size) {
    return tf.slice(x, [start, ...x.shape.slice(1).map(() => 0)], [size, ...x.shape.slice(1)]);
}
let zCounter = 0;
/**
 * The step's gradients with the batch run as shards of at most `microBatch` rows, split at z (see above).
 * With microBatch ≥ B it is the unsplit step. Gradients equal the unsplit ones up to float32 rounding.
 */
function splitGradients(model, batch, opts, microBatch) {
    const B = batch.hostLabels.length;
    if (microBatch >= B)
        return fullBatchGradients(model, batch, opts);
    const ranges = shardRanges(B, microBatch);
    const shard = (start, size) => ({
        images: batch.images.map((x) => sliceRows(x, start, size)),
        tabular: sliceRows(batch.tabular, start, size),
    });
    // 1. z of every shard, no tape.
    const zParts = ranges.map(([start, size]) => tf.tidy(() => {
        const s = shard(start, size);
        return model.forward(s.images, s.tabular, { training: true, seed: opts.dropoutSeed }).z;
    }));
    const M = zParts[0].length;
    // 2. Loss on the gathered batch: classifier gradients and dL/dz.
    const clf = classifierOf(model);
    const clfVars = [clf.fc1.w, clf.fc1.b, clf.fc2.w, clf.fc2.b, clf.out.w, clf.out.b];
    const id = zCounter++;
    const zVars = Array.from({ length: M }, (_, m) => tf.tidy(() => tf.variable(tf.concat(zParts.map((p) => p[m]), 0), true, `splitStep${id}/z${m}`)));
    tf.dispose(zParts.flat());
    let terms = null;
    const head = tf.tidy(() => {
        const r = tf.variableGrads(() => {
            const z = zVars;
            const logits = (0, classifier_1.classify)(z, clf, true, opts.dropoutSeed);
            const l = (0, loss_1.cfcmlLoss)({ z, logits }, batch.labels, batch.hostLabels, { numClasses: opts.numClasses, weights: opts.weights, tau: opts.tau });
            terms = tf.keep((0, step_1.stackLossTerms)(l));
            return l.total;
        }, [...clfVars, ...zVars]);
        r.value.dispose();
        return r.grads;
    });
    const dz = zVars.map((v) => head[v.name]);
    const sizes = ranges.map(([, size]) => size);
    const dzShards = dz.map((g) => tf.split(g, sizes, 0)); // [m][shard]
    tf.dispose(dz);
    zVars.forEach((v) => v.dispose());
    const grads = {};
    for (const v of clfVars)
        grads[v.name] = head[v.name];
    // 3. Back-propagate each shard with its rows of dL/dz; sum the weight gradients.
    const clfNames = new Set(clfVars.map((v) => v.name));
    const encVars = model.weights.map((w) => w.variable).filter((v) => v.trainable && !clfNames.has(v.name));
    ranges.forEach(([start, size], k) => {
        const g = tf.tidy(() => {
            const r = tf.variableGrads(() => {
                const s = shard(start, size);
                const out = model.forward(s.images, s.tabular, { training: true, seed: opts.dropoutSeed });
                return tf.addN(out.z.map((zm, m) => tf.sum(tf.mul(zm, dzShards[m][k]))));
            }, encVars);
            r.value.dispose();
            return r.grads;
        });
        for (const [name, t] of Object.entries(g)) {
            const prev = grads[name];
            if (prev) {
                grads[name] = tf.add(prev, t);
                prev.dispose();
                t.dispose();
            }
            else
                grads[name] = t;
        }
    });
    tf.dispose(dzShards.flat());
    return { grads, terms: terms };
}
exports.splitGradients = splitGradients;
/**
 * Peak tensor memory (bytes) of one split step with shards of `microBatch` rows, measured with tf.profile on
 * a batch made by `makeBatch(n)` (n rows, `n` = 2·microBatch so that the split path runs).
 */
async function stepPeakBytes(model, makeBatch, opts, microBatch) {
    const batch = makeBatch(2 * microBatch);
    try {
        const info = await tf.profile(() => {
            const { grads, terms } = splitGradients(model, batch, opts, microBatch);
            tf.dispose([...Object.values(grads), terms]);
        });
        return info.peakBytes;
    }
    finally {
        tf.dispose([...batch.images, batch.tabular, batch.labels]);
    }
}
exports.stepPeakBytes = stepPeakBytes;
/**
 * Choose the micro-batch: measure the peak memory of split steps with shards of 1 and 2 rows, extrapolate
 * linearly (activations grow with the rows; the weights do not), and take the largest shard ≤ batchSize
 * under `budgetBytes`. Throws a CfcmlError before training when even one row does not fit.
 * Default budget 3 GiB: the wasm heap cannot grow past 4 GiB (tfjs-wasm then faults with "memory access out of
 * bounds", e.g. the paper preset at batch 36 unsplit, ≈14 GiB); a split step with 3.37 GiB of peak tensor
 * memory was measured to run (paper preset, shards of 8), the rest is headroom for the heap's fragmentation.
 */
async function planMicroBatch(model, makeBatch, opts, batchSize, budgetBytes = 3 * 2 ** 30) {
    const p1 = await stepPeakBytes(model, makeBatch, opts, 1);
    const p2 = await stepPeakBytes(model, makeBatch, opts, 2);
    const perRow = Math.max(p2 - p1, 1);
    const fixed = p1 - perRow;
    const weightsBytes = model.weights.reduce((n, w) => n + w.variable.size * 4, 0) * 4; // weights, grads, Adam m and v
    const peakOf = (n) => fixed + perRow * n + weightsBytes;
    if (peakOf(1) > budgetBytes) {
        throw new errors_1.CfcmlError(`even a micro-batch of 1 case needs about ${(peakOf(1) / 2 ** 30).toFixed(2)} GiB of tensor memory, over the ${(budgetBytes / 2 ** 30).toFixed(2)} GiB budget of the wasm backend; use a smaller --image-size or a smaller model`, { where: 'micro-batching' });
    }
    const largestFitting = Math.max(1, Math.floor((budgetBytes - fixed - weightsBytes) / perRow));
    const microBatch = Math.min(batchSize, largestFitting);
    return { microBatch, peakBytes: peakOf(microBatch), largestFitting, bytesPerCase: perRow };
}
exports.planMicroBatch = planMicroBatch;
/**
 * A batch of `n` random cases shaped for `config` (images, level indices, labels over all classes): what
 * planMicroBatch needs to measure memory before any real batch is drawn. Seeded, so planning is reproducible.
 */
function randomStepBatch(config, n, seed = 1) {
    const { images, tabular } = randomInputs(config, n, seed);
    const hostLabels = Array.from({ length: n }, (_, i) => i % config.numClasses);
    return { images, tabular, labels: tf.tensor1d(hostLabels, 'int32'), hostLabels };
}
exports.randomStepBatch = randomStepBatch;
/** Random model inputs for `config`, seeded: images in [0, 1), categorical level indices, standard-normal numerics. */
function randomInputs(config, n, seed = 1) {
    const rng = new random_1.Rng(seed);
    const images = config.images.map((img) => {
        const shape = [n, ...config.imageSize, img.channels];
        const size = shape.reduce((a, b) => a * b, 1);
        return tf.tensor(Float32Array.from({ length: size }, () => rng.next()), shape);
    });
    const K = config.tabular.length;
    const tab = new Float32Array(n * K);
    for (let b = 0; b < n; b++)
        config.tabular.forEach((f, k) => (tab[b * K + k] = f.kind === 'categorical' ? rng.int(f.levels ?? 1) : rng.normal()));
    return { images, tabular: tf.tensor2d(tab, [n, K]) };
}
exports.randomInputs = randomInputs;
//# sourceMappingURL=splitStep.js.map