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
exports.readPredictionsCsv = exports.formatPredictionsCsv = exports.RunDirectory = void 0;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const errors_1 = require("../util/errors");
const csv_1 = require("../util/csv");
const fs_1 = require("../util/fs");
const checkpoint_1 = require("./checkpoint");
/**
 * A run directory (docs/ARCHITECTURE.md, "Run directory"): the one place that knows its file names and how
 * each file is written and read.
 *
 *   options.json            ResolvedConfig + data fingerprint + cfcml version (written when a run starts)
 *   history.json / .csv     one EpochRecord per epoch (rewritten after every epoch)
 *   best.ckpt / last.ckpt   weights of the selected epoch / weights + Adam state of the last epoch
 *   best.prev.ckpt / …      the checkpoint each write replaced (docs/CHECKPOINTS.md)
 *   metrics.json            selected epoch, valid and test metrics (written at the end)
 *   predictions_<split>.csv id,label,prob_0..prob_{C-1} of the selected model
 *   train.log / failed.json the sweep runner's log of `cfcml train` and its failure record (lib/experiments)
 */
class RunDirectory {
    constructor(dir) {
        this.dir = path.resolve(dir);
    }
    /** Absolute path of a file in the run directory. */
    file(name) {
        return path.join(this.dir, name);
    }
    /** Whether a file of the run directory exists. */
    has(name) {
        return fs.existsSync(this.file(name));
    }
    /** Done (metrics.json), failed (failed.json), partial (last.ckpt) or missing, in that order. */
    state() {
        const F = RunDirectory.FILES;
        if (this.has(F.metrics))
            return 'done';
        if (this.has(F.failed))
            return 'failed';
        if (this.hasCheckpoint('last'))
            return 'partial';
        return 'missing';
    }
    /** Start afresh: remove the outputs of an earlier run in this folder (other files are left alone), create it. */
    reset() {
        const F = RunDirectory.FILES;
        for (const f of [F.checkpoint('last'), F.checkpoint('best'), F.previousCheckpoint('last'), F.previousCheckpoint('best'), F.historyCsv, F.historyJson, F.metrics, F.predictions('test'), F.predictions('valid')]) {
            fs.rmSync(this.file(f), { force: true });
        }
        fs.mkdirSync(this.dir, { recursive: true });
    }
    writeOptions(config, fingerprint, numerics) {
        const content = { ...config, fingerprint, cfcmlVersion: packageVersion(), ...(numerics === undefined ? {} : { numerics }) };
        (0, fs_1.writeJsonAtomic)(this.file(RunDirectory.FILES.options), content);
    }
    /** options.json, with the fields a reader of finished runs relies on checked. */
    readOptions() {
        const o = this.readJson(RunDirectory.FILES.options);
        const file = this.file(RunDirectory.FILES.options);
        for (const k of ['dataset', 'variant', 'preset']) {
            if (typeof o[k] !== 'string')
                throw new errors_1.CfcmlError(`field '${k}' is missing or not a string`, { where: file });
        }
        if (!Array.isArray(o.excludedFields))
            throw new errors_1.CfcmlError(`field 'excludedFields' is missing or not a list`, { where: file });
        return o;
    }
    /** history.json (exact numbers) and history.csv (the same table, for spreadsheets and pandas). */
    writeHistory(history) {
        (0, fs_1.writeJsonAtomic)(this.file(RunDirectory.FILES.historyJson), history);
        if (history.length === 0)
            return;
        const header = Object.keys(history[0]); // the record's field order
        (0, fs_1.writeFileAtomic)(this.file(RunDirectory.FILES.historyCsv), (0, csv_1.formatCsv)(header, history.map((r) => header.map((k) => r[k]))));
    }
    readHistory() {
        const h = this.readJson(RunDirectory.FILES.historyJson);
        if (!Array.isArray(h))
            throw new errors_1.CfcmlError('expected a list of epoch records', { where: this.file(RunDirectory.FILES.historyJson) });
        return h;
    }
    /** Whether the run has a checkpoint of this kind (the latest, or the one it replaced). */
    hasCheckpoint(kind) {
        return fs.existsSync(this.checkpointFile(kind)) || fs.existsSync((0, checkpoint_1.previousCheckpointFile)(this.checkpointFile(kind)));
    }
    checkpointFile(kind) {
        return this.file(RunDirectory.FILES.checkpoint(kind));
    }
    /** Write `<kind>.ckpt` verified, keeping the one it replaces as `<kind>.prev.ckpt`. */
    saveCheckpoint(kind, content) {
        (0, checkpoint_1.saveCheckpoint)(this.checkpointFile(kind), content, { keepPrevious: true });
    }
    /**
     * The newest checkpoint of this kind that verifies (`<kind>.ckpt`, else `<kind>.prev.ckpt`) and that `accept`
     * does not turn down; `rejected` says which files were passed over and why. Throws when none is good.
     */
    loadCheckpoint(kind, accept) {
        return (0, checkpoint_1.loadGoodCheckpoint)(this.checkpointFile(kind), accept);
    }
    writeMetrics(m) {
        (0, fs_1.writeJsonAtomic)(this.file(RunDirectory.FILES.metrics), m);
    }
    readMetrics() {
        const m = this.readJson(RunDirectory.FILES.metrics);
        if (typeof m.valid !== 'object' || m.valid === null)
            throw new errors_1.CfcmlError(`field 'valid' is missing`, { where: this.file(RunDirectory.FILES.metrics) });
        return m;
    }
    predictionsFile(split) {
        return this.file(RunDirectory.FILES.predictions(split));
    }
    /** Write `predictions_<split>.csv`; returns its path. */
    writePredictions(split, p, spec) {
        const file = this.predictionsFile(split);
        (0, fs_1.writeFileAtomic)(file, formatPredictionsCsv(p, spec));
        return file;
    }
    /** A run's own predictions file, which always has an `id` column. */
    readPredictions(split) {
        return readPredictionsCsv(this.predictionsFile(split), { requireIds: true });
    }
    writeFailure(f) {
        (0, fs_1.writeJsonAtomic)(this.file(RunDirectory.FILES.failed), f);
    }
    /** failed.json as the sweep runner wrote it, or null when there is none. */
    readFailure() {
        return this.has(RunDirectory.FILES.failed) ? this.readJson(RunDirectory.FILES.failed) : null;
    }
    clearFailure() {
        fs.rmSync(this.file(RunDirectory.FILES.failed), { force: true });
    }
    readJson(name) {
        const file = this.file(name);
        if (!fs.existsSync(file))
            throw new errors_1.CfcmlError(`no ${name} in the run directory`, { where: this.dir });
        try {
            return JSON.parse(fs.readFileSync(file, 'utf8'));
        }
        catch (e) {
            throw new errors_1.CfcmlError(`corrupt JSON: ${e.message}`, { where: file });
        }
    }
}
RunDirectory.FILES = {
    options: 'options.json',
    historyJson: 'history.json',
    historyCsv: 'history.csv',
    metrics: 'metrics.json',
    checkpoint: (kind) => `${kind}.ckpt`,
    /** The checkpoint a write replaced, kept until the next write (lib/run/checkpoint.ts, saveCheckpoint). */
    previousCheckpoint: (kind) => `${kind}.prev.ckpt`,
    predictions: (split) => `predictions_${split}.csv`,
    /** Written by the sweep runner (and the SLURM task wrapper): the train command's stdout + stderr. */
    log: 'train.log',
    /** Written by the sweep runner when `cfcml train` fails: exit code and the log's tail. */
    failed: 'failed.json',
    /** Held while a process trains into the directory (lib/run/runGuard.ts, RunLock). */
    lock: '.lock',
};
exports.RunDirectory = RunDirectory;
/** Predictions as CSV: `id,label,prob_0..prob_{C-1}`, probabilities to 7 significant digits. */
function formatPredictionsCsv(p, spec) {
    const header = ['id', 'label', ...spec.classes.map((_, k) => `prob_${k}`)];
    const rows = p.ids.map((id, i) => [id, p.labels[i], ...p.probs[i].map((x) => x.toPrecision(7))]);
    return (0, csv_1.formatCsv)(header, rows);
}
exports.formatPredictionsCsv = formatPredictionsCsv;
/**
 * Read a predictions CSV (`label,prob_0,…,prob_{C-1}`, an `id` column optional unless `requireIds`, other
 * columns ignored) with row-level errors.
 */
