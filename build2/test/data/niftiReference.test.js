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
 * NIfTI volumes against nibabel: every file of the corpus written by scripts/reference/nifti_corpus.py
 * (orientations, data types, byte orders, NIfTI-1 and -2, sform/qform choices, scaling) must load as
 * nibabel's `as_closest_canonical(img).get_fdata()` gives it: the same canonical shape and voxels (to float32
 * rounding), the same stored orientation codes, canonical affine and voxel sizes.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const zlib = __importStar(require("zlib"));
const nifti_1 = require("../../lib/data/nifti");
const imageCheck_1 = require("../../lib/data/imageCheck");
const errors_1 = require("../../lib/util/errors");
const FIX = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'nifti');
const manifest = JSON.parse(fs.readFileSync(path.join(FIX, 'manifest.json'), 'utf8'));
(0, node_test_1.test)('NIfTI corpus: at least 10 files, and among them NIfTI-2, big-endian, every data type and a non-RAS orientation', () => {
    strict_1.default.ok(manifest.length >= 10, `${manifest.length} files`);
    const covers = manifest.map((m) => m.covers).join(' | ');
    for (const word of ['NIfTI-2', 'big-endian', 'uint8', 'int16', 'int32', 'float32', 'float64', 'qform', 'sform', 'permuted', '4th dimension', 'scl_slope']) {
        strict_1.default.ok(covers.includes(word), `no corpus file covers ${word}`);
    }
    strict_1.default.ok(manifest.filter((m) => m.orientation !== 'RAS').length >= 8);
});
for (const m of manifest) {
    (0, node_test_1.test)(`NIfTI ${m.file} loads as nibabel's canonical volume (${m.covers})`, async () => {
        const v = await (0, nifti_1.readNifti)(path.join(FIX, m.file));
        // nibabel shapes are (x, y, z): ours are [nx, ny, nz] with x fastest, the same order.
        strict_1.default.deepEqual(v.dims, m.canonical_shape.slice(0, 3));
        strict_1.default.equal(v.orientation, m.orientation);
        const raw = fs.readFileSync(path.join(FIX, m.canonical));
        const want = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
        strict_1.default.equal(v.data.length, want.length);
        let maxRel = 0;
        for (let i = 0; i < want.length; i++) {
            const d = Math.abs(v.data[i] - want[i]) / Math.max(1, Math.abs(want[i]));
            if (d > maxRel)
                maxRel = d;
        }
        strict_1.default.ok(maxRel <= 2 ** -23, `max relative difference ${maxRel} (more than float32 rounding)`);
        for (let r = 0; r < 4; r++) {
            for (let c = 0; c < 4; c++)
                strict_1.default.ok(Math.abs(v.affine[r][c] - m.canonical_affine[r][c]) < 1e-5, `affine[${r}][${c}] ${v.affine[r][c]} vs ${m.canonical_affine[r][c]}`);
        }
        v.spacing.forEach((s, k) => strict_1.default.ok(Math.abs(s - m.spacing[k]) < 1e-5, `spacing[${k}] ${s} vs ${m.spacing[k]}`));
        // The folder check reads the same header: it accepts the file and reports the stored dims.
        const c = (0, imageCheck_1.checkVolume)(path.join(FIX, m.file), { voxels: true });
        strict_1.default.equal(c.error, undefined, c.error?.message);
        strict_1.default.deepEqual(c.info?.dims, m.stored_shape.slice(0, 3));
    });
}
(0, node_test_1.test)('NIfTI: a reoriented volume really moves voxels (LPS differs from its stored order), a 4D volume with 2 frames is refused', async () => {
    const lps = manifest.find((m) => m.orientation === 'LPS' && m.file.includes('int16'));
    const buf = fs.readFileSync(path.join(FIX, lps.file));
    const v = await (0, nifti_1.readNifti)(path.join(FIX, lps.file));
    // First stored voxel (x=0, y=0) is at the canonical far corner in x and y.
    const [nx, ny] = v.dims;
    const slope = buf.readFloatLE(112);
    const inter = buf.readFloatLE(116);
    strict_1.default.equal(v.data[(nx - 1) + nx * (ny - 1)], buf.readInt16LE(352) * slope + inter);
    strict_1.default.notEqual(v.data[0], buf.readInt16LE(352) * slope + inter);
    const ras = manifest.find((m) => m.file.startsWith('singleton4d'));
    const four = Buffer.from(zlib.gunzipSync(fs.readFileSync(path.join(FIX, ras.file))));
    four.writeInt16LE(2, 48); // dim[4] = 2 frames
    const tmp = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'cfcml-nii-')), 'frames.nii');
    fs.writeFileSync(tmp, Buffer.concat([four, four.subarray(352)]));
    await strict_1.default.rejects((0, nifti_1.readNifti)(tmp), (e) => e instanceof errors_1.CfcmlError && e.message.includes(tmp) && e.message.includes('expected a 3D volume'));
    strict_1.default.match((0, imageCheck_1.checkVolume)(tmp).error?.message ?? '', /a 4D volume with dims \[4, 3, 5, 2\]/);
});
//# sourceMappingURL=niftiReference.test.js.map