"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tabularInputSpec = exports.tabularFields = exports.TabularEncoder = void 0;
const errors_1 = require("../util/errors");
class TabularEncoder {
    constructor(spec, fields, stats, excluded) {
        this.spec = spec;
        this.stats = stats;
        this.excluded = excluded;
        this.fields = fields;
        this.oneHotWidth = fields.reduce((w, f) => w + (f.kind === 'categorical' ? f.levels.length : 1), 0);
    }
    /** Fit on the training cases (means/stds of numeric fields come from these only). */
    static fit(spec, trainCases, opts = {}) {
        const exclude = opts.exclude ?? [];
        for (const e of exclude) {
            if (!spec.tabular.some((f) => f.name === e || f.column === e)) {
                throw new errors_1.CfcmlError(`cannot exclude unknown tabular field '${e}'; ${spec.name} fields: ${spec.tabular.map((f) => f.name).join(', ')}`);
            }
        }
        const fields = tabularFields(spec, exclude);
        if (trainCases.length === 0)
            throw new errors_1.CfcmlError('TabularEncoder.fit: no training cases');
        const stats = {};
        for (const f of fields) {
            if (f.kind !== 'numeric')
                continue;
            const xs = trainCases.map((c) => TabularEncoder.numeric(f, c));
            const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
            const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
            // A constant field would divide by zero; std 1 leaves it centred at 0.
            stats[f.name] = { mean, std: variance > 1e-12 ? Math.sqrt(variance) : 1 };
        }
        const excluded = spec.tabular.filter((f) => !fields.includes(f)).map((f) => f.name);
        return new TabularEncoder(spec, fields, stats, excluded);
    }
    static numeric(f, c) {
        const v = c.tabular[f.name];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
            throw new errors_1.CfcmlError(`case ${c.id}: numeric field '${f.name}' (column '${f.column}') has value '${v}', not a finite number`, { where: c.source });
        }
        return v;
    }
    levelIndex(f, c) {
        const v = c.tabular[f.name];
        const k = f.levels.indexOf(String(v));
        if (k < 0) {
            throw new errors_1.CfcmlError(`case ${c.id}: unknown category '${v}' in column '${f.column}'; allowed levels: ${f.levels.map((l) => `'${l}'`).join(', ')}`, {
                where: c.source,
            });
        }
        return k;
    }
    /** What the model needs to know about each column of `encode`. */
    inputSpec() {
        return tabularInputSpec(this.fields);
    }
    /** [n*K] row-major: level index for categorical fields, standardised value for numeric ones. */
    encode(cases) {
        const K = this.fields.length;
        const out = new Float32Array(cases.length * K);
        cases.forEach((c, i) => {
            this.fields.forEach((f, k) => {
                out[i * K + k] = f.kind === 'categorical' ? this.levelIndex(f, c) : (TabularEncoder.numeric(f, c) - this.stats[f.name].mean) / this.stats[f.name].std;
            });
        });
        return out;
    }
    /** [n*W] row-major, W = oneHotWidth: one-hot levels for categorical fields, standardised value for numeric ones. */
    oneHot(cases) {
        const W = this.oneHotWidth;
        const out = new Float32Array(cases.length * W);
        cases.forEach((c, i) => {
            let o = i * W;
            for (const f of this.fields) {
                if (f.kind === 'categorical') {
                    out[o + this.levelIndex(f, c)] = 1;
                    o += f.levels.length;
                }
                else {
                    out[o++] = (TabularEncoder.numeric(f, c) - this.stats[f.name].mean) / this.stats[f.name].std;
                }
            }
        });
        return out;
    }
    /** Names of the one-hot columns (`field=level` or the numeric field's name). */
    oneHotNames() {
        return this.fields.flatMap((f) => (f.kind === 'categorical' ? f.levels.map((l) => `${f.name}=${l}`) : [f.name]));
    }
    toJSON() {
        return { dataset: this.spec.name, fields: this.fields.map((f) => f.name), excluded: this.excluded, stats: this.stats };
    }
    /** Rebuild from `toJSON()` (stored in checkpoints), checking it matches the spec. */
    static fromJSON(spec, json) {
        const j = json;
        if (!j || !Array.isArray(j.fields) || typeof j.stats !== 'object')
            throw new errors_1.CfcmlError('TabularEncoder.fromJSON: not an encoder record');
        const fields = j.fields.map((name) => {
            const f = spec.tabular.find((x) => x.name === name);
            if (!f)
                throw new errors_1.CfcmlError(`TabularEncoder.fromJSON: field '${name}' is not in the ${spec.name} spec`);
            if (f.kind === 'numeric' && !j.stats[name])
                throw new errors_1.CfcmlError(`TabularEncoder.fromJSON: no statistics for numeric field '${name}'`);
            return f;
        });
        return new TabularEncoder(spec, fields, { ...j.stats }, [...(j.excluded ?? [])]);
    }
}
exports.TabularEncoder = TabularEncoder;
/** The fields a model sees, in the spec's order: every field of `spec` but those named (or whose column is named) in `exclude`. */
function tabularFields(spec, exclude) {
    return spec.tabular.filter((f) => !exclude.includes(f.name) && !exclude.includes(f.column));
}
exports.tabularFields = tabularFields;
/** What the model's tabular tokenizer needs of each field: its kind and, for a categorical one, its number of levels. */
function tabularInputSpec(fields) {
    return fields.map((f) => (f.kind === 'categorical' ? { kind: 'categorical', levels: f.levels.length } : { kind: 'numeric' }));
}
exports.tabularInputSpec = tabularInputSpec;
//# sourceMappingURL=tabular.js.map