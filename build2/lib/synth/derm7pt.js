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
exports.synthDerm7pt = void 0;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const csv_1 = require("../util/csv");
const fs_1 = require("../util/fs");
const random_1 = require("../util/random");
const derm7pt_1 = require("../data/derm7pt");
const spec_1 = require("../data/spec");
const derm7ptModel_1 = require("./derm7ptModel");
const derm7ptRender_1 = require("./derm7ptRender");
const lesion_1 = require("./lesion");
const oracle_1 = require("./oracle");
const raster_1 = require("./raster");
const DEFAULTS = { scale: 1, leak: true, dermSize: [192, 192], clinicSize: [192, 128], interaction: 'context' };
/**
 * Write a synthetic Derm7pt release_v0 folder (derm7ptModel.ts): meta/, images/, and beside them
 * `oracle.csv` (the exact posteriors) and `cohort.json` (design version, settings, oracle AUCs).
 * Deterministic in (seed, scale, leak, sizes, interaction, nested).
 */
async function synthDerm7pt(opts) {
    const o = { ...DEFAULTS, ...opts };
    const t0 = Date.now();
    const plan = (0, derm7ptModel_1.planDerm7pt)({ seed: o.seed, scale: o.scale, leak: o.leak, interaction: o.interaction, nested: o.nested });
    const root = path.resolve(o.out);
    fs.mkdirSync(path.join(root, 'meta'), { recursive: true });
    fs.mkdirSync(path.join(root, 'images'), { recursive: true });
    const images = new JpegWriter(path.join(root, 'images'));
    for (const c of plan) {
        const rng = new random_1.Rng(c.renderSeed ^ 0x5bd1e995);
        const lesions = (0, derm7ptRender_1.makeLesions)(c);
        const views = (0, derm7ptRender_1.caseViews)(rng, c, o.clinicSize, o.dermSize);
        const jobs = [[c.meta.derm, (0, lesion_1.drawLesion)(lesions.derm, views.derm, rng), 0]];
        if (!c.sameFile) {
            const canvas = (0, lesion_1.drawLesion)(lesions.clinic, views.clinic, rng);
            if (c.findings.sunDamage)
                (0, derm7ptRender_1.drawLentigines)(canvas, views.clinic, rng);
            jobs.push([c.meta.clinic, canvas, rng.uniform(0.8, 1.3)]);
        }
        await images.write(jobs);
        o.onProgress?.(c.row + 1, plan.length);
    }
    await images.flush();
    writeMeta(root, plan);
    const oracle = plan.filter((c) => c.label >= 0).map((c) => (0, derm7ptModel_1.derm7ptOracleRow)(c, o.interaction));
    (0, oracle_1.writeOracleCsv)(path.join(root, 'oracle.csv'), 'case_num', oracle, 2);
    const aucs = (0, oracle_1.oracleAucs)(oracle, 2);
    (0, fs_1.writeJsonAtomic)(path.join(root, 'cohort.json'), {
        dataset: 'derm7pt',
        version: derm7ptModel_1.DERM7PT_COHORT_VERSION,
        interaction: o.interaction,
        leak: o.leak,
        seed: o.seed,
        scale: o.scale,
        ...(o.nested ? { layout: { nested: true, validScale: o.nested.validScale } } : {}),
        additiveWeights: namedWeights((0, derm7ptModel_1.derm7ptAdditiveWeights)(o.interaction)),
        oracleAuc: aucs,
    });
    const { splits, excluded } = summaryCounts(plan);
    return {
        dataset: 'derm7pt',
        out: root,
        seed: o.seed,
        scale: o.scale,
        splits,
        excluded,
        files: images.files,
        imageSizes: { clinic: `${o.clinicSize[0]}x${o.clinicSize[1]}`, derm: `${o.dermSize[0]}x${o.dermSize[1]}` },
        findings: findingsByClass(plan),
        notes: [
            o.leak
                ? 'management leak ON (every MEL excised, as in the release): audit flags it; train with it excluded'
                : 'management leak OFF (management drawn like the other record fields)',
            `clinic = derm file in ${plan.filter((c) => c.sameFile).length} cases (as in the release)`,
            o.interaction === 'context'
                ? 'interaction context: the record (difficulty, acral site) says how to read the dermoscopic findings'
                : 'interaction none: null control, image and record independent given the class (additive log-odds)',
            ...(o.nested
                ? [`nested layout: test and validation (${o.nested.validScale}× the release's) cases are the same at every --scale; training cases nest (scale k ⊂ every larger scale)`]
                : []),
            'oracle.csv and cohort.json are written beside meta/ and images/ (the loaders do not read them)',
        ],
        seconds: (Date.now() - t0) / 1000,
        version: derm7ptModel_1.DERM7PT_COHORT_VERSION,
        interaction: o.interaction,
        oracle: aucs,
    };
}
exports.synthDerm7pt = synthDerm7pt;
/** Encodes canvases to JPEG files under one folder, at most 6 at a time; `files` counts them. */
class JpegWriter {
    constructor(dir) {
        this.dir = dir;
        this.files = 0;
        this.inFlight = new Set();
    }
    /** Queue one case's images ([relative path, canvas, blur]), in order; waits while 6 are being encoded. */
    async write(jobs) {
        for (const [rel, canvas, blur] of jobs) {
            const file = path.join(this.dir, rel);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            const p = (0, raster_1.canvasToJpeg)(canvas, { blur, quality: 90 }).then((buf) => {
                fs.writeFileSync(file, buf);
                this.inFlight.delete(p);
            });
            this.inFlight.add(p);
            this.files++;
            if (this.inFlight.size >= 6)
                await Promise.race(this.inFlight);
        }
    }
    flush() {
        return Promise.all(this.inFlight);
    }
}
/** meta/meta.csv (every planned row) and meta/<split>_indexes.csv (the release's split files). */
function writeMeta(root, plan) {
    (0, fs_1.writeFileAtomic)(path.join(root, 'meta', 'meta.csv'), (0, csv_1.formatCsv)(derm7pt_1.DERM7PT_COLUMNS, plan.map((c) => c.meta)));
    for (const split of spec_1.SPLITS) {
        const rows = plan.filter((c) => c.split === split).map((c) => [c.row]);
        (0, fs_1.writeFileAtomic)(path.join(root, 'meta', `${split}_indexes.csv`), (0, csv_1.formatCsv)(['indexes'], rows));
    }
}
/** Task cases per split and class, and the left-out rows per diagnosis group (BCC, SK, MISC). */
function summaryCounts(plan) {
    const splits = {};
    for (const split of spec_1.SPLITS) {
        const inSplit = plan.filter((c) => c.split === split);
        splits[split] = { NEV: inSplit.filter((c) => c.label === 0).length, MEL: inSplit.filter((c) => c.label === 1).length };
    }
    const excluded = {};
    const groupOf = (d) => (d === 'basal cell carcinoma' ? 'BCC' : d === 'seborrheic keratosis' ? 'SK' : 'MISC');
    for (const c of plan)
        if (c.label < 0)
            excluded[groupOf(c.diagnosis)] = (excluded[groupOf(c.diagnosis)] ?? 0) + 1;
    return { splits, excluded };
}
function namedWeights(w) {
    return { intercept: w[0], logitTabular: w[1], logitImage: w[2] };
}
/** Fraction of each class's cases showing a finding (a sense of the signal, for the summary). */
function findingsByClass(plan) {
    const defs = [
        ['irregular dots/globules', (c) => c.findings.dots === 2],
        ['irregular streaks', (c) => c.findings.streaks === 2],
        ['regression structures', (c) => c.findings.regression === 1],
        ['atypical network / parallel ridge', (c) => c.findings.network === 2 || c.findings.network === 4],
        ['asymmetry in 2 axes', (c) => c.findings.asymmetry === 2],
        ['3+ colours', (c) => c.findings.colours >= 2],
        ['diameter >= 10 mm', (c) => c.findings.diameterBin === 2],
        ['sun-damaged skin', (c) => c.findings.sunDamage === 1],
        ['difficulty high', (c) => c.record.difficulty === 2],
        ['management = excision', (c) => c.meta.management === 'excision'],
    ];
    return defs.map(([name, f]) => {
        const byClass = {};
        ['NEV', 'MEL'].forEach((cls, y) => {
            const sel = plan.filter((c) => c.label === y);
            byClass[cls] = sel.length ? sel.filter(f).length / sel.length : 0;
        });
        return { name, byClass };
    });
}
//# sourceMappingURL=derm7pt.js.map