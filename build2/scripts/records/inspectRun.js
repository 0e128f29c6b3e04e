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
exports.inspectRun = void 0;
/**
 * Look inside trained runs on the VALIDATION split (docs/TUNING.md: inside the models of the cohort
 * investigation): per modality the mean norm of the embeddings z_m; per stage and modality the normalised
 * entropy of the crossmodal attention (1 = uniform over the keys) and the mean norm of the compressed tokens P_m^s; the selected epoch's
 * validation AUC and the first epoch's loss terms. Never reads the test split.
 *   node dist/scripts/records/inspectRun.js <runDir> [<runDir> …]     (one JSON object per run)
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const lib_1 = require("../../lib");
const evalRun_1 = require("../../lib/train/evalRun");
const runs_1 = require("./runs");
const BATCH = 32;
const r3 = (v) => Math.round(v * 1000) / 1000;
const meanNorm = (t) => tf.tidy(() => tf.mean(tf.norm(t, 'euclidean', -1)).dataSync()[0]);
/** Mean over queries of the attention's entropy, divided by log(keys): 1 = uniform. */
const normalisedEntropy = (a) => tf.tidy(() => tf.mean(tf.neg(tf.sum(tf.mul(a, tf.log(tf.add(a, 1e-12))), -1))).dataSync()[0]) / Math.log(a.shape[3]);
/** Add `w · v` to `acc[s][m]`. */
function add(acc, s, m, v, w) {
    (acc[s] ?? (acc[s] = []))[m] = (acc[s][m] ?? 0) + w * v;
}
async function inspectRun(runDir) {
    const { run, cohort, config, tabular, model } = await (0, evalRun_1.loadRunModel)(runDir);
    try {
        const cases = cohort.cases.filter((c) => c.split === 'valid');
        const images = await lib_1.ImageCache.load(cohort, { size: config.train.imageSize, cases });
        const z = [];
        const tokens = [];
        const entropy = [];
        let n = 0;
        for (let start = 0; start < cases.length; start += BATCH) {
            const idx = Array.from({ length: Math.min(BATCH, cases.length - start) }, (_, k) => start + k);
            const batch = (0, lib_1.makeBatch)(cohort.spec, cases, idx, images, tabular, { augment: false });
            const out = model.forward(batch.images, batch.tabular, { training: false, intermediates: true });
            const w = idx.length;
            out.z.forEach((zm, m) => (z[m] = (z[m] ?? 0) + w * meanNorm(zm)));
            out.intermediates?.tokens.forEach((perM, s) => perM.forEach((p, m) => add(tokens, s, m, meanNorm(p), w)));
            out.intermediates?.attention.forEach((perM, s) => perM.forEach((a, m) => a && add(entropy, s, m, normalisedEntropy(a), w)));
            n += w;
            (0, lib_1.disposeForward)(out);
            (0, lib_1.disposeBatch)(batch);
        }
        const history = run.readHistory();
        const metrics = run.readMetrics();
        return {
            run: runDir,
            variant: config.variant,
            seed: config.seed,
            tokenNorm: !!config.train.model.tokenNorm,
            hrmWarmupEpochs: config.train.hrmWarmupEpochs ?? 0,
            bestEpoch: metrics.bestEpoch,
            epochs: metrics.epochs,
            validAuc: r3(metrics.valid.auc),
            zNorm: Object.fromEntries(model.modalityNames.map((name, m) => [name, r3(z[m] / n)])),
            tokenMeanNorm: tokens.map((perM) => perM.map((v) => r3(v / n))),
            attentionEntropy: entropy.map((perM) => perM.map((v) => r3(v / n))),
            firstEpoch: history[0] ? { ce: r3(history[0].ce), sam: r3(history[0].sam), loss: r3(history[0].loss) } : null,
        };
    }
    finally {
        model.dispose();
    }
}
exports.inspectRun = inspectRun;
async function main(argv) {
    if (argv.length === 0) {
        console.error('usage: node dist/scripts/records/inspectRun.js <runDir> [<runDir> …]');
        return 2;
    }
    for (const d of argv)
        console.log(JSON.stringify(await inspectRun(d)));
    return 0;
}
if (require.main === module)
    (0, runs_1.runMain)('inspectRun', main);
//# sourceMappingURL=inspectRun.js.map