function readPredictionsCsv(file, opts = {}) {
    if (!fs.existsSync(file))
        throw new errors_1.CfcmlError('file not found', { where: file });
    const table = (0, csv_1.parseCsv)(fs.readFileSync(file, 'utf8'), file);
    (0, csv_1.requireColumns)(table, [...(opts.requireIds ? ['id'] : []), 'label', 'prob_0', 'prob_1'], file);
    const probCols = table.header.filter((h) => /^prob_\d+$/.test(h)).sort((x, y) => Number(x.slice(5)) - Number(y.slice(5)));
    probCols.forEach((c, k) => {
        if (c !== `prob_${k}`)
            throw new errors_1.CfcmlError(`probability columns must be prob_0..prob_${probCols.length - 1}; prob_${k} is missing`, { where: file });
    });
    if (table.rows.length === 0)
        throw new errors_1.CfcmlError('no prediction rows', { where: file });
    const out = { ids: [], labels: [], probs: [] };
    table.rows.forEach((r, i) => {
        const row = i + 2;
        const y = Number(r.label);
        if (r.label.trim() === '' || !Number.isInteger(y) || y < 0 || y >= probCols.length) {
            throw new errors_1.CfcmlError(`row ${row}, column 'label': '${r.label}' is not a class index in 0..${probCols.length - 1}`, { where: file });
        }
        const p = probCols.map((c) => {
            const v = Number(r[c]);
            if (r[c].trim() === '' || !Number.isFinite(v))
                throw new errors_1.CfcmlError(`row ${row}, column '${c}': '${r[c]}' is not a number`, { where: file });
            return v;
        });
        out.ids.push(r.id ?? '');
        out.labels.push(y);
        out.probs.push(p);
    });
    return out;
}
exports.readPredictionsCsv = readPredictionsCsv;
function packageVersion() {
    try {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        return require('../../../package.json').version;
    }
    catch {
        return 'unknown';
    }
}
//# sourceMappingURL=runDirectory.js.map