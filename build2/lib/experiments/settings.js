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
exports.finishedRunSettings = exports.runSettings = exports.checkOneBudget = exports.settingDifferences = void 0;
/**
 * One budget per sweep: every run of a cohort × preset group must have been trained with the same resolved
 * settings (the preset with the sweep's options applied: epochs, early stopping, lr, model …). A finished run
 * is never retrained, so a preset changed between two invocations of `cfcml sweep` would otherwise leave a
 * table that silently mixes two budgets. The runner and the report refuse such a mix, naming the runs and
 * the fields that differ.
 */
const path = __importStar(require("path"));
const runDirectory_1 = require("../run/runDirectory");
const errors_1 = require("../util/errors");
function flatten(x, prefix, out) {
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
        for (const [k, v] of Object.entries(x))
            flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
    else
        out.set(prefix, JSON.stringify(x));
}
/** The settings that differ between two runs, as `field (a vs b)`; empty when they agree. */
function settingDifferences(a, b) {
    const fa = new Map();
    const fb = new Map();
    flatten(a, '', fa);
    flatten(b, '', fb);
    const keys = [...new Set([...fa.keys(), ...fb.keys()])].sort();
    return keys.filter((k) => fa.get(k) !== fb.get(k)).map((k) => `${k} (${fa.get(k) ?? 'absent'} vs ${fb.get(k) ?? 'absent'})`);
}
exports.settingDifferences = settingDifferences;
/**
 * Throw if the runs of one group were trained with different settings, or with different arithmetic (numerics
 * fingerprints, compared where both runs recorded one): the message names the first run that differs from the
 * group's first run, and the fields.
 */
function checkOneBudget(runs, where) {
    const first = new Map();
    const firstWithNumerics = new Map();
    const refuse = (r, ref, diff) => {
        throw new errors_1.CfcmlError(`runs of one sweep were trained with different settings: ${r.id} differs from ${ref.id} in ${diff.join(', ')}. ` +
            'A sweep compares variants under one budget; sweep into a new --out, or move the runs trained with the old settings away', { where });
    };
    for (const r of runs) {
        const ref = first.get(r.group);
        if (!ref)
            first.set(r.group, r);
        else {
            const diff = settingDifferences(r.train, ref.train);
            if (diff.length)
                refuse(r, ref, diff);
        }
        if (r.numerics === undefined)
            continue;
        const nref = firstWithNumerics.get(r.group);
        if (!nref)
            firstWithNumerics.set(r.group, r);
        else if (nref.numerics !== r.numerics) {
            refuse(r, nref, [`numerics (${r.numerics} vs ${nref.numerics}: another backend, tfjs version or kernel code, so the same seed gives other numbers)`]);
        }
    }
}
exports.checkOneBudget = checkOneBudget;
/** A run's settings as its options.json records them. */
function runSettings(run, o) {
    return { id: run.id, group: run.group, train: o.train, ...(o.numerics === undefined ? {} : { numerics: o.numerics }) };
}
exports.runSettings = runSettings;
/** The finished runs of a sweep with their resolved settings (options.json). */
function finishedRunSettings(root, runs) {
    const out = [];
    for (const run of runs) {
        const dir = new runDirectory_1.RunDirectory(path.resolve(root, run.dir));
        if (dir.state() !== 'done')
            continue;
        out.push(runSettings(run, dir.readOptions()));
    }
    return out;
}
exports.finishedRunSettings = finishedRunSettings;
//# sourceMappingURL=settings.js.map