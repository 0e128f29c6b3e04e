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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `cfcml synth derm7pt --nested` at scales 1 and 4, written to disk: every test case has the same id,
 * record, image bytes and oracle row at both scales, and every scale-1 training case (record and image bytes)
 * is in scale 4's training set. About a minute: it renders both cohorts.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const crypto_1 = require("crypto");
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const derm7pt_1 = require("../../lib/synth/derm7pt");
const csv_1 = require("../../lib/util/csv");
function cohort(root) {
    const meta = (0, csv_1.parseCsv)(fs.readFileSync(path.join(root, 'meta', 'meta.csv'), 'utf8'), 'meta.csv').rows;
    const split = (s) => (0, csv_1.parseCsv)(fs.readFileSync(path.join(root, 'meta', `${s}_indexes.csv`), 'utf8'), s).rows.map((r) => Number(r.indexes));
    const oracle = new Map((0, csv_1.parseCsv)(fs.readFileSync(path.join(root, 'oracle.csv'), 'utf8'), 'oracle.csv').rows.map((r) => [r.case_num, JSON.stringify(r)]));
    const hash = (rel) => (0, crypto_1.createHash)('sha256').update(fs.readFileSync(path.join(root, 'images', rel))).digest('hex');
    return { meta, split, oracle, hash };
}
(0, node_test_1.test)('synth --nested: scale 1 and scale 4 share every test case (ids, record, pixels, oracle) and scale 1 training is inside scale 4', { timeout: 600000 }, async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nested-'));
    try {
        await (0, derm7pt_1.synthDerm7pt)({ out: path.join(tmp, 'n1'), seed: 1, scale: 1, nested: { validScale: 2 } });
        await (0, derm7pt_1.synthDerm7pt)({ out: path.join(tmp, 'n4'), seed: 1, scale: 4, nested: { validScale: 2 } });
        const a = cohort(path.join(tmp, 'n1'));
        const b = cohort(path.join(tmp, 'n4'));
        for (const s of ['test', 'valid']) {
            strict_1.default.deepEqual(a.split(s), b.split(s), `${s} indexes`);
            for (const i of a.split(s)) {
                strict_1.default.deepEqual(a.meta[i], b.meta[i], `${s} row ${i}`);
                strict_1.default.equal(a.hash(a.meta[i].derm), b.hash(b.meta[i].derm), `${s} row ${i} derm pixels`);
                strict_1.default.equal(a.hash(a.meta[i].clinic), b.hash(b.meta[i].clinic), `${s} row ${i} clinic pixels`);
                if (a.oracle.has(a.meta[i].case_num))
                    strict_1.default.equal(a.oracle.get(a.meta[i].case_num), b.oracle.get(b.meta[i].case_num), `oracle row ${a.meta[i].case_num}`);
            }
        }
        const key = (c, h) => {
            const { case_num: _n, clinic: _c, derm: _d, case_id: _i, notes: _x, ...rest } = c;
            return JSON.stringify(rest) + h(c.derm) + h(c.clinic);
        };
        const big = new Set(b.split('train').map((i) => key(b.meta[i], b.hash)));
        const small = a.split('train');
        strict_1.default.equal(small.length, 413);
        strict_1.default.equal(b.split('train').length, 1652);
        for (const i of small)
            strict_1.default.ok(big.has(key(a.meta[i], a.hash)), `scale-1 training row ${i} is in scale 4`);
        const j1 = JSON.parse(fs.readFileSync(path.join(tmp, 'n1', 'cohort.json'), 'utf8'));
        strict_1.default.deepEqual(j1.layout, { nested: true, validScale: 2 });
    }
    finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
});
//# sourceMappingURL=nestedCohort.test.js.map