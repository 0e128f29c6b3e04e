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
exports.mainCommand = void 0;
const path = __importStar(require("path"));
const fs = __importStar(require("fs"));
const data_1 = require("../../data");
const synth_1 = require("../../synth");
const metrics_1 = require("../../metrics");
const train_1 = require("../../train");
const args_1 = require("../args");
/**
 * The main job (`npm start`): make the synthetic Derm7pt cohort if it is absent, train CFCML with the
 * CPU preset, evaluate the selected model on the test split, print the metrics. With --baselines it also
 * trains the image-only and tabular-only baselines with the same settings and prints the comparison.
 */
const DEFAULT_DATA = 'data/synthetic/derm7pt';
/** Why `dir` is not the current synthetic design (its cohort.json is missing or of another version), or null. */
function syntheticVersionProblem(dir) {
    const file = path.join(dir, 'cohort.json');
    if (!fs.existsSync(file))
        return fs.existsSync(dir) ? `${dir} has no cohort.json (a cohort of synthetic design v1, or a real release)` : null;
    const version = JSON.parse(fs.readFileSync(file, 'utf8')).version;
    return version === synth_1.DERM7PT_COHORT_VERSION ? null : `${file} says version ${String(version)}, the current design is ${synth_1.DERM7PT_COHORT_VERSION}`;
}
exports.mainCommand = {
    name: 'main',
    summary: 'the main job: synthetic Derm7pt (made if absent) → train CFCML (cpu preset) → test metrics',
    options: [
        { name: 'data', type: 'string', default: DEFAULT_DATA, metavar: '<dir>', help: 'cohort folder; synthesised here when it has no meta/meta.csv' },
        { name: 'out', type: 'string', default: 'runs/main', metavar: '<dir>', help: 'parent folder of the run directories' },
        { name: 'epochs', type: 'integer', min: 1, help: "epochs (the cpu preset's by default)" },
        { name: 'seed', type: 'integer', default: train_1.TRAIN_DEFAULTS.seed, help: 'training seed' },
        { name: 'baselines', type: 'boolean', help: 'also train image-only and tabular-only baselines and compare' },
        { name: 'progress', type: 'string', choices: ['auto', 'bar', 'line', 'none'], default: 'auto', help: 'progress display' },
    ],
    async run(a) {
        const started = Date.now();
        const data = (0, args_1.str)(a, 'data');
        const stale = syntheticVersionProblem(data);
        if (!data_1.DATASET_REGISTRY.derm7pt.detect(data) || (stale && data === DEFAULT_DATA)) {
            console.log(stale && data_1.DATASET_REGISTRY.derm7pt.detect(data) ? `${stale}: regenerating it` : `no cohort at ${data}: generating the synthetic Derm7pt cohort (seed 1) ...`);
            const summary = await (0, synth_1.synthDerm7pt)({ out: data, seed: 1 });
            console.log((0, synth_1.formatSynthSummary)(summary));
        }
        else if (stale)
            console.warn(`warning: ${stale}; using it as it is (a real release has no cohort.json)`);
        const variants = (0, args_1.bool)(a, 'baselines') ? ['full', 'image-only', 'tabular-only'] : ['full'];
        const results = [];
        for (const variant of variants) {
            console.log(`\n== training ${variant} ==`);
            results.push(await (0, train_1.train)({
                data,
                preset: 'cpu',
                variant,
                epochs: (0, args_1.num)(a, 'epochs'),
                seed: (0, args_1.num)(a, 'seed'),
                out: path.join((0, args_1.str)(a, 'out'), `derm7pt-${variant}`),
                progress: (0, args_1.str)(a, 'progress'),
            }));
        }
        const main = results[0];
        console.log(`\nrun directory: ${main.runDir} (selected epoch ${main.bestEpoch} of ${main.history.length} on validation)`);
        if (main.testMetrics) {
            console.log('test metrics of CFCML (full):');
            console.log((0, metrics_1.formatMetricsTable)(main.testMetrics));
        }
        if (results.length > 1) {
            console.log('\ntest AUC by variant:');
            for (const r of results) {
                const m = r.testMetrics;
                if (m)
                    console.log(`  ${r.config.variant.padEnd(14)} auc ${m.auc.toFixed(4)}  balanced_accuracy ${m.balanced_accuracy.toFixed(4)}`);
            }
        }
        console.log(`\ntotal wall time ${((Date.now() - started) / 1000).toFixed(0)}s`);
        return 0;
    },
};
//# sourceMappingURL=main.js.map