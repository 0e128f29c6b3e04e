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
exports.archiveSweep = exports.ARCHIVED_COHORT_FILES = exports.ARCHIVED_FILES = void 0;
/**
 * A sweep's results without its checkpoints: sweep.json plus, for every finished run, the files a report
 * reads (options, metrics, history, valid/test predictions, the training log). A Derm7pt run's checkpoints
 * are about 7 MB and its results about 45 kB, so an archive is what a results folder or a repository keeps.
 *
 * A synthetic cohort's oracle.csv, cohort.json and the test split's rows of meta/meta.csv (about 200 kB, not its
 * images) are copied too, into `<archive>/cohorts/<name>-<hash>/`, so that the report of an archive shows the
 * oracle ceiling and the strata table on a machine without the cohort (a real cohort's records are never
 * copied: it has no oracle.csv). The sweep's reference rows (`reference/*.json`) are copied as they are.
 *
 * An archive is itself a sweep folder: `cfcml report <archive>` rebuilds the tables and the figures (all but
 * the modality-gap ones, which need best.ckpt), and `cfcml sweep --out <archive> …` would train only the runs
 * it lacks. Archiving into an existing archive adds runs; a run already there with a different metrics.json is
 * a different result and is refused, never overwritten.
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const runDirectory_1 = require("../run/runDirectory");
const errors_1 = require("../util/errors");
const fs_1 = require("../util/fs");
const csv_1 = require("../util/csv");
const reference_1 = require("./reference");
const report_1 = require("./report");
const settings_1 = require("./settings");
const sweep_1 = require("./sweep");
const F = runDirectory_1.RunDirectory.FILES;
/** The files of a finished run that an archive keeps (those present are copied; options and metrics must be). */
exports.ARCHIVED_FILES = [F.options, F.metrics, F.historyJson, F.historyCsv, F.predictions('valid'), F.predictions('test'), F.log];
/** The files of a synthetic cohort an archive keeps: its oracle and its design (not its images). */
exports.ARCHIVED_COHORT_FILES = [report_1.ORACLE_FILE, 'cohort.json'];
/** Copy those of `files` that exist in `from` into `to`, in order, each atomically; returns the bytes written. */
function copyPresent(from, to, files) {
    let bytes = 0;
    for (const f of files) {
        const file = path.join(from, f);
        if (!fs.existsSync(file))
            continue;
        const data = fs.readFileSync(file);
        (0, fs_1.writeFileAtomic)(path.join(to, f), data);
        bytes += data.length;
    }
    return bytes;
}
/**
 * The test split's rows of a Derm7pt-format `meta/meta.csv` (header kept), for the strata of a report; nothing
 * when the cohort has no such file. Returns the bytes written.
 */
function copyTestRecords(from, to) {
    const meta = path.join(from, 'meta', 'meta.csv');
    const index = path.join(from, 'meta', 'test_indexes.csv');
    if (!fs.existsSync(meta) || !fs.existsSync(index))
        return 0;
    const table = (0, csv_1.parseCsv)(fs.readFileSync(meta, 'utf8'), meta);
    const rows = (0, csv_1.parseCsv)(fs.readFileSync(index, 'utf8'), index).rows.map((r) => table.rows[Number(r.indexes)]);
    const text = (0, csv_1.formatCsv)(table.header, rows);
    (0, fs_1.writeFileAtomic)(path.join(to, 'meta', 'meta.csv'), text);
    return Buffer.byteLength(text);
}
/** Copy the finished runs of the sweep at `root` into the archive folder `out` (created or extended). */
function archiveSweep(root, out) {
    const src = path.resolve(root);
    const dst = path.resolve(out);
    if (src === dst)
        throw new errors_1.CfcmlError('the archive folder is the sweep folder', { where: dst, hint: 'give another --out' });
    const spec = (0, sweep_1.readSweep)(src);
    // One budget: an archive of runs trained with different settings would be a table that mixes budgets.
    (0, settings_1.checkOneBudget)((0, settings_1.finishedRunSettings)(src, spec.runs), src);
    if (fs.existsSync(path.join(dst, sweep_1.SWEEP_FILE)))
        (0, settings_1.checkOneBudget)([...(0, settings_1.finishedRunSettings)(dst, (0, sweep_1.readSweep)(dst).runs), ...(0, settings_1.finishedRunSettings)(src, spec.runs)], dst);
    const result = { copied: [], unchanged: [], unfinished: [], oracles: [], bytes: 0 };
    const todo = [];
    for (const run of spec.runs) {
        const from = path.resolve(src, run.dir);
        if (new runDirectory_1.RunDirectory(from).state() !== 'done') {
            result.unfinished.push(run.id);
            continue;
        }
        for (const f of [F.options, F.metrics]) {
            if (!fs.existsSync(path.join(from, f)))
                throw new errors_1.CfcmlError(`a finished run without ${f}`, { where: from });
        }
        const to = path.resolve(dst, run.dir);
        const there = path.join(to, F.metrics);
        if (fs.existsSync(there)) {
            if (fs.readFileSync(there, 'utf8') !== fs.readFileSync(path.join(from, F.metrics), 'utf8')) {
                throw new errors_1.CfcmlError(`${run.id} is in the archive already with a different metrics.json: another result of the same run`, {
                    where: there,
                    hint: 'archive into another folder, or remove that run from the archive if it is the one to replace',
                });
            }
            result.unchanged.push(run.id);
            continue;
        }
        todo.push({ id: run.id, from, to });
    }
    // The grid first (extended, as `cfcml sweep --out` extends it), then the runs; metrics.json last in each
    // run, so an archive interrupted part-way holds no run that looks finished but lacks files.
    (0, sweep_1.createSweep)(dst, { data: spec.data, presets: spec.presets, variants: spec.variants, seeds: spec.seeds, settings: spec.settings, trainArgs: spec.trainArgs });
    for (const data of spec.data) {
        const from = (0, report_1.oracleFileOf)(src, data);
        const to = (0, report_1.archivedCohortDir)(dst, data);
        if (!from || fs.existsSync(path.join(to, report_1.ORACLE_FILE)))
            continue;
        result.bytes += copyPresent(path.dirname(from), to, exports.ARCHIVED_COHORT_FILES);
        result.bytes += copyTestRecords(path.dirname(from), to);
        result.oracles.push(data);
    }
    const refs = path.join(src, reference_1.REFERENCE_DIR);
    if (fs.existsSync(refs)) {
        result.bytes += copyPresent(refs, path.join(dst, reference_1.REFERENCE_DIR), fs.readdirSync(refs).filter((f) => f.endsWith('.json')).sort());
    }
    for (const t of todo) {
        result.bytes += copyPresent(t.from, t.to, [...exports.ARCHIVED_FILES.filter((f) => f !== F.metrics), F.metrics]);
        result.copied.push(t.id);
    }
    return result;
}
exports.archiveSweep = archiveSweep;
//# sourceMappingURL=archive.js.map