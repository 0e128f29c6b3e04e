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
 * safetensors: the reader against a file NumPy encoded by the specification (five dtypes, metadata), the
 * writer by a round trip, and clear errors on truncated or malformed files.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const safetensors_1 = require("../../lib/util/safetensors");
const FIX = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'safetensors');
(0, node_test_1.test)('safetensors: reads F32, F16, F64, I64 and U8 tensors and metadata as NumPy wrote them', () => {
    const file = (0, safetensors_1.readSafetensors)(path.join(FIX, 'mixed.safetensors'));
    const expected = JSON.parse(fs.readFileSync(path.join(FIX, 'mixed.json'), 'utf8'));
    strict_1.default.deepEqual(file.metadata, { format: 'pt', note: 'fixture' });
    strict_1.default.deepEqual([...file.entries.keys()].sort(), Object.keys(expected).sort());
    for (const [name, want] of Object.entries(expected)) {
        const t = file.tensor(name);
        strict_1.default.deepEqual(t.shape, want.shape, name);
        strict_1.default.equal(t.data.length, want.values.length, name);
        want.values.forEach((v, i) => strict_1.default.equal(t.data[i], Math.fround(v), `${name}[${i}]`));
    }
    strict_1.default.equal(file.entries.get('b.half')?.dtype, 'F16');
});
(0, node_test_1.test)('safetensors: encode then decode gives the same tensors, order and metadata; every tensor 8-byte aligned', () => {
    const a = { name: 'x', shape: [2, 2], data: new Float32Array([1, -2.5, 3e-8, 4]) };
    const b = { name: 'y.z', shape: [3], data: new Float32Array([0, Infinity, -0]) };
    const buf = (0, safetensors_1.encodeSafetensors)([a, b], { epoch: '3' });
    const n = Number(buf.readBigUInt64LE(0));
    strict_1.default.equal(n % 8, 0);
    const file = (0, safetensors_1.decodeSafetensors)(buf, 'mem');
    strict_1.default.deepEqual([...file.entries.keys()], ['x', 'y.z']);
    strict_1.default.deepEqual(file.metadata, { epoch: '3' });
    strict_1.default.deepEqual(Array.from(file.tensor('x').data), Array.from(a.data));
    strict_1.default.deepEqual(Array.from(file.tensor('y.z').data), Array.from(b.data));
    strict_1.default.deepEqual(file.entries.get('y.z')?.data_offsets, [16, 28]);
});
(0, node_test_1.test)('safetensors: truncated, non-JSON and inconsistent files are named errors', () => {
    const buf = (0, safetensors_1.encodeSafetensors)([{ name: 'w', shape: [4], data: new Float32Array(4) }]);
    strict_1.default.throws(() => (0, safetensors_1.decodeSafetensors)(buf.subarray(0, buf.length - 3), 'cut.safetensors'), /cut\.safetensors: tensor 'w' ends at byte 16 of a 13-byte buffer/);
    strict_1.default.throws(() => (0, safetensors_1.decodeSafetensors)(buf.subarray(0, 5), 'tiny'), /tiny: not a safetensors file: 5 bytes/);
    const bad = Buffer.concat([Buffer.from([8, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{"w":{xx}')]);
    strict_1.default.throws(() => (0, safetensors_1.decodeSafetensors)(bad, 'bad'), /bad: not a safetensors file: its header is not JSON/);
    strict_1.default.throws(() => (0, safetensors_1.encodeSafetensors)([{ name: 'w', shape: [3], data: new Float32Array(4) }]), /'w' has 4 values for shape \[3\]/);
    strict_1.default.throws(() => (0, safetensors_1.decodeSafetensors)(buf, 'f').tensor('nope'), /f: no tensor 'nope'/);
});
//# sourceMappingURL=safetensors.test.js.map