"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getSynth = exports.SYNTH_DATASET_KEYS = exports.SYNTH_REGISTRY = void 0;
const errors_1 = require("../util/errors");
const registry_1 = require("../data/registry");
const derm7pt_1 = require("./derm7pt");
const men_1 = require("./men");
/**
 * The generator of each dataset that has one, by registry key (lib/data/registry.ts). The generators sit
 * above data/ (they write the layouts its loaders read), so they are listed here rather than in the
 * dataset registry itself.
 */
exports.SYNTH_REGISTRY = {
    derm7pt: { generate: (o) => (0, derm7pt_1.synthDerm7pt)(o), unit: 'cases', leak: true, nested: true },
    men: { generate: (o) => (0, men_1.synthMen)(o), unit: 'patients', leak: false, nested: false },
};
/** The keys of the datasets that have a synthetic generator (`cfcml synth` choices), in registry order. */
exports.SYNTH_DATASET_KEYS = registry_1.DATASET_KEYS.filter((k) => k in exports.SYNTH_REGISTRY);
/** A dataset's generator by key (case-insensitive); the error lists the keys that have one. */
function getSynth(name) {
    const key = name.toLowerCase();
    const entry = exports.SYNTH_REGISTRY[key];
    if (!Object.prototype.hasOwnProperty.call(exports.SYNTH_REGISTRY, key) || !entry) {
        throw new errors_1.CfcmlError(`no synthetic generator for dataset '${name}'; known: ${exports.SYNTH_DATASET_KEYS.join(', ')}`);
    }
    return entry;
}
exports.getSynth = getSynth;
//# sourceMappingURL=registry.js.map