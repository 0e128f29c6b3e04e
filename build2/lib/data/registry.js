"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getDatasetSpec = exports.DATASETS = exports.detectDataset = exports.getDataset = exports.isDatasetKey = exports.DATASET_KEYS = exports.DATASET_REGISTRY = void 0;
const errors_1 = require("../util/errors");
const datasets_1 = require("./datasets");
const derm7pt_1 = require("./derm7pt");
const men_1 = require("./men");
/**
 * Every dataset the code knows, by key (the key is the `--dataset` value and `spec.name`). Loaders, the
 * layout detection and the CLI's choice lists read this table; nothing else names a dataset.
 */
exports.DATASET_REGISTRY = {
    derm7pt: {
        spec: datasets_1.DERM7PT,
        layout: 'meta/meta.csv, meta/{train,valid,test}_indexes.csv, images/',
        detect: derm7pt_1.isDerm7ptLayout,
        nestedIn: ['release_v0'],
        load: (root, opts) => (0, derm7pt_1.loadDerm7pt)(root, { problems: opts.problems }),
    },
    men: {
        spec: datasets_1.MEN,
        layout: 'train|val|test/<class>/<patient>/<sequence>.nii.gz + a clinical CSV',
        detect: (root) => (0, men_1.isMenLayout)(root),
        load: (root, opts) => (0, men_1.loadMen)(root, { clinical: opts.clinical, problems: opts.problems }),
    },
};
/** The registry's keys, in detection order (`--dataset` choices). */
exports.DATASET_KEYS = Object.keys(exports.DATASET_REGISTRY);
function isDatasetKey(name) {
    return Object.prototype.hasOwnProperty.call(exports.DATASET_REGISTRY, name);
}
exports.isDatasetKey = isDatasetKey;
/** A dataset's registry entry by key (case-insensitive); the error lists the known keys. */
function getDataset(name) {
    const key = name.toLowerCase();
    if (!isDatasetKey(key))
        throw new errors_1.CfcmlError(`unknown dataset '${name}'; known: ${exports.DATASET_KEYS.join(', ')}`);
    return exports.DATASET_REGISTRY[key];
}
exports.getDataset = getDataset;
/** Which dataset a folder holds, judging by its layout (first match in registry order); undefined if none. */
function detectDataset(root) {
    return exports.DATASET_KEYS.find((k) => exports.DATASET_REGISTRY[k].detect(root));
}
exports.detectDataset = detectDataset;
/** Every dataset's spec by key. */
exports.DATASETS = Object.fromEntries(exports.DATASET_KEYS.map((k) => [k, exports.DATASET_REGISTRY[k].spec]));
/** Look a dataset's spec up by key; the error lists the known keys. */
function getDatasetSpec(name) {
    return getDataset(name).spec;
}
exports.getDatasetSpec = getDatasetSpec;
//# sourceMappingURL=registry.js.map