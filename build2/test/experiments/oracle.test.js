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
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const report_1 = require("../../lib/experiments/report");
const metrics_1 = require("../../lib/metrics");
const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-oracle-'));
(0, node_test_1.test)('readOracle (binary, the cohort writer layout): test rows only, every p_<key> including keys with underscores', () => {
    const d = dir();
    const rows = [
        [1, 'test', 0, 0.2, 0.4, 0.6],
        [2, 'test', 1, 0.9, 0.3, 0.5],
        [3, 'test', 1, 0.7, 0.5, 0.1],
        [4, 'test', 0, 0.3, 0.6, 0.2],
        [5, 'valid', 1, 0.0, 0.0, 0.0],
    ];
    fs.writeFileSync(path.join(d, 'oracle.csv'), ['case_num,split,label,p_joint,p_additive,p_image_global', ...rows.map((r) => r.join(','))].join('\n') + '\n');
    const o = (0, report_1.readOracle)(d, ['NEV', 'MEL']);
    const test = rows.filter((r) => r[1] === 'test');
    const y = test.map((r) => Number(r[2]));
    strict_1.default.equal(o.auc.joint, (0, metrics_1.rocAuc)(y, test.map((r) => Number(r[3]))));
    strict_1.default.equal(o.auc.joint, 1);
    strict_1.default.equal(o.auc.additive, (0, metrics_1.rocAuc)(y, test.map((r) => Number(r[4]))));
    strict_1.default.equal(o.auc.image_global, (0, metrics_1.rocAuc)(y, test.map((r) => Number(r[5]))));
    strict_1.default.deepEqual((0, report_1.ceilingEntries)(o).map(([k]) => k), ['joint', 'additive'], 'the ceiling is joint and additive');
    strict_1.default.equal((0, report_1.readOracle)(dir(), ['NEV', 'MEL']), null, 'no oracle.csv: no ceiling');
});
(0, node_test_1.test)('readOracle (three classes): p_<key>_<k> families, macro one-vs-rest AUC; bad value named with its row', () => {
    const d = dir();
    const probs = [
        [0.7, 0.2, 0.1],
        [0.2, 0.5, 0.3],
        [0.1, 0.3, 0.6],
        [0.3, 0.4, 0.3],
    ];
    const labels = [0, 1, 2, 0];
    const lines = ['patient_id,split,label,p_joint_0,p_joint_1,p_joint_2,p_image_global_0,p_image_global_1,p_image_global_2'];
    probs.forEach((p, i) => lines.push([`P${i}`, 'test', labels[i], ...p, ...[...p].reverse()].join(',')));
    fs.writeFileSync(path.join(d, 'oracle.csv'), lines.join('\n') + '\n');
    const o = (0, report_1.readOracle)(d, ['I', 'II', 'III']);
    strict_1.default.equal(o.auc.joint, (0, metrics_1.macroAucOvr)(labels, probs));
    strict_1.default.equal(o.auc.image_global, (0, metrics_1.macroAucOvr)(labels, probs.map((p) => [...p].reverse())));
    fs.writeFileSync(path.join(d, 'oracle.csv'), lines.join('\n').replace('0.5', 'x') + '\n');
    strict_1.default.throws(() => (0, report_1.readOracle)(d, ['I', 'II', 'III']), /oracle\.csv:3.*column p_joint_1: expected a probability, got 'x'/);
});
//# sourceMappingURL=oracle.test.js.map