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
exports.trainCommand = exports.runTrainArgs = exports.cliPath = exports.readSweep = exports.createSweep = exports.expandGrid = exports.checkSettings = exports.overridesOf = exports.parsePresets = exports.parseVariants = exports.parseSeeds = exports.SWEEP_FILE = void 0;
/**
 * A sweep as data: the grid (cohorts × presets × named settings × variants × training seeds), one run
 * directory per cell, the same `cfcml train` options for every run of a group (same budget), recorded in
 * `<sweep>/sweep.json` so that `cfcml sweep` (again), the SLURM array and `cfcml report` all find the same
 * runs. A named setting is a `--set` of preset fields (a tuning candidate): each is a group of its own, so
 * the report compares variants within a setting and never mixes two settings in one table.
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const spec_1 = require("../data/spec");
const types_1 = require("../model/types");
const config_1 = require("../train/config");
const errors_1 = require("../util/errors");
const fs_1 = require("../util/fs");
exports.SWEEP_FILE = 'sweep.json';
/** `1-5`, `1,2,3`, `1-3,7` → sorted distinct integers. */
function parseSeeds(text) {
    const out = new Set();
    for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
        const m = /^(-?\d+)(?:-(\d+))?$/.exec(part);
        if (!m)
            throw new errors_1.CfcmlError(`--seeds: '${part}' is not a seed or a range like 1-5`, { where: '--seeds' });
        const a = Number(m[1]);
        const b = m[2] === undefined ? a : Number(m[2]);
        if (b < a)
            throw new errors_1.CfcmlError(`--seeds: range '${part}' ends before it starts`);
        if (b - a > 10000)
            throw new errors_1.CfcmlError(`--seeds: range '${part}' is too long`);
        for (let s = a; s <= b; s++)
            out.add(s);
    }
    if (out.size === 0)
        throw new errors_1.CfcmlError('--seeds: no seeds given');
    return [...out].sort((x, y) => x - y);
}
exports.parseSeeds = parseSeeds;
/** Comma list of variants (`all` = every variant), checked against the known ones; order kept, `full` first. */
function parseVariants(text) {
    const list = text.trim() === 'all' ? [...types_1.VARIANTS] : text.split(',').map((s) => s.trim()).filter(Boolean);
    for (const v of list) {
        if (!types_1.VARIANTS.includes(v))
            throw new errors_1.CfcmlError(`--variants: unknown variant '${v}'; known: ${types_1.VARIANTS.join(', ')}`);
    }
    const uniq = [...new Set(list)];
    if (uniq.length === 0)
        throw new errors_1.CfcmlError('--variants: no variant given');
    return uniq.includes('full') ? ['full', ...uniq.filter((v) => v !== 'full')] : uniq;
}
exports.parseVariants = parseVariants;
function parsePresets(text) {
    const list = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
    for (const p of list)
        if (!spec_1.PRESET_NAMES.includes(p))
            throw new errors_1.CfcmlError(`--preset: unknown preset '${p}'; known: ${spec_1.PRESET_NAMES.join(', ')}`);
    if (list.length === 0)
        throw new errors_1.CfcmlError('--preset: no preset given');
    return list;
}
exports.parsePresets = parsePresets;
const SETTING_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Parse a `--set` text found in `where` (a file), naming `what` (a key or a setting) when it is wrong. */
function overridesOf(text, what, where) {
    try {
        return (0, config_1.parsePresetOverrides)(text);
    }
    catch (e) {
        throw new errors_1.CfcmlError(`${what}: ${e.message}`, { where });
    }
}
exports.overridesOf = overridesOf;
/**
 * Check named settings: a name usable as a folder name, given once; a `--set` text that parses (unknown
 * fields and bad values are named before any run starts); variants known. Returns them with `variants`
 * parsed (the `variants` of a JSON file may be a comma list or an array).
 */
