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
 * Volumes of a real-looking cohort: a MEN volume rewritten in LPS order loads exactly as its RAS original;
 * a volume with another voxel size is flagged by inspect and handled by the chosen grid policy (refuse
 * names the grids; resample leaves the common-grid volumes as they were and rescales the other). Photos:
 * inspect counts the EXIF orientation tags.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const zlib = __importStar(require("zlib"));
const sharp_1 = __importDefault(require("sharp"));
const tf = __importStar(require("@tensorflow/tfjs"));
const data_1 = require("../../lib/data");
const synth_1 = require("../../lib/synth");
const errors_1 = require("../../lib/util/errors");
const args_1 = require("../../lib/cli/args");
const train_1 = require("../../lib/cli/commands/train");
const fixtures_1 = require("./fixtures");
const SIZE = [6, 10, 12];
const OUT = [4, 8, 8];
/** Rewrite a uint8 NIfTI-1 (as the generator writes it) with x and y reversed and an sform saying so (LPS). */
function toLps(file) {
    const buf = Buffer.from(zlib.gunzipSync(fs.readFileSync(file)));
    const [nx, ny, nz] = [1, 2, 3].map((k) => buf.readInt16LE(40 + 2 * k));
    const [sx, sy, sz] = [1, 2, 3].map((k) => buf.readFloatLE(76 + 4 * k));
    const src = Buffer.from(buf.subarray(352));
    for (let z = 0; z < nz; z++)
        for (let y = 0; y < ny; y++)
            for (let x = 0; x < nx; x++) {
                buf[352 + x + nx * (y + ny * z)] = src[(nx - 1 - x) + nx * ((ny - 1 - y) + ny * z)];
            }
    buf.writeInt16LE(2, 254); // sform_code: aligned
    const srow = [[-sx, 0, 0, (nx - 1) * sx], [0, -sy, 0, (ny - 1) * sy], [0, 0, sz, 0]];
    srow.flat().forEach((v, k) => buf.writeFloatLE(v, 280 + 4 * k));
    fs.writeFileSync(file, zlib.gzipSync(buf));
}
/** Set a NIfTI-1's voxel size along z (pixdim[3], which its qform uses). */
function setZSpacing(file, sz) {
    const buf = Buffer.from(zlib.gunzipSync(fs.readFileSync(file)));
    buf.writeFloatLE(sz, 76 + 12);
    fs.writeFileSync(file, zlib.gzipSync(buf));
}
(0, node_test_1.test)('MEN: an LPS volume loads as its RAS original; other voxel sizes are flagged, refused or resampled as chosen', async () => {
    await tf.setBackend('cpu');
    const root = (0, fixtures_1.tmpDir)('grid');
    await (0, synth_1.synthMen)({ out: root, seed: 11, scale: 0.04, size: SIZE });
    let cohort = await (0, data_1.loadCohort)(root);
    const [a, b] = cohort.cases;
    const before = await data_1.ImageCache.load(cohort, { size: OUT, cases: [a, b] });
    const resizedB = before.get(b.id, 0);
    // The generator's volumes are RAS with 1×1×5 mm voxels: read in stored order, unchanged by the reorientation.
    const gen = await (0, data_1.readNifti)(a.imagePaths[0]);
    strict_1.default.equal(gen.orientation, 'RAS');
    strict_1.default.deepEqual(gen.spacing, [1, 1, 5]);
    const stored = zlib.gunzipSync(fs.readFileSync(a.imagePaths[0]));
    const [slope, inter] = [stored.readFloatLE(112), stored.readFloatLE(116)];
    strict_1.default.ok(gen.data.every((v, i) => v === Math.fround(stored[352 + i] * slope + inter)));
    toLps(a.imagePaths[0]);
    strict_1.default.equal((await (0, data_1.readNifti)(a.imagePaths[0])).orientation, 'LPS');
    cohort = await (0, data_1.loadCohort)(root);
    const lps = await data_1.ImageCache.load(cohort, { size: OUT, cases: [a] });
    strict_1.default.deepEqual(Array.from(lps.get(a.id, 0)), Array.from(before.get(a.id, 0)), 'the LPS copy loads exactly as the RAS original');
    setZSpacing(b.imagePaths[0], 10);
    cohort = await (0, data_1.loadCohort)(root);
    const name = cohort.spec.imageModalities[0].name;
    const rep = await (0, data_1.inspectCohort)(cohort);
    strict_1.default.deepEqual(rep.volumes[name].orientations, { RAS: cohort.cases.length - 1, LPS: 1 });
    strict_1.default.deepEqual(rep.volumes[name].grids.map((g) => [g.grid, g.count]), [
        [`${SIZE.join('x')} @ 5x1x1 mm`, cohort.cases.length - 1],
        [`${SIZE.join('x')} @ 10x1x1 mm`, 1],
    ]);
    const warning = rep.warnings.find((w) => w.startsWith(`'${name}' volumes differ in grid`));
    strict_1.default.ok(warning?.includes('--volume-grid refuse') && warning.includes(path.relative(root, b.imagePaths[0])), String(warning));
    const text = (0, data_1.formatInspectReport)(rep);
    strict_1.default.match(text, new RegExp(`${name} +stored orientation RAS ×${cohort.cases.length - 1}, LPS ×1`));
    strict_1.default.equal(rep.volumes[cohort.spec.imageModalities[1].name].grids.length, 1);
    await strict_1.default.rejects(data_1.ImageCache.load(cohort, { size: OUT, cases: [a], volumeGrid: 'refuse' }), (e) => e instanceof errors_1.CfcmlError && e.message.includes(`the '${name}' volumes differ in grid`) && e.message.includes('@ 10x1x1 mm ×1') && e.hint.includes('resample'));
    const resampled = await data_1.ImageCache.load(cohort, { size: OUT, cases: [a, b], volumeGrid: 'resample' });
    // A volume on the common grid is untouched by the resampling; the other is rescaled along z.
    strict_1.default.deepEqual(Array.from(resampled.get(a.id, 0)), Array.from(before.get(a.id, 0)));
    const rb = resampled.get(b.id, 0);
    strict_1.default.equal(rb.length, OUT[0] * OUT[1] * OUT[2]);
    strict_1.default.ok(rb.some((v, i) => Math.abs(v - resizedB[i]) > 1e-3), 'resampling changed the 10 mm volume');
    const mean = rb.reduce((s, v) => s + v, 0) / rb.length;
    strict_1.default.ok(Math.abs(mean) < 1e-4, `standardised after resampling: mean ${mean}`);
    // The command line chooses it: cfcml train --volume-grid refuse stops before any training, naming the grids.
    const out = path.join((0, fixtures_1.tmpDir)('grid-run'), 'run');
    await strict_1.default.rejects(Promise.resolve().then(() => train_1.trainCommand.run((0, args_1.parseArgs)(train_1.trainCommand, ['--data', root, '--preset', 'tiny', '--volume-grid', 'refuse', '--out', out, '--progress', 'none']))), (e) => e instanceof errors_1.CfcmlError && e.message.includes('differ in grid'));
    strict_1.default.throws(() => (0, args_1.parseArgs)(train_1.trainCommand, ['--data', root, '--volume-grid', 'sometimes']), /volume-grid/);
    // Other modalities of the same case are unchanged by another modality's policy.
    strict_1.default.deepEqual(Array.from(resampled.get(b.id, 1)), Array.from(before.get(b.id, 1)));
    strict_1.default.equal(tf.memory().numTensors, 0);
});
(0, node_test_1.test)('inspect: photos with an EXIF orientation tag are counted, those that turn apart', async () => {
    const root = (0, fixtures_1.tmpDir)('orient');
    await (0, fixtures_1.writeTinyDerm7pt)(root);
    let cohort = await (0, data_1.loadCohort)(root);
    const derm = cohort.spec.imageModalities.findIndex((m) => m.name === 'derm');
    const files = [...new Set(cohort.cases.map((c) => c.imagePaths[derm]))];
    fs.writeFileSync(files[0], await (0, sharp_1.default)(files[0]).withMetadata({ orientation: 6 }).jpeg().toBuffer());
    fs.writeFileSync(files[1], await (0, sharp_1.default)(files[1]).withMetadata({ orientation: 1 }).jpeg().toBuffer());
    cohort = await (0, data_1.loadCohort)(root);
    const rep = await (0, data_1.inspectCohort)(cohort);
    strict_1.default.deepEqual(rep.photoOrientation.derm, { tagged: 2, turned: 1, files: files.length });
    strict_1.default.match((0, data_1.formatInspectReport)(rep), /derm +EXIF orientation tag on 2 of \d+ photos, 1 turned or mirrored \(applied when loading\)/);
});
//# sourceMappingURL=volumeGrid.test.js.map