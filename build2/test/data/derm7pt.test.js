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
const tf = __importStar(require("@tensorflow/tfjs"));
const data_1 = require("../../lib/data");
const errors_1 = require("../../lib/util/errors");
const fixtures_1 = require("./fixtures");
(0, node_test_1.test)('a hand-made release_v0 folder loads: grouping, exclusions, tabular values, paths', async () => {
    const root = (0, fixtures_1.tmpDir)('tiny');
    await (0, fixtures_1.writeTinyDerm7pt)(root);
    const c = await (0, data_1.loadCohort)(root);
    strict_1.default.equal(c.spec.name, 'derm7pt');
    strict_1.default.deepEqual(c.cases.map((x) => [x.id, x.split, x.label]), [
        ['1', 'train', 0],
        ['2', 'train', 1],
        ['4', 'train', 0],
        ['5', 'valid', 1],
        ['7', 'test', 0],
        ['8', 'test', 1],
    ]);
    strict_1.default.deepEqual(c.excluded, [
        { reason: 'diagnosis group BCC is not part of NEV vs MEL', count: 1 },
        { reason: 'diagnosis group SK is not part of NEV vs MEL', count: 1 },
    ]);
    const two = c.cases[1];
    strict_1.default.deepEqual(two.tabular, { difficulty: 'low', elevation: 'palpable', location: 'head neck', sex: 'male', management: 'excision' });
    strict_1.default.equal(two.imagePaths[1], path.join(root, 'images', 'Aa', 'd2.JPG'));
    strict_1.default.equal(two.extra?.diagnosis, 'melanoma (in situ)');
    strict_1.default.equal(c.cases[2].imagePaths[0], c.cases[2].imagePaths[1]); // one file for both images
    strict_1.default.match(c.fingerprint, /^[0-9a-f]{16}$/);
    await tf.setBackend('cpu');
    const cache = await data_1.ImageCache.load(c, { size: [32, 48] });
    const img = cache.get('1', 0);
    strict_1.default.equal(img.length, 32 * 48 * 3);
    strict_1.default.ok(img.every((v) => v >= 0 && v <= 1));
    // sharp decoded the solid colour (k=1: r=40, g=120, b=190) within JPEG error
    strict_1.default.ok(Math.abs(img[1] - 120 / 255) < 0.03, `green ${img[1]}`);
    // On-disk cache: a second load reads the stored arrays and gives the same values.
    const diskCache = path.join(root, '.cfcml-cache');
    const first = await data_1.ImageCache.load(c, { size: [32, 48], diskCache });
    strict_1.default.equal(fs.readdirSync(diskCache).length, 11); // 6 kept cases, 11 distinct files (case 4 has one for both)
    const second = await data_1.ImageCache.load(c, { size: [32, 48], diskCache });
    for (const x of c.cases)
        for (const m of [0, 1])
            strict_1.default.deepEqual(second.get(x.id, m), first.get(x.id, m));
    strict_1.default.deepEqual(first.get('1', 0), img);
});
async function expectError(fn, ...parts) {
    await strict_1.default.rejects(fn, (e) => {
        strict_1.default.ok(e instanceof errors_1.CfcmlError, `expected CfcmlError, got ${e}`);
        for (const p of parts) {
            if (typeof p === 'string')
                strict_1.default.ok(e.message.includes(p), `message lacks '${p}': ${e.message}`);
            else
                strict_1.default.match(e.message, p);
        }
        return true;
    });
}
(0, node_test_1.test)('bad Derm7pt input: each error names file, row, column and value', async () => {
    const fresh = async () => {
        const root = (0, fixtures_1.tmpDir)('bad');
        await (0, fixtures_1.writeTinyDerm7pt)(root);
        return root;
    };
    let root = await fresh();
    (0, fixtures_1.editMeta)(root, 4, 'location', 'elbow');
    await expectError(() => (0, data_1.loadDerm7pt)(root), 'meta.csv', 'row 6', "column 'location'", "'elbow'", "'upper limbs'");
    root = await fresh();
    fs.unlinkSync(path.join(root, 'images', 'Cc', 'd7.jpg'));
    await expectError(() => (0, data_1.loadDerm7pt)(root), 'missing image', 'Cc/d7.jpg', 'row 8', "column 'derm'");
    root = await fresh();
    const meta = path.join(root, 'meta', 'meta.csv');
    const text = fs.readFileSync(meta, 'utf8').split('\n');
    const header = text[0].split(',');
    const drop = header.indexOf('elevation');
    fs.writeFileSync(meta, text.map((l) => (l ? l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).filter((_, k) => k !== drop).join(',') : l)).join('\n'));
    await expectError(() => (0, data_1.loadDerm7pt)(root), 'meta.csv', "missing column 'elevation'");
    root = await fresh();
    fs.writeFileSync(path.join(root, 'meta', 'valid_indexes.csv'), 'indexes\n5\n'); // only the SK row
    await expectError(() => (0, data_1.loadDerm7pt)(root), "empty split 'valid'", 'valid_indexes.csv');
    root = await fresh();
    fs.writeFileSync(path.join(root, 'meta', 'test_indexes.csv'), 'indexes\n6\n99\n');
    await expectError(() => (0, data_1.loadDerm7pt)(root), 'test_indexes.csv', 'row 3', "'99'");
    root = await fresh();
    (0, fixtures_1.editMeta)(root, 0, 'diagnosis', 'freckle');
    await expectError(() => (0, data_1.loadDerm7pt)(root), 'row 2', "column 'diagnosis'", "'freckle'");
    root = await fresh();
    fs.writeFileSync(path.join(root, 'images', 'Cc', 'c8.jpg'), Buffer.from('this is not a jpeg'));
    await expectError(() => (0, data_1.loadDerm7pt)(root), 'not a JPEG or PNG image', 'c8.jpg', 'row 9', "column 'clinic'");
    const cohort = await (0, data_1.loadDerm7pt)(root, { checkImages: false });
    await expectError(() => data_1.ImageCache.load(cohort, { size: [16, 16] }), 'corrupt or unreadable image', 'c8.jpg');
});
//# sourceMappingURL=derm7pt.test.js.map