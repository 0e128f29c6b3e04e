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
const cohort_1 = require("../../lib/data/cohort");
const registry_1 = require("../../lib/data/registry");
const registry_2 = require("../../lib/synth/registry");
const registry_3 = require("../../lib/cli/registry");
(0, node_test_1.test)('each registry key is its spec name; the CLI offers exactly the registry keys', () => {
    for (const k of registry_1.DATASET_KEYS)
        strict_1.default.equal(registry_1.DATASET_REGISTRY[k].spec.name, k);
    strict_1.default.deepEqual(registry_1.DATASET_KEYS, ['derm7pt', 'men']);
    for (const name of ['train', 'audit', 'inspect']) {
        const opt = registry_3.COMMANDS.find((c) => c.name === name).options.find((o) => o.name === 'dataset');
        strict_1.default.deepEqual(opt.choices, registry_1.DATASET_KEYS, `cfcml ${name} --dataset`);
    }
    strict_1.default.deepEqual(registry_3.COMMANDS.find((c) => c.name === 'synth').positionals[0].choices, registry_2.SYNTH_DATASET_KEYS);
    strict_1.default.throws(() => (0, registry_1.getDataset)('isic'), /unknown dataset 'isic'; known: derm7pt, men/);
    strict_1.default.equal((0, registry_1.getDataset)('DERM7PT').spec.name, 'derm7pt');
    strict_1.default.deepEqual(registry_2.SYNTH_DATASET_KEYS, ['derm7pt', 'men']);
    strict_1.default.equal((0, registry_2.getSynth)('MEN').unit, 'patients');
    strict_1.default.throws(() => (0, registry_2.getSynth)('isic'), /no synthetic generator for dataset 'isic'; known: derm7pt, men/);
});
(0, node_test_1.test)('layout detection: the committed mini Derm7pt folder, its parent as release_v0, and a folder of neither', async () => {
    const mini = path.join(__dirname, '../../../test/fixtures/equivalence/derm7pt');
    strict_1.default.equal((0, registry_1.detectDataset)(mini), 'derm7pt');
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-reg-'));
    fs.symlinkSync(mini, path.join(parent, 'release_v0'));
    strict_1.default.equal((0, registry_1.detectDataset)(parent), undefined);
    const c = await (0, cohort_1.loadCohort)(parent);
    strict_1.default.equal(c.spec.name, 'derm7pt');
    strict_1.default.equal(c.root, path.join(parent, 'release_v0'));
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-reg-'));
    await strict_1.default.rejects((0, cohort_1.loadCohort)(empty), /cannot tell the dataset from the layout \(derm7pt: meta\/meta.csv.*men: train\|val\|test/);
});
//# sourceMappingURL=registry.test.js.map