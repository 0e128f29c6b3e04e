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
exports.variantUsesTabular = exports.buildReport = exports.readOracleFile = exports.readOracle = exports.cohortFileOf = exports.oracleFileOf = exports.archivedCohortDir = exports.ORACLE_FILE = exports.DELONG_NOTE = exports.BOOTSTRAP_NOTE = exports.ceilingEntries = exports.MULTICLASS_METRICS = exports.BINARY_METRICS = exports.BOOTSTRAP_SEED = exports.BOOTSTRAP_REPLICATES = void 0;
/**
 * A sweep's report: per (group,) variant, every test metric as mean ± sd over seeds; the paired AUC
 * difference to `full` per seed; DeLong's test of the seed-averaged test probabilities against `full`'s,
 * Holm-corrected over the family of comparisons; the cohort's oracle ceiling; the tabular fields each run
 * used; and which runs failed or are missing.
 *
 * Why DeLong on seed-averaged probabilities: every seed scores the same test cases, so per-seed tests are
 * not independent (Fisher/Stouffer combination assumes they are), and pooling the seeds' predictions as if
 * they were separate cases would count each case once per seed and shrink the standard error by a false
 * √seeds. Averaging each case's probability over seeds gives one score per case per variant (the seed
 * ensemble), and DeLong then accounts for the pairing of the two variants on the same cases. The seed
 * spread itself is reported separately, as mean ± sd and as the per-seed paired differences.
 */
const crypto_1 = require("crypto");
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const registry_1 = require("../data/registry");
const oracle_1 = require("../synth/oracle");
const variants_1 = require("../model/variants");
const metrics_1 = require("../metrics");
const errors_1 = require("../util/errors");
const runDirectory_1 = require("../run/runDirectory");
const settings_1 = require("./settings");
const stats_1 = require("./stats");
const sweep_1 = require("./sweep");
const reference_1 = require("./reference");
const strata_1 = require("./strata");
/** Replicates and seed of the report's seed × case bootstrap (fixed: a report is reproducible). */
exports.BOOTSTRAP_REPLICATES = 2000;
exports.BOOTSTRAP_SEED = 0;
exports.BINARY_METRICS = ['auc', 'auprc', 'accuracy', 'balanced_accuracy', 'sensitivity', 'specificity', 'g_mean', 'mcc', 'f1'];
exports.MULTICLASS_METRICS = ['macro_auc', 'accuracy', 'balanced_accuracy', 'macro_f1', 'weighted_f1', 'mcc'];
/** The oracle scores shown as the ceiling in tables and figures: joint and additive when present, else all. */
function ceilingEntries(o) {
    if (!o)
        return [];
    const main = Object.entries(o.auc).filter(([k]) => k === 'joint' || k === 'additive');
    return main.length > 0 ? main : Object.entries(o.auc);
}
exports.ceilingEntries = ceilingEntries;
exports.BOOTSTRAP_NOTE = 'ΔAUC vs full is the mean over seeds of the per-seed test-AUC difference (both trained with the same seed); its 95% CI and p_boot come from a paired bootstrap ' +
    `over training seeds × test cases (cases resampled within class; ${exports.BOOTSTRAP_REPLICATES} replicates, seed ${exports.BOOTSTRAP_SEED}), Holm-corrected over the comparisons against full (p_boot_holm): ` +
    'the primary test of the table. DeLong tests a different quantity, the seed ensemble (probabilities averaged over seeds), and is kept as a second column.';
exports.DELONG_NOTE = 'DeLong (two-sided) compares the seed-averaged test probabilities of each variant with those of full ' +
    '(the test cases are the same for every seed, so per-seed tests are not independent and pooling seeds would count each case several times); ' +
    'p_holm is Holm-corrected over the comparisons against full.';
function summary(values) {
    return { mean: (0, stats_1.mean)(values), sd: (0, stats_1.sd)(values), values };
}
/**
 * One scalar of a run's metrics; NaN when this kind of metrics has none, or when it was NaN (metrics.json
 * stores NaN as null).
 */
