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
exports.readSweepConfig = void 0;
/**
 * A sweep written as a JSON file (`cfcml sweep --config <file>`), so that a tuning grid is data, not a
 * script: the grid's axes, the shared `--set`, and named settings, each a set of preset overrides that
 * becomes a group of its own. Options given on the command line win over the file's.
 *
 *   {
 *     "about": "what the grid is for",
 *     "data": "data/synthetic/derm7pt",
 *     "out": "runs/tune",
 *     "variants": "full",
 *     "seeds": "101-103",
 *     "preset": "cpu",
 *     "set": "epochs=30,patience=10",
 *     "settings": [
 *       { "name": "base", "set": "model.tokenNorm=false" },
 *       { "name": "norm", "set": "model.tokenNorm=true", "variants": "full,late-fusion" }
 *     ],
 *     "jobs": 2
 *   }
 *
 * Paths are as on the command line (relative to the working folder). `about` and `note` are for people.
 */
const fs = __importStar(require("fs"));
const errors_1 = require("../util/errors");
const sweep_1 = require("./sweep");
const KEYS = ['about', 'note', 'data', 'out', 'variants', 'seeds', 'preset', 'set', 'settings', 'jobs'];
/** A comma list given as text or as an array of texts/numbers. */
function list(x, key, file) {
    if (typeof x === 'string')
        return x;
    if (Array.isArray(x) && x.every((v) => typeof v === 'string' || typeof v === 'number'))
        return x.join(',');
    throw new errors_1.CfcmlError(`"${key}" must be a text or an array, got ${JSON.stringify(x)}`, { where: file });
}
/** Read and check a sweep file; every problem names the file and the key. */
function readSweepConfig(file) {
    if (!fs.existsSync(file))
        throw new errors_1.CfcmlError('sweep file not found', { where: file });
    let raw;
    try {
        raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    catch (e) {
        throw new errors_1.CfcmlError(`not valid JSON: ${e.message}`, { where: file });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        throw new errors_1.CfcmlError('a sweep file is a JSON object', { where: file });
    const o = raw;
    for (const k of Object.keys(o))
        if (!KEYS.includes(k))
            throw new errors_1.CfcmlError(`unknown key "${k}"; known: ${KEYS.join(', ')}`, { where: file });
    const cfg = {};
    if (o.data !== undefined)
        cfg.data = list(o.data, 'data', file).split(',').map((s) => s.trim()).filter(Boolean);
    if (o.out !== undefined) {
        if (typeof o.out !== 'string')
            throw new errors_1.CfcmlError('"out" must be a folder path', { where: file });
        cfg.out = o.out;
    }
    if (o.variants !== undefined)
        cfg.variants = list(o.variants, 'variants', file);
    if (o.seeds !== undefined)
        cfg.seeds = list(o.seeds, 'seeds', file);
    if (o.preset !== undefined)
        cfg.preset = list(o.preset, 'preset', file);
    if (o.set !== undefined) {
        if (typeof o.set !== 'string')
            throw new errors_1.CfcmlError('"set" must be a text like "epochs=40,patience=15"', { where: file });
        (0, sweep_1.overridesOf)(o.set, '"set"', file);
        cfg.set = o.set;
    }
    if (o.settings !== undefined) {
        // An array of { name, set, variants? }, or the short form { "<name>": "<set>", … }.
        const entries = Array.isArray(o.settings)
            ? o.settings
            : o.settings !== null && typeof o.settings === 'object'
                ? Object.entries(o.settings).map(([name, set]) => ({ name, set }))
                : null;
        if (!entries)
            throw new errors_1.CfcmlError('"settings" must be an array of { name, set, variants? } or an object of name: set', { where: file });
        cfg.settings = (0, sweep_1.checkSettings)(entries, file);
    }
    if (o.jobs !== undefined) {
        if (!Number.isInteger(o.jobs) || o.jobs < 1)
            throw new errors_1.CfcmlError(`"jobs" must be a whole number ≥ 1, got ${JSON.stringify(o.jobs)}`, { where: file });
        cfg.jobs = o.jobs;
    }
    return cfg;
}
exports.readSweepConfig = readSweepConfig;
//# sourceMappingURL=sweepConfig.js.map