function checkSettings(settings, where = 'settings') {
    const seen = new Set();
    return settings.map((st, i) => {
        if (st === null || typeof st !== 'object')
            throw new errors_1.CfcmlError(`setting ${i}: expected { "name": …, "set": … }, got ${JSON.stringify(st)}`, { where });
        if (typeof st.name !== 'string' || !SETTING_NAME.test(st.name)) {
            throw new errors_1.CfcmlError(`setting ${i}: name ${JSON.stringify(st.name)} must be letters, digits, '.', '_' or '-' (it names a folder)`, { where });
        }
        if (seen.has(st.name))
            throw new errors_1.CfcmlError(`setting '${st.name}' is given twice`, { where });
        seen.add(st.name);
        if (typeof st.set !== 'string')
            throw new errors_1.CfcmlError(`setting '${st.name}': set must be a text like "lr=1e-3,epochs=40"`, { where });
        overridesOf(st.set, `setting '${st.name}'`, where);
        if (st.variants === undefined)
            return { name: st.name, set: st.set };
        const variants = parseVariants(Array.isArray(st.variants) ? st.variants.join(',') : st.variants);
        return { name: st.name, set: st.set, variants };
    });
}
exports.checkSettings = checkSettings;
/** Short distinct labels for cohort folders (basename, numbered when two share one). */
function cohortLabels(data) {
    const base = data.map((d) => path.basename(d).replace(/[^A-Za-z0-9._-]/g, '_') || 'data');
    return base.map((b, i) => (base.filter((x) => x === b).length > 1 ? `${b}${i + 1}` : b));
}
/**
 * Expand the grid into runs, in a fixed order: cohort, preset, setting, variant, seed. A run's group joins
 * the labels of the axes with several values (cohort, preset) and the setting's name.
 */
function expandGrid(g) {
    const labels = cohortLabels(g.data);
    const settings = g.settings?.length ? g.settings : [null];
    const runs = [];
    g.data.forEach((data, di) => {
        for (const preset of g.presets) {
            for (const st of settings) {
                const group = [g.data.length > 1 ? labels[di] : '', g.presets.length > 1 ? preset : '', st?.name ?? ''].filter(Boolean).join('_');
                for (const variant of st?.variants ?? g.variants) {
                    for (const seed of g.seeds) {
                        const id = [group, variant, `seed${seed}`].filter(Boolean).join('/');
                        const run = { index: runs.length, id, group, data, preset, variant, seed, dir: path.join('runs', id) };
                        if (st)
                            Object.assign(run, { setting: st.name, set: st.set });
                        runs.push(run);
                    }
                }
            }
        }
    });
    return runs;
}
exports.expandGrid = expandGrid;
/**
 * Create or extend a sweep: a grid given again over an existing sweep folder adds its new cohorts,
 * presets, settings, variants and seeds (the union; runs already there keep their directories). The train
 * arguments must be the same as before, and a setting given again must have the same overrides: every
 * run of a group gets the same budget.
 */
