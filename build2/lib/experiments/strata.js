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
exports.groupStrata = exports.strataTable = exports.readStrata = exports.STRATA = void 0;
/**
 * AUC per stratum of the record: where the record changes how the image reads (Derm7pt: the level of
 * diagnostic difficulty, an acral site), crossmodal learning must show if it shows anywhere. Per stratum:
 * the cases and positives, each variant's test AUC (mean ± sd over seeds, each seed's AUC on the stratum's
 * cases) and, for a synthetic cohort, the oracle's joint and additive AUC on the same cases — the gap
 * between those two is what an additive (late-fusion) model cannot reach in that stratum.
 */
const fs = __importStar(require("fs"));
const metrics_1 = require("../metrics");
const oracle_1 = require("../synth/oracle");
const csv_1 = require("../util/csv");
const errors_1 = require("../util/errors");
const stats_1 = require("./stats");
/** The strata reported per dataset (by `DatasetSpec.name`); a dataset without an entry has none. */
exports.STRATA = {
    derm7pt: [
        { name: 'difficulty', column: 'level_of_diagnostic_difficulty', order: ['low', 'medium', 'high'] },
        { name: 'site', column: 'location', map: (v) => (v.trim() === 'acral' ? 'acral' : 'not acral'), order: ['acral', 'not acral'] },
    ],
};
/**
 * Stratum of every case of a Derm7pt-format meta.csv, keyed by `case_num` (the id predictions and
 * oracle.csv use), for each rule.
 */
function readStrata(metaCsv, rules) {
    if (!fs.existsSync(metaCsv))
        throw new errors_1.CfcmlError('meta.csv not found (strata need the record of every test case)', { where: metaCsv });
    const table = (0, csv_1.parseCsv)(fs.readFileSync(metaCsv, 'utf8'), metaCsv);
    const idColumn = table.header[0];
    for (const r of rules)
        if (!table.header.includes(r.column))
            throw new errors_1.CfcmlError(`no column '${r.column}' (stratum '${r.name}')`, { where: metaCsv });
    const out = new Map();
    table.rows.forEach((row) => {
        const s = {};
        for (const r of rules)
            s[r.name] = r.map ? r.map(row[r.column]) : row[r.column].trim();
        out.set(String(row[idColumn]).trim(), s);
    });
    return out;
}
exports.readStrata = readStrata;
function aucOrNaN(labels, scores) {
    return labels.some((y) => y === 1) && labels.some((y) => y === 0) ? (0, metrics_1.rocAuc)(labels, scores) : NaN;
}
/**
 * The strata table of one group: `labels` maps each test case id to 1 (positive) or 0; `variants` gives each
 * variant's per-seed positive-class scores; `oracle` each oracle column's positive-class probability by id.
 */
function strataTable(rules, strata, labels, variants, oracle = {}) {
    const ids = [...labels.keys()];
    for (const id of ids)
        if (!strata.has(id))
            throw new errors_1.CfcmlError(`test case ${id} has no row in the cohort's meta.csv`, { where: 'strata' });
    const rows = [];
    for (const rule of rules) {
        const seen = [...new Set(ids.map((id) => strata.get(id)[rule.name]))];
        const order = rule.order ? [...rule.order.filter((s) => seen.includes(s)), ...seen.filter((s) => !rule.order.includes(s)).sort()] : seen.sort();
        for (const stratum of order) {
            const inS = ids.filter((id) => strata.get(id)[rule.name] === stratum);
            const y = inS.map((id) => labels.get(id));
            const row = { rule: rule.name, stratum, n: inS.length, positives: y.filter((v) => v === 1).length, variants: {}, oracle: {} };
            for (const [v, seeds] of Object.entries(variants)) {
                const values = seeds.map((s) => aucOrNaN(y, inS.map((id) => {
                    const p = s.scores.get(id);
                    if (p === undefined)
                        throw new errors_1.CfcmlError(`variant ${v} seed ${s.seed} has no prediction for test case ${id}`, { where: 'strata' });
                    return p;
                })));
                row.variants[v] = { mean: (0, stats_1.mean)(values), sd: (0, stats_1.sd)(values), values };
            }
            for (const [k, p] of Object.entries(oracle)) {
                row.oracle[k] = aucOrNaN(y, inS.map((id) => p.get(id) ?? NaN));
            }
            rows.push(row);
        }
    }
    return rows;
}
exports.strataTable = strataTable;
/**
 * The strata table of a report group (binary datasets): nothing when the dataset has no strata, when the
 * cohort's meta.csv is not found (`metaFile` null), or when no run has test predictions. Oracle AUCs per
 * stratum come from the cohort's oracle.csv when there is one (joint and additive columns).
 */
function groupStrata(datasetName, metaFile, oracleFile, positiveClass, variants) {
    const rules = exports.STRATA[datasetName];
    const first = variants.flatMap((v) => v.runs).find((r) => r.predictions)?.predictions;
    if (!rules || !metaFile || !first)
        return [];
    const labels = new Map(first.ids.map((id, i) => [id, first.labels[i] === positiveClass ? 1 : 0]));
    const scores = {};
    for (const v of variants) {
        const seeds = v.runs.filter((r) => r.predictions).map((r) => ({ seed: r.seed, scores: new Map(r.predictions.ids.map((id, i) => [id, r.predictions.probs[i][positiveClass]])) }));
        if (seeds.length > 0)
            scores[v.variant] = seeds;
    }
    const oracle = {};
    if (oracleFile) {
        const rows = (0, oracle_1.readOracleCsv)(oracleFile, 2).filter((r) => r.split === 'test');
        for (const k of ['joint', 'additive'])
            if (rows[0]?.p[k])
                oracle[k] = new Map(rows.map((r) => [r.id, r.p[k][positiveClass]]));
    }
    return strataTable(rules, readStrata(metaFile, rules), labels, scores, oracle);
}
exports.groupStrata = groupStrata;
//# sourceMappingURL=strata.js.map