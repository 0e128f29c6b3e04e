"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.derm7ptFileNames = exports.derm7ptFiles = exports.derm7ptSlots = exports.scaledCount = exports.drawDiagnosis = exports.sevenPointScore = exports.SEVEN_POINT = exports.DERM7PT_COUNTS = void 0;
const spec_1 = require("../data/spec");
/**
 * What the synthetic Derm7pt cohort copies from the real release (docs/DATA.md): class counts per split,
 * the diagnoses and their frequencies, the file naming of meta.csv, and the seven-point checklist.
 */
/** Class counts per split of the real release (docs/DATA.md), NEV/MEL, and left-out rows per split. */
exports.DERM7PT_COUNTS = {
    train: { NEV: 256, MEL: 90, other: 67 },
    valid: { NEV: 100, MEL: 61, other: 42 },
    test: { NEV: 219, MEL: 101, other: 75 },
};
const NEV_DIAGNOSES = [
    ['clark nevus', 399],
    ['reed or spitz nevus', 79],
    ['dermal nevus', 33],
    ['blue nevus', 28],
    ['congenital nevus', 17],
    ['combined nevus', 13],
    ['recurrent nevus', 6],
];
const MEL_DIAGNOSES = [
    ['melanoma (less than 0.76 mm)', 102],
    ['melanoma (in situ)', 64],
    ['melanoma (0.76 to 1.5 mm)', 53],
    ['melanoma (more than 1.5 mm)', 28],
    ['melanoma metastasis', 4],
    ['melanoma', 1],
];
const OTHER_DIAGNOSES = [
    ['seborrheic keratosis', 45],
    ['basal cell carcinoma', 42],
    ['vascular lesion', 29],
    ['lentigo', 24],
    ['dermatofibroma', 20],
    ['melanosis', 16],
    ['miscellaneous', 8],
];
/** The seven-point checklist: major criteria first. A score of 3 or more suggests melanoma. */
exports.SEVEN_POINT = [
    { column: 'pigment_network', points: 2, melanomaTypical: (v) => v === 'atypical' },
    { column: 'blue_whitish_veil', points: 2, melanomaTypical: (v) => v === 'present' },
    { column: 'vascular_structures', points: 2, melanomaTypical: (v) => v === 'dotted' || v === 'linear irregular' },
    { column: 'streaks', points: 1, melanomaTypical: (v) => v === 'irregular' },
    { column: 'pigmentation', points: 1, melanomaTypical: (v) => v.includes('irregular') },
    { column: 'dots_and_globules', points: 1, melanomaTypical: (v) => v === 'irregular' },
    { column: 'regression_structures', points: 1, melanomaTypical: (v) => v !== 'absent' },
];
/** The seven-point score of one case's recorded criteria (column → value; a missing column scores 0). */
function sevenPointScore(values) {
    return exports.SEVEN_POINT.reduce((s, c) => s + (values[c.column] !== undefined && c.melanomaTypical(values[c.column]) ? c.points : 0), 0);
}
exports.sevenPointScore = sevenPointScore;
function pickWeighted(rng, items) {
    return items[rng.categorical(items.map((i) => i[1]))][0];
}
/** The release's diagnosis of a case of this slot label (0 NEV, 1 MEL, -1 left out), by its frequency. */
function drawDiagnosis(rng, label) {
    return pickWeighted(rng, label === 0 ? NEV_DIAGNOSES : label === 1 ? MEL_DIAGNOSES : OTHER_DIAGNOSES);
}
exports.drawDiagnosis = drawDiagnosis;
/** Scaled count: at least one case of each task class per split, so every split stays usable. */
function scaledCount(n, scale, min = 1) {
    return Math.max(min, Math.round(n * scale));
}
exports.scaledCount = scaledCount;
/** One slot per case of the release's class counts × scale (0 NEV, 1 MEL, -1 left out), split by split, unshuffled. */
function derm7ptSlots(scale) {
    const slots = [];
    for (const split of spec_1.SPLITS) {
        const c = exports.DERM7PT_COUNTS[split];
        for (let i = 0; i < scaledCount(c.NEV, scale); i++)
            slots.push({ split, label: 0 });
        for (let i = 0; i < scaledCount(c.MEL, scale); i++)
            slots.push({ split, label: 1 });
        for (let i = 0; i < scaledCount(c.other, scale, 0); i++)
            slots.push({ split, label: -1 });
    }
    return slots;
}
exports.derm7ptSlots = derm7ptSlots;
/**
 * The image file names of meta.csv row `row` (folders of 30 cases, mixed-case extensions), and whether the
 * clinic column names the dermoscopy file (the release's 9 × scale same-file rows, spread over the first rows).
 */
function derm7ptFiles(row, scale) {
    const nSame = scaledCount(9, scale);
    return derm7ptFileNames(row, row < nSame * 7 && row % 7 === 3);
}
exports.derm7ptFiles = derm7ptFiles;
/** The image file names of meta.csv row `row`; with `sameFile` the clinic column names the derm file. */
function derm7ptFileNames(row, sameFile) {
    const caseNum = row + 1;
    const folder = `A${String(Math.floor(row / 30) + 1).padStart(2, '0')}`;
    const derm = `${folder}/Sd${String(caseNum).padStart(4, '0')}.${caseNum % 2 ? 'jpg' : 'JPG'}`;
    const clinic = sameFile ? derm : `${folder}/Sc${String(caseNum).padStart(4, '0')}.${caseNum % 3 ? 'jpg' : 'JPG'}`;
    return { caseNum, sameFile, derm, clinic };
}
exports.derm7ptFileNames = derm7ptFileNames;
//# sourceMappingURL=derm7ptRelease.js.map