function createSweep(root, grid) {
    const data = grid.data.map((d) => path.resolve(d));
    for (const d of data) {
        if (!fs.existsSync(d))
            throw new errors_1.CfcmlError('cohort folder not found', { where: d, hint: 'make one with `cfcml synth derm7pt --out <dir>`' });
    }
    let g = { data, presets: grid.presets, variants: grid.variants, seeds: grid.seeds, settings: checkSettings(grid.settings ?? []) };
    const file = path.join(root, exports.SWEEP_FILE);
    if (fs.existsSync(file)) {
        const old = readSweep(root);
        if (JSON.stringify(old.trainArgs) !== JSON.stringify(grid.trainArgs)) {
            throw new errors_1.CfcmlError(`this sweep was started with train arguments [${old.trainArgs.join(' ')}], now [${grid.trainArgs.join(' ')}]; every run of a sweep gets the same budget`, { where: file, hint: 'use another --out for a different budget' });
        }
        const union = (a, b) => [...a, ...b.filter((x) => !a.includes(x))];
        if (!old.settings?.length && g.settings?.length && old.runs.length > 0) {
            throw new errors_1.CfcmlError('this sweep has runs without named settings; settings cannot be added to it', { where: file, hint: 'sweep the settings into a new --out' });
        }
        const settings = [...(old.settings ?? [])];
        for (const st of g.settings ?? []) {
            const before = settings.find((o) => o.name === st.name);
            if (!before)
                settings.push(st);
            else if (JSON.stringify(before) !== JSON.stringify(st)) {
                throw new errors_1.CfcmlError(`setting '${st.name}' was ${JSON.stringify(before)} in this sweep, now ${JSON.stringify(st)}; every run of a setting gets the same budget`, {
                    where: file,
                    hint: 'give the changed setting another name',
                });
            }
        }
        g = {
            data: union(old.data, data),
            presets: union(old.presets, g.presets),
            variants: union(old.variants, g.variants),
            seeds: union(old.seeds, g.seeds).sort((x, y) => x - y),
            settings,
        };
    }
    const { settings, ...axes } = g;
    const spec = { version: 1, ...axes, ...(settings?.length ? { settings } : {}), trainArgs: [...grid.trainArgs], runs: expandGrid(g) };
    (0, fs_1.writeJsonAtomic)(file, spec);
    return spec;
}
exports.createSweep = createSweep;
/** Read `<root>/sweep.json`, checking its shape. */
function readSweep(root) {
    const file = path.join(root, exports.SWEEP_FILE);
    if (!fs.existsSync(file))
        throw new errors_1.CfcmlError(`no ${exports.SWEEP_FILE} here: not a sweep folder`, { where: root, hint: 'create one with `cfcml sweep --data … --out <dir>`' });
    let s;
    try {
        s = JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    catch (e) {
        throw new errors_1.CfcmlError(`not valid JSON: ${e.message}`, { where: file });
    }
    if (s.version !== 1 || !Array.isArray(s.runs) || !Array.isArray(s.trainArgs))
        throw new errors_1.CfcmlError('not a version-1 sweep file (runs, trainArgs)', { where: file });
    s.runs.forEach((r, i) => {
        if (typeof r.dir !== 'string' || typeof r.variant !== 'string' || !Number.isInteger(r.seed)) {
            throw new errors_1.CfcmlError(`run ${i}: needs dir, variant and an integer seed`, { where: file });
        }
    });
    return s;
}
exports.readSweep = readSweep;
/** Absolute path of the CLI entry point next to this module (dist/bin/cfcml.js or build/bin/cfcml.js). */
function cliPath() {
    return process.env.CFCML_CLI ? path.resolve(process.env.CFCML_CLI) : path.resolve(__dirname, '../../bin/cfcml.js');
}
exports.cliPath = cliPath;
/**
 * The train arguments of one run: the sweep's, with the run's setting appended to their `--set` (a field
 * in both takes the setting's value) or added as one.
 */
function runTrainArgs(run, trainArgs) {
    if (!run.set)
        return [...trainArgs];
    const at = trainArgs.indexOf('--set');
    if (at < 0)
        return [...trainArgs, '--set', run.set];
    const out = [...trainArgs];
    out[at + 1] = `${out[at + 1]},${run.set}`;
    return out;
}
exports.runTrainArgs = runTrainArgs;
/**
 * The exact command of one run: `node <abs cli> train --data <abs> … --out <abs run dir> --resume …`.
 * `--resume` continues an interrupted run from its last.ckpt and starts a fresh one when there is none.
 */
function trainCommand(root, run, trainArgs) {
    return [
        process.execPath,
        cliPath(),
        'train',
        '--data',
        run.data,
        '--preset',
        run.preset,
        '--variant',
        run.variant,
        '--seed',
        String(run.seed),
        '--out',
        path.resolve(root, run.dir),
        '--progress',
        'line',
        '--resume',
        ...runTrainArgs(run, trainArgs),
    ];
}
exports.trainCommand = trainCommand;
//# sourceMappingURL=sweep.js.map