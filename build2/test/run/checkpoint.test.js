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
const child_process_1 = require("child_process");
const crypto_1 = require("crypto");
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const checkpoint_1 = require("../../lib/run/checkpoint");
const safetensors_1 = require("../../lib/util/safetensors");
const content = {
    meta: { epoch: 3, note: 'héllo' },
    arrays: [
        { name: 'w:a', shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6.5]) },
        { name: 'w:b', shape: [1], data: new Float32Array([-0.125]) },
        { name: 'w:empty', shape: [0], data: new Float32Array([]) },
    ],
};
const LEGACY = path.join(__dirname, '../../../test/fixtures/checkpoint/legacy-cfcmlck1.ckpt');
function assertSameContent(back) {
    strict_1.default.deepEqual(back.meta, content.meta);
    strict_1.default.deepEqual(back.arrays.map((a) => [a.name, a.shape, Array.from(a.data)]), content.arrays.map((a) => [a.name, a.shape, Array.from(a.data)]));
}
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-ck-'));
(0, node_test_1.test)('checkpoint encode/decode round-trips arrays and meta exactly', () => {
    assertSameContent((0, checkpoint_1.decodeCheckpoint)((0, checkpoint_1.encodeCheckpoint)(content)));
});
(0, node_test_1.test)('a checkpoint is a safetensors file: F32 tensors, the metadata in __metadata__, sha256 of the tensor bytes and of the meta text', () => {
    const file = path.join(tmpDir(), 'a.ckpt');
    (0, checkpoint_1.saveCheckpoint)(file, content);
    const st = (0, safetensors_1.readSafetensors)(file);
    strict_1.default.deepEqual([...st.entries.keys()], ['w:a', 'w:b', 'w:empty']);
    strict_1.default.deepEqual(st.entries.get('w:a'), { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] });
    strict_1.default.deepEqual(Array.from(st.tensor('w:b').data), [-0.125]);
    strict_1.default.equal(st.metadata.format, checkpoint_1.CHECKPOINT_FORMAT);
    strict_1.default.deepEqual(JSON.parse(st.metadata.meta), content.meta);
    // The checksums are those of the bytes as stored, computed here independently of the writer.
    const buf = fs.readFileSync(file);
    const n = Number(buf.readBigUInt64LE(0));
    strict_1.default.equal(buf.length, 8 + n + 28);
    strict_1.default.equal(st.metadata.sha256, (0, crypto_1.createHash)('sha256').update(buf.subarray(8 + n)).digest('hex'));
    strict_1.default.equal(st.metadata.meta_sha256, (0, crypto_1.createHash)('sha256').update(st.metadata.meta, 'utf8').digest('hex'));
});
(0, node_test_1.test)('a flipped byte, a truncated or grown file, a changed metadata value: each is named as corrupt, never read', () => {
    const file = path.join(tmpDir(), 'last.ckpt');
    (0, checkpoint_1.saveCheckpoint)(file, content);
    const good = fs.readFileSync(file);
    const n = Number(good.readBigUInt64LE(0));
    const cases = [];
    for (const at of [8 + n, 8 + n + 13, good.length - 1]) {
        const b = Buffer.from(good);
        b[at] ^= 0x01;
        cases.push([`bit 0 of byte ${at} flipped`, b, /corrupt checkpoint: its tensor bytes do not match the sha256/]);
    }
    cases.push(['last 8 bytes cut', good.subarray(0, good.length - 8), /tensor 'w:a' ends at byte 24 of a 20-byte buffer \(truncated file\?\)/]);
    cases.push(['cut inside the header', good.subarray(0, 40), /not a safetensors file \(or truncated\)/]);
    cases.push(['one byte appended', Buffer.concat([good, Buffer.from([0])]), /tensor bytes do not match the sha256/]);
    const meta = Buffer.from(good);
    const at = meta.indexOf('\\"epoch\\":3');
    strict_1.default.ok(at > 0);
    meta[at + '\\"epoch\\":'.length] = '4'.charCodeAt(0);
    cases.push(['epoch 3 → 4 in the metadata', meta, /its metadata does not match the meta_sha256/]);
    for (const [what, bytes, re] of cases) {
        fs.writeFileSync(file, bytes);
        strict_1.default.throws(() => (0, checkpoint_1.loadCheckpoint)(file), (e) => e.message.startsWith(`${file}: `) && re.test(e.message), what);
    }
    fs.writeFileSync(file, 'not a checkpoint at all');
    strict_1.default.throws(() => (0, checkpoint_1.loadCheckpoint)(file), /not a safetensors file/);
    strict_1.default.throws(() => (0, checkpoint_1.loadCheckpoint)(path.join(path.dirname(file), 'missing.ckpt')), /missing\.ckpt: checkpoint file not found/);
    strict_1.default.throws(() => (0, checkpoint_1.encodeCheckpoint)({ meta: {}, arrays: [{ name: 'x', shape: [2], data: new Float32Array(3) }] }), /3 values for shape \[2\]/);
});
(0, node_test_1.test)('saveCheckpoint keeps the checkpoint it replaces as <name>.prev.ckpt; loadGoodCheckpoint falls back to it when the latest is corrupt', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'last.ckpt');
    const prev = (0, checkpoint_1.previousCheckpointFile)(file);
    strict_1.default.equal(prev, path.join(dir, 'last.prev.ckpt'));
    const v = (epoch) => ({ meta: { epoch }, arrays: [{ name: 'w:x', shape: [2], data: new Float32Array([epoch, -epoch]) }] });
    (0, checkpoint_1.saveCheckpoint)(file, v(1), { keepPrevious: true });
    strict_1.default.deepEqual(fs.readdirSync(dir), ['last.ckpt']);
    (0, checkpoint_1.saveCheckpoint)(file, v(2), { keepPrevious: true });
    (0, checkpoint_1.saveCheckpoint)(file, v(3), { keepPrevious: true });
    strict_1.default.deepEqual(fs.readdirSync(dir).sort(), ['last.ckpt', 'last.prev.ckpt'], 'no temp file left');
    strict_1.default.equal((0, checkpoint_1.loadCheckpoint)(file).meta.epoch, 3);
    strict_1.default.equal((0, checkpoint_1.loadCheckpoint)(prev).meta.epoch, 2);
    const ok = (0, checkpoint_1.loadGoodCheckpoint)(file);
    strict_1.default.deepEqual([ok.file, ok.content.meta.epoch, ok.rejected], [file, 3, []]);
    // The latest flipped: the previous one, and the reason for passing over the latest.
    const b = fs.readFileSync(file);
    b[b.length - 2] ^= 0x80;
    fs.writeFileSync(file, b);
    const back = (0, checkpoint_1.loadGoodCheckpoint)(file);
    strict_1.default.equal(back.file, prev);
    strict_1.default.equal(back.content.meta.epoch, 2);
    strict_1.default.deepEqual(Array.from(back.content.arrays[0].data), [2, -2]);
    strict_1.default.equal(back.rejected.length, 1);
    strict_1.default.equal(back.rejected[0].file, file);
    strict_1.default.match(back.rejected[0].reason, /^corrupt checkpoint: its tensor bytes do not match the sha256/);
    // accept() may turn down a good one (another epoch than wanted).
    fs.writeFileSync(file, (0, checkpoint_1.encodeCheckpoint)(v(3)));
    const wanted = (0, checkpoint_1.loadGoodCheckpoint)(file, (c) => (c.meta.epoch === 2 ? undefined : `epoch ${c.meta.epoch}, not 2`));
    strict_1.default.deepEqual([wanted.file, wanted.rejected[0].reason], [prev, 'epoch 3, not 2']);
    // Neither good: one error naming both files and why.
    fs.writeFileSync(file, b.subarray(0, 100));
    fs.writeFileSync(prev, b);
    strict_1.default.throws(() => (0, checkpoint_1.loadGoodCheckpoint)(file), (e) => e.message.startsWith(`${dir}: no good checkpoint: last.ckpt: `) && /last\.prev\.ckpt: corrupt checkpoint: its tensor bytes do not match/.test(e.message));
    // Without keepPrevious (single files such as bench batches) nothing else is written.
    const single = path.join(tmpDir(), 'batch.ckpt');
    (0, checkpoint_1.saveCheckpoint)(single, v(1));
    (0, checkpoint_1.saveCheckpoint)(single, v(2));
    strict_1.default.deepEqual(fs.readdirSync(path.dirname(single)), ['batch.ckpt']);
});
(0, node_test_1.test)('a checkpoint of the format before safetensors (CFCMLCK1) still loads, and convertLegacyCheckpoint rewrites it as safetensors with the same content', () => {
    strict_1.default.ok((0, checkpoint_1.isLegacyCheckpoint)(fs.readFileSync(LEGACY)));
    assertSameContent((0, checkpoint_1.loadCheckpoint)(LEGACY));
    const file = path.join(tmpDir(), 'old.ckpt');
    fs.copyFileSync(LEGACY, file);
    strict_1.default.equal((0, checkpoint_1.convertLegacyCheckpoint)(file), true);
    strict_1.default.ok(!(0, checkpoint_1.isLegacyCheckpoint)(fs.readFileSync(file)));
    strict_1.default.equal((0, safetensors_1.readSafetensors)(file).metadata.format, checkpoint_1.CHECKPOINT_FORMAT);
    assertSameContent((0, checkpoint_1.loadCheckpoint)(file));
    strict_1.default.equal((0, checkpoint_1.convertLegacyCheckpoint)(file), false, 'already converted');
    const cut = fs.readFileSync(LEGACY);
    fs.writeFileSync(file, cut.subarray(0, cut.length - 4));
    strict_1.default.throws(() => (0, checkpoint_1.convertLegacyCheckpoint)(file), /truncated checkpoint: array 'w:b' runs past the end/);
});
(0, node_test_1.test)('cfcml checkpoint verify names each file good, old-format or corrupt; convert rewrites the old ones', () => {
    const bin = path.join(__dirname, '../../bin/cfcml.js');
    const cli = (...args) => (0, child_process_1.spawnSync)(process.execPath, [bin, ...args], { encoding: 'utf8' });
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'run'));
    fs.copyFileSync(LEGACY, path.join(dir, 'run', 'old.ckpt'));
    (0, checkpoint_1.saveCheckpoint)(path.join(dir, 'run', 'good.ckpt'), content);
    const bad = (0, checkpoint_1.encodeCheckpoint)(content);
    bad[bad.length - 5] ^= 0x10;
    fs.writeFileSync(path.join(dir, 'bad.ckpt'), bad);
    const v = cli('checkpoint', 'verify', dir);
    strict_1.default.equal(v.status, 1, v.stdout + v.stderr);
    const lines = v.stdout.trim().split('\n');
    strict_1.default.deepEqual(lines.length, 4, v.stdout);
    strict_1.default.match(lines[0], new RegExp(`^${path.join(dir, 'bad.ckpt')}: corrupt checkpoint: its tensor bytes do not match the sha256`));
    strict_1.default.equal(lines[1], `${path.join(dir, 'run', 'good.ckpt')}: ok (sha256 verified, 3 tensors, after epoch 3)`);
    strict_1.default.match(lines[2], /old\.ckpt: readable, format before safetensors \(CFCMLCK1, no checksum\); convert with: cfcml checkpoint convert /);
    strict_1.default.equal(lines[3], '2 of 3 checkpoints good');
    const c = cli('checkpoint', 'convert', path.join(dir, 'run'));
    strict_1.default.equal(c.status, 0, c.stdout + c.stderr);
    strict_1.default.match(c.stdout, /good\.ckpt: safetensors already\n.*old\.ckpt: converted to safetensors\n1 of 2 checkpoints converted\n$/);
    assertSameContent((0, checkpoint_1.loadCheckpoint)(path.join(dir, 'run', 'old.ckpt')));
    strict_1.default.ok(!(0, checkpoint_1.isLegacyCheckpoint)(fs.readFileSync(path.join(dir, 'run', 'old.ckpt'))));
});
//# sourceMappingURL=checkpoint.test.js.map