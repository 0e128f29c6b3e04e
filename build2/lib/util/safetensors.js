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
exports.readSafetensors = exports.decodeSafetensors = exports.encodeSafetensors = void 0;
const fs = __importStar(require("fs"));
const errors_1 = require("./errors");
const DTYPE_BYTES = { F32: 4, F16: 2, BF16: 2, F64: 8, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };
function sizeOf(shape) {
    return shape.reduce((p, d) => p * d, 1);
}
/** Serialise float32 tensors (in the order given) and string metadata to one safetensors buffer. */
function encodeSafetensors(tensors, metadata = {}) {
    const header = {};
    if (Object.keys(metadata).length > 0)
        header.__metadata__ = metadata;
    let offset = 0;
    const seen = new Set();
    for (const t of tensors) {
        if (t.name === '__metadata__')
            throw new errors_1.CfcmlError(`safetensors: '__metadata__' cannot name a tensor`);
        if (seen.has(t.name))
            throw new errors_1.CfcmlError(`safetensors: tensor '${t.name}' given twice`);
        seen.add(t.name);
        if (sizeOf(t.shape) !== t.data.length)
            throw new errors_1.CfcmlError(`safetensors: tensor '${t.name}' has ${t.data.length} values for shape [${t.shape}]`);
        header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + t.data.length * 4] };
        offset += t.data.length * 4;
    }
    let json = Buffer.from(JSON.stringify(header), 'utf8');
    const pad = (8 - (json.length % 8)) % 8;
    if (pad > 0)
        json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
    const out = Buffer.alloc(8 + json.length + offset);
    out.writeBigUInt64LE(BigInt(json.length), 0);
    json.copy(out, 8);
    let at = 8 + json.length;
    for (const t of tensors) {
        const src = Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
        src.copy(out, at);
        at += src.length;
    }
    return out;
}
exports.encodeSafetensors = encodeSafetensors;
function bf16ToF32(bits) {
    const buf = new DataView(new ArrayBuffer(4));
    buf.setUint32(0, bits << 16, true);
    return buf.getFloat32(0, true);
}
function f16ToF32(h) {
    const s = h & 0x8000 ? -1 : 1;
    const e = (h >> 10) & 0x1f;
    const f = h & 0x3ff;
    if (e === 0)
        return s * f * 2 ** -24;
    if (e === 31)
        return f ? NaN : s * Infinity;
    return s * (1 + f / 1024) * 2 ** (e - 15);
}
function toFloat32(bytes, dtype, n) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out = new Float32Array(n);
    switch (dtype) {
        case 'F32':
            for (let i = 0; i < n; i++)
                out[i] = dv.getFloat32(i * 4, true);
            break;
        case 'F64':
            for (let i = 0; i < n; i++)
                out[i] = dv.getFloat64(i * 8, true);
            break;
        case 'F16':
            for (let i = 0; i < n; i++)
                out[i] = f16ToF32(dv.getUint16(i * 2, true));
            break;
        case 'BF16':
            for (let i = 0; i < n; i++)
                out[i] = bf16ToF32(dv.getUint16(i * 2, true));
            break;
        case 'I64':
            for (let i = 0; i < n; i++)
                out[i] = Number(dv.getBigInt64(i * 8, true));
            break;
        case 'I32':
            for (let i = 0; i < n; i++)
                out[i] = dv.getInt32(i * 4, true);
            break;
        case 'I16':
            for (let i = 0; i < n; i++)
                out[i] = dv.getInt16(i * 2, true);
            break;
        case 'I8':
            for (let i = 0; i < n; i++)
                out[i] = dv.getInt8(i);
            break;
        case 'U8':
        case 'BOOL':
            for (let i = 0; i < n; i++)
                out[i] = dv.getUint8(i);
            break;
    }
    return out;
}
/** Parse a safetensors buffer; every header inconsistency is an error naming `source` and the tensor. */
function decodeSafetensors(buf, source = 'safetensors') {
    if (buf.length < 8)
        throw new errors_1.CfcmlError(`not a safetensors file: ${buf.length} bytes, shorter than the 8-byte header length`, { where: source });
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const n = Number(dv.getBigUint64(0, true));
    if (n < 2 || 8 + n > buf.length) {
        throw new errors_1.CfcmlError(`not a safetensors file (or truncated): header length ${n} with ${buf.length} bytes in the file`, { where: source });
    }
    let header;
    try {
        header = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + 8, n).toString('utf8'));
    }
    catch (e) {
        throw new errors_1.CfcmlError(`not a safetensors file: its header is not JSON (${e.message})`, { where: source });
    }
    if (header === null || typeof header !== 'object' || Array.isArray(header))
        throw new errors_1.CfcmlError(`safetensors header is not a JSON object`, { where: source });
    const data = buf.subarray(8 + n);
    const metadata = {};
    const entries = new Map();
    for (const [name, value] of Object.entries(header)) {
        if (name === '__metadata__') {
            for (const [k, v] of Object.entries((value ?? {}))) {
                if (typeof v !== 'string')
                    throw new errors_1.CfcmlError(`safetensors metadata '${k}' is not a string`, { where: source });
                metadata[k] = v;
            }
            continue;
        }
        const e = value;
        const dtype = e.dtype;
        if (typeof dtype !== 'string' || !(dtype in DTYPE_BYTES)) {
            throw new errors_1.CfcmlError(`tensor '${name}' has dtype ${JSON.stringify(dtype)}; expected one of ${Object.keys(DTYPE_BYTES).join(', ')}`, { where: source });
        }
        const shape = e.shape;
        const offs = e.data_offsets;
        if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
            throw new errors_1.CfcmlError(`tensor '${name}' has shape ${JSON.stringify(shape)}`, { where: source });
        if (!Array.isArray(offs) || offs.length !== 2 || !(offs[0] <= offs[1]))
            throw new errors_1.CfcmlError(`tensor '${name}' has data_offsets ${JSON.stringify(offs)}`, { where: source });
        const want = sizeOf(shape) * DTYPE_BYTES[dtype];
        if (offs[1] - offs[0] !== want)
            throw new errors_1.CfcmlError(`tensor '${name}' spans ${offs[1] - offs[0]} bytes; shape [${shape}] of ${dtype} needs ${want}`, { where: source });
        if (offs[1] > data.length)
            throw new errors_1.CfcmlError(`tensor '${name}' ends at byte ${offs[1]} of a ${data.length}-byte buffer (truncated file?)`, { where: source });
        entries.set(name, { dtype, shape, data_offsets: [offs[0], offs[1]] });
    }
    const get = (name) => {
        const e = entries.get(name);
        if (!e)
            throw new errors_1.CfcmlError(`no tensor '${name}' in this file`, { where: source });
        return e;
    };
    return {
        source,
        metadata,
        entries,
        data,
        bytes: (name) => {
            const e = get(name);
            return data.subarray(e.data_offsets[0], e.data_offsets[1]);
        },
        tensor: (name) => {
            const e = get(name);
            return { shape: e.shape.slice(), data: toFloat32(data.subarray(e.data_offsets[0], e.data_offsets[1]), e.dtype, sizeOf(e.shape)) };
        },
    };
}
exports.decodeSafetensors = decodeSafetensors;
/** Read and parse a safetensors file. */
function readSafetensors(file) {
    let buf;
    try {
        buf = fs.readFileSync(file);
    }
    catch (e) {
        throw new errors_1.CfcmlError(`cannot read: ${e.message}`, { where: file });
    }
    return decodeSafetensors(buf, file);
}
exports.readSafetensors = readSafetensors;
//# sourceMappingURL=safetensors.js.map