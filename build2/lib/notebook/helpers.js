"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.disposeForward = exports.forwardTensors = exports.modalityLabels = exports.pickPerClass = exports.ensureCohort = void 0;
const cohort_1 = require("../data/cohort");
const cohort_2 = require("../data/cohort");
const derm7pt_1 = require("../synth/derm7pt");
const errors_1 = require("../util/errors");
/**
 * The cohort in `dir`: read it when the folder holds one (a real release or a synthetic copy), otherwise
 * write the deterministic synthetic Derm7pt cohort there first (about 12 s) and say so on one line.
 */
async function ensureCohort(dir, opts = {}) {
    if (!(0, cohort_2.detectDataset)(dir)) {
        const seed = opts.seed ?? 1;
        await (0, derm7pt_1.synthDerm7pt)({ out: dir, seed, scale: opts.scale ?? 1 });
        console.log(`generated a synthetic Derm7pt cohort (seed ${seed}) in ${dir}`);
    }
    return (0, cohort_1.loadCohort)(dir);
}
exports.ensureCohort = ensureCohort;
/**
 * Indices of the first `perClass` items of each class, class 0 first, in their original order within a
 * class: `pickPerClass(valid, 4)` → four NEV then four MEL. Throws when a class has fewer.
 */
function pickPerClass(items, perClass, numClasses) {
    const C = numClasses ?? Math.max(-1, ...items.map((c) => c.label)) + 1;
    const picked = [];
    for (let k = 0; k < C; k++) {
        const of = items.map((c, i) => (c.label === k ? i : -1)).filter((i) => i >= 0);
        if (of.length < perClass)
            throw new errors_1.CfcmlError(`class ${k} has ${of.length} items, fewer than the ${perClass} asked for`, { where: 'pickPerClass' });
        picked.push(...of.slice(0, perClass));
    }
    return picked;
}
exports.pickPerClass = pickPerClass;
/**
 * Readable names of a model's modalities: `image<i>` becomes the dataset's image modality name
 * (Derm7pt: clinic, derm), `tabular` stays. Default `names`: every image modality then tabular.
 */
function modalityLabels(spec, names) {
    const all = names ?? [...spec.imageModalities.map((_, i) => `image${i}`), 'tabular'];
    return all.map((n) => {
        const m = /^image(\d+)$/.exec(n);
        return m ? spec.imageModalities[Number(m[1])]?.name ?? n : n;
    });
}
exports.modalityLabels = modalityLabels;
/** Every tensor a forward pass returned, intermediates included (attention entries that are null skipped). */
function forwardTensors(out) {
    const t = [...out.z, out.logits];
    const i = out.intermediates;
    if (i) {
        t.push(...i.stageFeatures.flat(), ...i.tokens.flat(), ...i.completed.flat());
        for (const stage of i.attention)
            for (const a of stage)
                if (a)
                    t.push(a);
    }
    return t;
}
exports.forwardTensors = forwardTensors;
/** Dispose everything a forward pass returned, intermediates included. */
function disposeForward(out) {
    for (const t of forwardTensors(out))
        if (!t.isDisposed)
            t.dispose();
}
exports.disposeForward = disposeForward;
//# sourceMappingURL=helpers.js.map