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
const path = __importStar(require("path"));
const zlib = __importStar(require("zlib"));
const tf = __importStar(require("@tensorflow/tfjs"));
const data_1 = require("../../lib/data");
const synth_1 = require("../../lib/synth");
const errors_1 = require("../../lib/util/errors");
const fixtures_1 = require("./fixtures");
const SIZE = [8, 16, 16];
(0, node_test_1.test)('NIfTI round trip through the NIfTI reader', async () => {
    const dir = (0, fixtures_1.tmpDir)('nii');
    const data = Float32Array.from({ length: 4 * 3 * 2 }, (_, i) => i * 0.5);
    const file = path.join(dir, 'v.nii.gz');
    fs.writeFileSync(file, (0, data_1.encodeNiftiGz)([4, 3, 2], data));
    const v = await (0, data_1.readNifti)(file);
    strict_1.default.deepEqual(v.dims, [4, 3, 2]);
    for (let i = 0; i < data.length; i++)
        strict_1.default.ok(Math.abs(v.data[i] - data[i]) < 1e-3);
});
(0, node_test_1.test)('synthetic MEN: deterministic, loads back, volumes normalised; bad inputs named', async () => {
    const a = (0, fixtures_1.tmpDir)('men-a');
    const b = (0, fixtures_1.tmpDir)('men-b');
    const s = await (0, synth_1.synthMen)({ out: a, seed: 5, scale: 0.06, size: SIZE });
    await (0, synth_1.synthMen)({ out: b, seed: 5, scale: 0.06, size: SIZE });
    strict_1.default.ok(fs.readFileSync(path.join(a, 'clinical.csv')).equals(fs.readFileSync(path.join(b, 'clinical.csv'))));
    const cohort = await (0, data_1.loadCohort)(a);
    strict_1.default.equal(cohort.spec.name, 'men');
    strict_1.default.equal(cohort.cases.length, Object.values(s.splits).reduce((t, c) => t + Object.values(c).reduce((x, y) => x + y, 0), 0));
    const one = cohort.cases[0];
    const rel = path.relative(a, one.imagePaths[0]);
    strict_1.default.ok(fs.readFileSync(one.imagePaths[0]).equals(fs.readFileSync(path.join(b, rel))), 'same volume bytes for the same seed');
    strict_1.default.equal(typeof one.tabular.age, 'number');
    await tf.setBackend('cpu');
    const cache = await data_1.ImageCache.load(cohort, { size: [6, 12, 12], cases: cohort.cases.slice(0, 3) });
    const v = cache.get(one.id, 2);
    strict_1.default.equal(v.length, 6 * 12 * 12);
    const mean = v.reduce((x, y) => x + y, 0) / v.length;
    const sd = Math.sqrt(v.reduce((x, y) => x + (y - mean) ** 2, 0) / v.length);
    strict_1.default.ok(Math.abs(mean) < 1e-4 && Math.abs(sd - 1) < 1e-3, `mean ${mean}, sd ${sd}`);
    // NaN in a numeric field.
    const csv = path.join(a, 'clinical.csv');
    const original = fs.readFileSync(csv, 'utf8');
    const lines = original.split('\n');
    const cells = lines[2].split(',');
    cells[3] = 'NaN'; // age
    fs.writeFileSync(csv, [lines[0], lines[1], cells.join(','), ...lines.slice(3)].join('\n'));
    await strict_1.default.rejects((0, data_1.loadMen)(a), (e) => e instanceof errors_1.CfcmlError && /clinical\.csv: row 3, column 'age'/.test(e.message) && e.message.includes("'NaN'"));
    fs.writeFileSync(csv, original);
    // Unknown category.
    fs.writeFileSync(csv, original.replace(/,(female|male),/, ',unknown,'));
    await strict_1.default.rejects((0, data_1.loadMen)(a), (e) => e instanceof errors_1.CfcmlError && e.message.includes("column 'sex'") && e.message.includes("'unknown'") && e.message.includes("'female'"));
    fs.writeFileSync(csv, original);
    // Missing column.
    fs.writeFileSync(csv, original.replace('oedema_area', 'edema'));
    await strict_1.default.rejects((0, data_1.loadMen)(a), (e) => e instanceof errors_1.CfcmlError && e.message.includes("missing column(s) 'oedema_area'"));
    fs.writeFileSync(csv, original);
    // A NIfTI of the wrong shape: 4D, and volumes of one case that differ.
    const target = one.imagePaths[1];
    const raw = zlib.gunzipSync(fs.readFileSync(target));
    raw.writeInt16LE(4, 40);
    raw.writeInt16LE(2, 48);
    fs.writeFileSync(target, zlib.gzipSync(raw));
    await strict_1.default.rejects((0, data_1.readNifti)(target), (e) => e instanceof errors_1.CfcmlError && e.message.includes(target) && e.message.includes('expected a 3D volume'));
    fs.writeFileSync(target, (0, data_1.encodeNiftiGz)([10, 10, 5], new Float32Array(500).fill(1)));
    await strict_1.default.rejects(data_1.ImageCache.load(cohort, { size: [4, 8, 8], cases: [one] }), (e) => e instanceof errors_1.CfcmlError && e.message.includes('differ in shape') && e.message.includes('5x10x10'));
    await strict_1.default.rejects(data_1.ImageCache.load(cohort, { size: [4, 8, 8], cases: [one], expectShape: [24, 128, 128] }), (e) => e instanceof errors_1.CfcmlError && e.message.includes('wrong shape') && e.message.includes('24x128x128'));
    // Missing volume; empty split.
    fs.unlinkSync(one.imagePaths[0]);
    await strict_1.default.rejects((0, data_1.loadMen)(a), (e) => e instanceof errors_1.CfcmlError && e.message.includes("missing sequence 't1c'") && e.message.includes('t1_bbox.nii.gz'));
    fs.rmSync(path.join(b, 'test'), { recursive: true });
    fs.mkdirSync(path.join(b, 'test'));
    await strict_1.default.rejects((0, data_1.loadMen)(b), (e) => e instanceof errors_1.CfcmlError && e.message.includes("empty split 'test'"));
});
//# sourceMappingURL=men.test.js.map