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
exports.ParamStore = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
const random_1 = require("../util/random");
let instanceCounter = 0;
class ParamStore {
    constructor(seed) {
        this.entries = [];
        this.byKey = new Map();
        this.adopted = new Set();
        this.rng = new random_1.Rng(seed);
        this.namePrefix = `cfcml${instanceCounter++}`;
    }
    /** Create a variable under `key`, initialised from this store's seeded stream. */
    add(key, shape, init, group) {
        const size = shape.reduce((a, b) => a * b, 1);
        const data = new Float32Array(size);
        switch (init.kind) {
            case 'he': {
                const std = Math.sqrt(2 / init.fanIn);
                for (let i = 0; i < size; i++)
                    data[i] = this.rng.normal(0, std);
                break;
            }
            case 'uniform': {
                const b = 1 / Math.sqrt(init.fanIn);
                for (let i = 0; i < size; i++)
                    data[i] = this.rng.uniform(-b, b);
                break;
            }
            case 'normal':
                for (let i = 0; i < size; i++)
                    data[i] = this.rng.normal(0, init.std);
                break;
            case 'ones':
                data.fill(1);
                break;
            case 'zeros':
                break;
        }
        const variable = tf.tidy(() => tf.variable(tf.tensor(data, shape, 'float32'), true, `${this.namePrefix}/${key}`));
        this.register(key, variable, group);
        return variable;
    }
    /** Take over a variable made elsewhere (a user's pretrained encoder); the store does not dispose it twice. */
    adopt(key, variable, group) {
        this.register(key, variable, group);
        this.adopted.add(variable);
    }
    register(key, variable, group) {
        if (this.byKey.has(key))
            throw new errors_1.CfcmlError(`duplicate weight key '${key}'`);
        const entry = { key, variable, group };
        this.entries.push(entry);
        this.byKey.set(key, entry);
    }
    paramCount() {
        return this.entries.reduce((n, e) => n + e.variable.size, 0);
    }
    getWeightData() {
        return this.entries.map((e) => ({ key: e.key, shape: e.variable.shape.slice(), data: Float32Array.from(e.variable.dataSync()) }));
    }
    /**
     * Assign all weights from `weights`. Every key must be present with its exact shape, and no unknown key
     * may appear; otherwise nothing is assigned and the error names the offending keys.
     */
    setWeightData(weights) {
        const given = new Map(weights.map((w) => [w.key, w]));
        const missing = this.entries.filter((e) => !given.has(e.key)).map((e) => e.key);
        const unknown = weights.filter((w) => !this.byKey.has(w.key)).map((w) => w.key);
        const mismatched = [];
        for (const e of this.entries) {
            const w = given.get(e.key);
            if (!w)
                continue;
            const size = w.shape.reduce((a, b) => a * b, 1);
            if (w.shape.join('x') !== e.variable.shape.join('x') || w.data.length !== size) {
                mismatched.push(`${e.key} (model [${e.variable.shape.join(',')}], given [${w.shape.join(',')}] with ${w.data.length} values)`);
            }
        }
        const problems = [];
        if (missing.length)
            problems.push(`missing keys: ${missing.join(', ')}`);
        if (unknown.length)
            problems.push(`unknown keys: ${unknown.join(', ')}`);
        if (mismatched.length)
            problems.push(`shape mismatch: ${mismatched.join('; ')}`);
        if (problems.length)
            throw new errors_1.CfcmlError(`cannot load weights: ${problems.join(' | ')}`, { where: 'setWeightData' });
        for (const e of this.entries) {
            const w = given.get(e.key);
            tf.tidy(() => e.variable.assign(tf.tensor(w.data, w.shape, 'float32')));
        }
    }
    /**
     * One row per block (a key minus its last segment): the shapes of its weights and its parameter count,
     * then totals per group and overall.
     */
    summary(title = 'model') {
        const blocks = new Map();
        for (const e of this.entries) {
            const cut = e.key.lastIndexOf('/');
            const block = cut < 0 ? e.key : e.key.slice(0, cut);
            const row = blocks.get(block) ?? { shapes: [], params: 0, group: e.group };
            row.shapes.push(`${e.key.slice(cut + 1)} [${e.variable.shape.join('×')}]`);
            row.params += e.variable.size;
            blocks.set(block, row);
        }
        const rows = [...blocks.entries()].map(([block, r]) => [block, r.shapes.join(', '), r.params.toLocaleString('en-US')]);
        const header = ['block', 'shape', 'params'];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
        const line = (cells) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
        const byGroup = (g) => this.entries.filter((e) => e.group === g).reduce((n, e) => n + e.variable.size, 0);
        return [
            `${title}`,
            line(header),
            line(widths.map((w) => '-'.repeat(w))),
            ...rows.map(line),
            line(widths.map((w) => '-'.repeat(w))),
            `encoder params: ${byGroup('encoder').toLocaleString('en-US')}`,
            `head params:    ${byGroup('head').toLocaleString('en-US')}`,
            `total params:   ${this.paramCount().toLocaleString('en-US')}`,
        ].join('\n');
    }
    /** Dispose the variables this store created (adopted ones belong to their owner). */
    dispose() {
        for (const e of this.entries)
            if (!this.adopted.has(e.variable))
                e.variable.dispose();
        this.adopted.clear();
        this.entries.length = 0;
        this.byKey.clear();
    }
}
exports.ParamStore = ParamStore;
//# sourceMappingURL=params.js.map