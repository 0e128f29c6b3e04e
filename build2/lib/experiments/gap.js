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
exports.gapFigures = exports.umapPanel = exports.gapFigure = exports.gapCsv = exports.sweepGap = exports.GAP_MEASURES = void 0;
/**
 * Modality-gap measures per variant (test-split embeddings of each run's selected model, mean ± sd over
 * seeds) and UMAP panels (late fusion vs CFCML), for the paper's figure set. Embeddings are recomputed from
 * best.ckpt once and cached under `<report>/cache/` (the run directories are not written).
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const gap_1 = require("../gap");
const plots_1 = require("../plots");
const csv_1 = require("../util/csv");
const fs_1 = require("../util/fs");
const runDirectory_1 = require("../run/runDirectory");
const runFiles_1 = require("./runFiles");
const stats_1 = require("./stats");
exports.GAP_MEASURES = ['relativeModalityGap', 'centroidGap', 'alignment'];
const cacheFile = (cacheDir, run) => path.join(cacheDir, `${run.id.replace(/[\\/]/g, '__')}.json`);
async function embeddingsOf(root, run, cacheDir) {
    const file = cacheFile(cacheDir, run);
    if (fs.existsSync(file))
        return JSON.parse(fs.readFileSync(file, 'utf8'));
    const e = await (0, runFiles_1.readRunEmbeddings)(path.resolve(root, run.dir), 'test');
    (0, fs_1.writeFileAtomic)(file, JSON.stringify(e));
    return e;
}
/**
 * Gap measures of every finished run with at least two modalities. A finished run without best.ckpt (an
 * archived sweep keeps no checkpoints: archive.ts) and without cached embeddings is left out and named in
 * `withoutCheckpoint`.
 */
async function sweepGap(root, spec, cacheDir) {
    const rows = [];
    const embeddings = new Map();
    const withoutCheckpoint = [];
    for (const run of spec.runs) {
        const dir = path.resolve(root, run.dir);
        if ((0, runFiles_1.runState)(dir) !== 'done')
            continue;
        if (!fs.existsSync(cacheFile(cacheDir, run)) && !new runDirectory_1.RunDirectory(dir).has(runDirectory_1.RunDirectory.FILES.checkpoint('best'))) {
            withoutCheckpoint.push(run.id);
            continue;
        }
        const e = await embeddingsOf(root, run, cacheDir);
        embeddings.set(run.id, e);
        if (e.z.length < 2)
            continue;
        const g = (0, gap_1.gapReport)(e.z, e.modalities);
        rows.push({
            group: run.group,
            variant: run.variant,
            seed: run.seed,
            modalities: e.modalities,
            values: { relativeModalityGap: g.relativeModalityGap.mean, centroidGap: g.centroidGap.mean, alignment: g.alignment.mean },
        });
    }
    return { rows, embeddings, withoutCheckpoint };
}
exports.sweepGap = sweepGap;
function gapCsv(rows) {
    return (0, csv_1.formatCsv)(['group', 'variant', 'seed', 'modalities', ...exports.GAP_MEASURES], rows.map((r) => [r.group, r.variant, r.seed, r.modalities.join(' '), ...exports.GAP_MEASURES.map((m) => String(Number(r.values[m].toPrecision(6))))]));
}
exports.gapCsv = gapCsv;
/** Bars per variant: each gap measure's mean ± sd over seeds (mean pairwise value over the modality pairs). */
function gapFigure(rows, group) {
    const inGroup = rows.filter((r) => r.group === group);
    const variants = [...new Set(inGroup.map((r) => r.variant))];
    const bars = [];
    for (const v of variants) {
        for (const m of exports.GAP_MEASURES) {
            const x = inGroup.filter((r) => r.variant === v).map((r) => r.values[m]);
            const e = x.length > 1 ? (0, stats_1.sd)(x) : 0;
            bars.push({ variant: v, metric: m, value: (0, stats_1.mean)(x), ci: [(0, stats_1.mean)(x) - e, (0, stats_1.mean)(x) + e] });
        }
    }
    const fig = (0, plots_1.metricBars)(bars, { title: 'Modality gap of the test embeddings (mean ± sd over seeds; lower = closer)', digits: null });
    fig.layout.yaxis = { ...fig.layout.yaxis, title: { text: 'mean over modality pairs' } };
    return fig;
}
exports.gapFigure = gapFigure;
/** UMAP of one run's normalised test embeddings, colour = modality, symbol = class. */
function umapPanel(e, title, seed = 7) {
    const unit = e.z.flatMap((rows) => rows.map((r) => {
        const n = Math.hypot(...r) || 1;
        return r.map((v) => v / n);
    }));
    const pts = (0, gap_1.umap)(unit, { seed, nNeighbors: Math.min(15, unit.length - 1), minDist: 0.3 });
    return (0, plots_1.umapScatter)(pts, { modality: e.modalities.flatMap((m) => e.labels.map(() => m)), cls: e.modalities.flatMap(() => e.labels.map((l) => e.classes[l])) }, { title });
}
exports.umapPanel = umapPanel;
/**
 * The gap figures of a report: bars per group, and UMAP panels of full and late-fusion (first common seed).
 * `note` hears which finished runs were left out for lack of a checkpoint.
 */
async function gapFigures(root, spec, report, reportDir, note = () => { }) {
    const { rows, embeddings, withoutCheckpoint } = await sweepGap(root, spec, path.join(reportDir, 'cache'));
    if (withoutCheckpoint.length) {
        note(`modality gap: ${withoutCheckpoint.length} finished run(s) have no best.ckpt (an archived sweep keeps none) and are left out: ${withoutCheckpoint.join(', ')}`);
    }
    (0, fs_1.writeFileAtomic)(path.join(reportDir, 'gap.csv'), gapCsv(rows));
    const figs = {};
    for (const g of report.groups) {
        const suffix = g.group ? `_${g.group.replace(/[^A-Za-z0-9._-]/g, '_')}` : '';
        if (rows.some((r) => r.group === g.group))
            figs[`gap${suffix}`] = gapFigure(rows, g.group);
        const seeds = spec.seeds.filter((s) => ['full', 'late-fusion'].every((v) => embeddings.has([g.group, v, `seed${s}`].filter(Boolean).join('/'))));
        if (seeds.length === 0)
            continue;
        for (const v of ['late-fusion', 'full']) {
            const e = embeddings.get([g.group, v, `seed${seeds[0]}`].filter(Boolean).join('/'));
            if (e.z.flat().length >= 3)
                figs[`umap_${v}${suffix}`] = umapPanel(e, `UMAP of test embeddings: ${v} (seed ${seeds[0]})`);
        }
    }
    return figs;
}
exports.gapFigures = gapFigures;
//# sourceMappingURL=gap.js.map