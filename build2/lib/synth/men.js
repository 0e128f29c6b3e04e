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
exports.synthMen = void 0;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const csv_1 = require("../util/csv");
const fs_1 = require("../util/fs");
const datasets_1 = require("../data/datasets");
const men_1 = require("../data/men");
const spec_1 = require("../data/spec");
const nifti_1 = require("../data/nifti");
const menModel_1 = require("./menModel");
const menRender_1 = require("./menRender");
const oracle_1 = require("./oracle");
/** Write each patient's volumes (uint8 NIfTI, in its split/class folder) and clinical.csv; returns the number of volume files. */
function writeMenPatients(plan, root, size, onProgress) {
    let files = 0;
    plan.forEach((p, k) => {
        const dir = path.join(root, men_1.MEN_SPLIT_DIRS[p.split][0], datasets_1.MEN.classes[p.label], p.id);
        fs.mkdirSync(dir, { recursive: true });
        const vols = (0, menRender_1.renderMenVolumes)(p, size);
        datasets_1.MEN.imageModalities.forEach((m, i) => {
            // NIfTI dims are x (W, fastest), y (H), z (D).
            fs.writeFileSync(path.join(dir, m.file ?? `${m.name}.nii.gz`), (0, nifti_1.encodeNiftiGz)([size[2], size[1], size[0]], vols[i], { spacing: [1, 1, 5], dtype: 'uint8' }));
            files++;
        });
        onProgress?.(k + 1, plan.length);
    });
    const header = ['id', ...datasets_1.MEN.tabular.map((f) => f.column)];
    (0, fs_1.writeFileAtomic)(path.join(root, 'clinical.csv'), (0, csv_1.formatCsv)(header, plan.map((p) => ({ id: p.id, ...p.clinical }))));
    return files;
}
/** The fraction of each class's patients for whom `f` holds. */
function fractionByClass(plan, f) {
    return Object.fromEntries(datasets_1.MEN.classes.map((c, y) => {
        const sel = plan.filter((p) => p.label === y);
        return [c, sel.length ? sel.filter(f).length / sel.length : 0];
    }));
}
/** Write a synthetic MEN-style folder. Deterministic in (seed, scale, size, interaction). */
async function synthMen(opts) {
    const t0 = Date.now();
    const scale = opts.scale ?? 1;
    const size = opts.size ?? [24, 64, 64];
    const root = path.resolve(opts.out);
    const interaction = opts.interaction ?? 'context';
    const plan = (0, menModel_1.planMen)({ seed: opts.seed, scale, interaction });
    const files = writeMenPatients(plan, root, size, opts.onProgress);
    const oracle = plan.map((p) => (0, menModel_1.menOracleRow)(p, interaction));
    (0, oracle_1.writeOracleCsv)(path.join(root, 'oracle.csv'), 'patient_id', oracle, 3);
    const aucs = (0, oracle_1.oracleAucs)(oracle, 3);
    (0, fs_1.writeJsonAtomic)(path.join(root, 'cohort.json'), {
        dataset: 'men',
        version: menModel_1.MEN_COHORT_VERSION,
        interaction,
        seed: opts.seed,
        scale,
        additiveWeights: (0, menModel_1.menAdditiveWeights)(interaction),
        oracleAuc: aucs,
    });
    const splits = {};
    for (const split of spec_1.SPLITS)
        splits[split] = Object.fromEntries(datasets_1.MEN.classes.map((c, y) => [c, plan.filter((p) => p.split === split && p.label === y).length]));
    const frac = (f) => fractionByClass(plan, f);
    return {
        dataset: 'men',
        out: root,
        seed: opts.seed,
        scale,
        splits,
        excluded: {},
        files,
        imageSizes: Object.fromEntries(datasets_1.MEN.imageModalities.map((m) => [m.name, size.join('x')])),
        findings: [
            { name: 'boundary tongues (T1c)', byClass: frac((p) => p.findings.tongues === 1) },
            { name: 'tongues, off the skull base', byClass: frac((p) => p.findings.tongues === 1 && p.record.location !== 2) },
            { name: 'CSF cleft lost (T2)', byClass: frac((p) => p.findings.cleftLost === 1) },
            { name: 'marked necrosis (T2)', byClass: frac((p) => p.findings.necrosis === 2) },
            { name: 'low tumour ADC', byClass: frac((p) => p.findings.lowAdc === 1) },
            { name: 'skull base', byClass: frac((p) => p.record.location === 2) },
        ],
        notes: [
            'volumes are uint8+slope NIfTI-1 (gzip), D×H×W as listed; clinical.csv holds one row per patient',
            interaction === 'context'
                ? 'interaction context: boundary tongues mean brain invasion off the skull base, bone/dural growth at it'
                : 'interaction none: null control, image and record independent given the grade (additive log-odds)',
            'oracle.csv and cohort.json are written beside the cohort (the loader reads clinical.csv and the split folders)',
        ],
        seconds: (Date.now() - t0) / 1000,
        version: menModel_1.MEN_COHORT_VERSION,
        interaction,
        oracle: aucs,
    };
}
exports.synthMen = synthMen;
//# sourceMappingURL=men.js.map