function metricValue(m, k) {
    const values = m;
    const v = values[k];
    return typeof v === 'number' ? v : NaN;
}
/** The file name of a synthetic cohort's oracle (real cohorts have none). */
exports.ORACLE_FILE = 'oracle.csv';
/**
 * Where an archive keeps its copy of a cohort's oracle: `<archive>/cohorts/<name>-<hash>/`, the hash of the
 * cohort's absolute path (two cohorts may share a folder name).
 */
function archivedCohortDir(root, data) {
    const key = (0, crypto_1.createHash)('sha256').update(path.resolve(data)).digest('hex').slice(0, 8);
    return path.join(path.resolve(root), 'cohorts', `${path.basename(path.resolve(data))}-${key}`);
}
exports.archivedCohortDir = archivedCohortDir;
/**
 * The oracle file of a sweep's cohort: `<data>/oracle.csv`, or the copy `cfcml archive` made of it
 * (`archivedCohortDir`) when the cohort is not on this machine; null when neither exists.
 */
function oracleFileOf(root, data) {
    return cohortFileOf(root, data, exports.ORACLE_FILE);
}
exports.oracleFileOf = oracleFileOf;
/** A file of a sweep's cohort (`rel` inside it), or the archive's copy of it; null when neither exists. */
function cohortFileOf(root, data, rel) {
    for (const dir of [data, archivedCohortDir(root, data)]) {
        const file = path.join(dir, rel);
        if (fs.existsSync(file))
            return file;
    }
    return null;
}
exports.cohortFileOf = cohortFileOf;
/** `<data>/oracle.csv` → test-split AUC of each `p_<name>` score (binary) or `p_<name>_<k>` family (multi-class). */
function readOracle(data, classes, positiveClass = 1) {
    return readOracleFile(path.join(data, exports.ORACLE_FILE), classes, positiveClass);
}
exports.readOracle = readOracle;
/** An oracle file → its test-split AUCs, as `readOracle`; null when the file does not exist. */
function readOracleFile(file, classes, positiveClass = 1) {
    if (!fs.existsSync(file))
        return null;
    const test = (0, oracle_1.readOracleCsv)(file, classes.length).filter((r) => r.split === 'test');
    const auc = (0, oracle_1.oracleAucs)(test, classes.length, positiveClass).test;
    if (!auc)
        throw new errors_1.CfcmlError('no row with split = test', { where: file });
    return { file, auc };
}
exports.readOracleFile = readOracleFile;
/** Align a run's test predictions to a case order (by id); null when a case is missing. */
function alignedProbs(p, ids) {
    const at = new Map(p.ids.map((id, i) => [id, i]));
    const out = [];
    for (const id of ids) {
        const i = at.get(id);
        if (i === undefined)
            return null;
        out.push(p.probs[i]);
    }
    return out;
}
/** Build the report of the sweep at `root` from its run directories (nothing is trained). */
function buildReport(root, spec = (0, sweep_1.readSweep)(root)) {
    const problems = [];
    const loaded = [];
    for (const run of spec.runs) {
        const dir = path.resolve(root, run.dir);
        const runDir = new runDirectory_1.RunDirectory(dir);
        const state = runDir.state();
        if (state !== 'done') {
            const f = state === 'failed' ? runDir.readFailure() : null;
            const reason = state === 'failed'
                ? `exit ${f?.exitCode ?? f?.signal ?? '?'}: ${(f?.tail ?? '').split('\n').filter(Boolean).slice(-1)[0] ?? ''}`
                : state === 'partial'
                    ? 'interrupted (last.ckpt, no metrics.json): run `cfcml sweep` again to resume'
                    : 'not run yet';
            problems.push({ id: run.id, state, reason });
            continue;
        }
        try {
            const o = runDir.readOptions();
            const m = runDir.readMetrics();
            if (!m.test)
                throw new errors_1.CfcmlError('metrics.json has no test metrics', { where: dir });
            let predictions = null;
            try {
                predictions = runDir.readPredictions('test');
            }
            catch (e) {
                if (!(e instanceof errors_1.CfcmlError))
                    throw e;
            }
            loaded.push({ run, seed: run.seed, test: m.test, valid: m.valid, excluded: o.excludedFields, dataset: o.dataset, settings: (0, settings_1.runSettings)(run, o), predictions });
        }
        catch (e) {
            if (!(e instanceof errors_1.CfcmlError))
                throw e;
            problems.push({ id: run.id, state: 'unreadable', reason: e.message });
        }
    }
    (0, settings_1.checkOneBudget)(loaded.map((l) => l.settings), root);
    const groups = [];
    const missingOracle = [];
    const groupNames = [...new Set(spec.runs.map((r) => r.group))];
    for (const g of groupNames) {
        const inGroup = loaded.filter((l) => l.run.group === g);
        const first = spec.runs.find((r) => r.group === g);
        if (inGroup.length === 0) {
            groups.push({ group: g, dataset: '', data: first.data, preset: first.preset, metrics: [], rows: [], oracle: null, delongNote: 'no finished run', reference: [], strata: [] });
            continue;
        }
        const dsSpec = (0, registry_1.getDatasetSpec)(inGroup[0].dataset);
        const binary = dsSpec.classes.length === 2;
        const candidates = binary ? exports.BINARY_METRICS : exports.MULTICLASS_METRICS;
        const metricNames = candidates.filter((k) => !Number.isNaN(metricValue(inGroup[0].test, k)));
        const variants = spec.variants.filter((v) => inGroup.some((l) => l.run.variant === v));
        const byVariant = (v) => inGroup.filter((l) => l.run.variant === v).sort((a, b) => a.seed - b.seed);
        const full = byVariant('full');
        const allTabular = dsSpec.tabular.map((f) => f.name);
        // Seed-averaged test probabilities, in full's case order (every run scores the same test cases).
        const caseIds = (full[0] ?? inGroup[0]).predictions?.ids ?? null;
        const ensemble = (runs) => {
            if (!caseIds || runs.length === 0)
                return null;
            const mats = runs.map((r) => (r.predictions ? alignedProbs(r.predictions, caseIds) : null));
            return mats.every((m) => m !== null) ? (0, stats_1.averageProbs)(mats) : null;
        };
        const labels = caseIds ? (full[0] ?? inGroup[0]).predictions.labels : null;
        const pos = dsSpec.positiveClass ?? 1;
        const rows = variants.map((v) => {
            const runs = byVariant(v);
            const metrics = {};
            for (const k of metricNames)
                metrics[k] = summary(runs.map((r) => metricValue(r.test, k)));
            const excluded = [...new Set(runs.flatMap((r) => r.excluded))].sort();
            const usesTab = variantUsesTabular(v);
            const row = {
                group: g,
                variant: v,
                seeds: runs.map((r) => r.seed),
                metrics,
                validAuc: summary(runs.map((r) => metricValue(r.valid, 'auc'))),
                diffAuc: null,
                bootstrap: null,
                pBootHolm: NaN,
                delong: null,
                pHolm: NaN,
                tabularUsed: usesTab ? allTabular.filter((f) => !excluded.includes(f)) : [],
                tabularExcluded: usesTab ? excluded : [],
                best: [],
            };
            if (v !== 'full' && full.length > 0) {
                const perSeed = runs
                    .map((r) => ({ r, f: full.find((x) => x.seed === r.seed) }))
                    .filter((x) => x.f !== undefined)
                    .map(({ r, f }) => ({ seed: r.seed, diff: metricValue(r.test, 'auc') - metricValue(f.test, 'auc') }));
                const d = perSeed.map((x) => x.diff);
                row.diffAuc = { mean: (0, stats_1.mean)(d), sd: (0, stats_1.sd)(d), perSeed, wins: d.filter((x) => x > 0).length };
                if (labels && caseIds) {
                    const pairs = perSeed.map((x) => [runs.find((r) => r.seed === x.seed), full.find((f) => f.seed === x.seed)]);
                    const va = pairs.map(([r]) => (r.predictions ? alignedProbs(r.predictions, caseIds) : null));
                    const vb = pairs.map(([, f]) => (f.predictions ? alignedProbs(f.predictions, caseIds) : null));
                    if (pairs.length > 0 && va.every((m) => m !== null) && vb.every((m) => m !== null)) {
                        const metric = binary ? (0, metrics_1.weightedAucOfRows)(labels, pos) : (0, metrics_1.weightedMacroAuc)(labels, dsSpec.classes.length);
                        const bs = (0, metrics_1.seedCaseBootstrap)(labels, va, vb, metric, { n: exports.BOOTSTRAP_REPLICATES, seed: exports.BOOTSTRAP_SEED });
                        row.bootstrap = { lower: bs.lower, upper: bs.upper, p: bs.p, replicates: bs.nValid };
                    }
                }
                if (binary && labels) {
                    const shared = new Set(perSeed.map((x) => x.seed));
                    const ev = ensemble(runs.filter((r) => shared.has(r.seed)));
                    const ef = ensemble(full.filter((r) => shared.has(r.seed)));
                    if (ev && ef && shared.size > 0) {
                        const y = labels.map((k) => (k === pos ? 1 : 0));
                        const t = (0, metrics_1.delongTest)(y, ev.map((p) => p[pos]), ef.map((p) => p[pos]));
                        row.delong = { aucVariant: t.aucA, aucFull: t.aucB, z: t.z, p: t.p };
                    }
                }
            }
            return row;
        });
        const adjusted = (0, stats_1.holm)(rows.map((r) => r.delong?.p ?? NaN));
        rows.forEach((r, i) => (r.pHolm = adjusted[i]));
        const adjustedBoot = (0, stats_1.holm)(rows.map((r) => r.bootstrap?.p ?? NaN));
        rows.forEach((r, i) => (r.pBootHolm = adjustedBoot[i]));
        for (const k of metricNames) {
            const best = Math.max(...rows.map((r) => r.metrics[k].mean).filter((x) => Number.isFinite(x)));
            for (const r of rows)
                if (r.metrics[k].mean === best)
                    r.best.push(k);
        }
        const oracleFile = oracleFileOf(root, first.data);
        const oracle = oracleFile ? readOracleFile(oracleFile, dsSpec.classes, pos) : null;
        if (!oracle)
            missingOracle.push(first.data);
        const strata = binary ? (0, strata_1.groupStrata)(dsSpec.name, cohortFileOf(root, first.data, path.join('meta', 'meta.csv')), oracleFile, pos, variants.map((v) => ({ variant: v, runs: byVariant(v) }))) : [];
        groups.push({
            group: g,
            dataset: dsSpec.name,
            data: first.data,
            preset: first.preset,
            metrics: metricNames,
            rows,
            oracle,
            delongNote: binary
                ? full.length === 0
                    ? 'no finished full run: no comparison'
                    : exports.DELONG_NOTE
                : 'DeLong is for one binary AUC; this dataset has more classes, so only the per-seed paired differences are reported.',
            reference: (0, reference_1.readReferenceRows)(root, first.data),
            strata,
        });
    }
    const notes = [
        'mean ± sd over training seeds (sample sd, n − 1); test metrics of the epoch selected on validation AUC.',
        'diff_auc = paired per-seed test-AUC difference variant − full (same seed = same data order and initialisation stream).',
        exports.BOOTSTRAP_NOTE,
    ];
    for (const d of missingOracle) {
        notes.push(`no oracle ceiling for ${d}: no ${exports.ORACLE_FILE} there nor in this folder's cohorts/ (real cohorts have none; \`cfcml archive\` copies a synthetic cohort's).`);
    }
    return { root: path.resolve(root), trainArgs: spec.trainArgs, runsTotal: spec.runs.length, runsDone: loaded.length, groups, problems, notes };
}
exports.buildReport = buildReport;
/** Whether a variant feeds the tabular record to the model. */
function variantUsesTabular(v) {
    return (0, variants_1.variantSpec)(v).useTabular;
}
exports.variantUsesTabular = variantUsesTabular;
//# sourceMappingURL=report.js.map