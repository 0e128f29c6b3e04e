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
exports.warnPassedOver = exports.unpackOptimizerState = exports.unpackWeights = exports.packRunCheckpoint = exports.convertLegacyCheckpoint = exports.loadGoodCheckpoint = exports.loadCheckpoint = exports.saveCheckpoint = exports.previousCheckpointFile = exports.decodeCheckpoint = exports.isLegacyCheckpoint = exports.encodeCheckpoint = exports.CHECKPOINT_FORMAT = void 0;
const crypto_1 = require("crypto");
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const errors_1 = require("../util/errors");
const fs_1 = require("../util/fs");
const safetensors_1 = require("../util/safetensors");
/**
 * Checkpoint files (docs/ARCHITECTURE.md, "Checkpoint format") are safetensors files (lib/util/safetensors.ts),
 * so `safetensors.torch.load_file` and the Hugging Face tools open them: named float32 tensors and a header
 * whose `__metadata__` holds
 *   format       `cfcml-checkpoint/2`
 *   meta         the checkpoint's metadata as JSON text (for a run: `RunCheckpointMeta`, what a resume needs)
 *   sha256       of the tensor bytes (everything after the header)
 *   meta_sha256  of the `meta` text
 * Loading checks both, so a flipped bit or a file cut short is named, never read as other weights.
 *
 * `saveCheckpoint` writes a temporary file, fsyncs it, reads it back and checks it, and only then keeps the
 * checkpoint it replaces as `<name>.prev.ckpt` and renames the new one into place; `loadGoodCheckpoint`
 * falls back to that previous one when the latest does not verify.
 *
 * Files of the format before (magic `CFCMLCK1`, no checksum) still load; `cfcml checkpoint convert` rewrites
 * them as safetensors.
 *
 * A run's checkpoint (`best.ckpt`, `last.ckpt`) names its arrays `w:<weight key>` (model weights) and, in
 * `last.ckpt` only, `m:<weight key>` / `v:<weight key>` (Adam's moments). `packRunCheckpoint` /
 * `unpackWeights` / `unpackOptimizerState` are the only code that knows these names.
 */
exports.CHECKPOINT_FORMAT = 'cfcml-checkpoint/2';
const LEGACY_MAGIC = 'CFCMLCK1';
function sha256(bytes) {
    return (0, crypto_1.createHash)('sha256').update(bytes).digest('hex');
}
function bytesOf(a) {
    return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}
function encodeCheckpoint(content) {
    const hash = (0, crypto_1.createHash)('sha256');
    for (const a of content.arrays)
        hash.update(bytesOf(a.data)); // the tensors lie back to back in this order
    const meta = JSON.stringify(content.meta);
    return (0, safetensors_1.encodeSafetensors)(content.arrays, { format: exports.CHECKPOINT_FORMAT, meta, meta_sha256: sha256(meta), sha256: hash.digest('hex') });
}
exports.encodeCheckpoint = encodeCheckpoint;
/** Whether a buffer is a checkpoint of the format before safetensors. */
function isLegacyCheckpoint(buf) {
    return buf.length >= 8 && Buffer.from(buf.buffer, buf.byteOffset, 8).toString('latin1') === LEGACY_MAGIC;
}
exports.isLegacyCheckpoint = isLegacyCheckpoint;
function decodeCheckpoint(buf, file = '<checkpoint>') {
    if (isLegacyCheckpoint(buf))
        return decodeLegacyCheckpoint(buf, file);
    const st = (0, safetensors_1.decodeSafetensors)(buf, file);
    const info = st.metadata;
    if (info.format !== exports.CHECKPOINT_FORMAT) {
        throw new errors_1.CfcmlError(`not a cfcml checkpoint: a safetensors file whose metadata 'format' is ${JSON.stringify(info.format)}, expected '${exports.CHECKPOINT_FORMAT}'`, { where: file });
    }
    if (info.sha256 !== sha256(st.data)) {
        throw new errors_1.CfcmlError('corrupt checkpoint: its tensor bytes do not match the sha256 in its header (a changed byte, or a file cut short or grown)', { where: file });
    }
    if (typeof info.meta !== 'string' || info.meta_sha256 !== sha256(info.meta)) {
        throw new errors_1.CfcmlError('corrupt checkpoint: its metadata does not match the meta_sha256 in its header', { where: file });
    }
    const arrays = [...st.entries.keys()].map((name) => ({ name, ...st.tensor(name) }));
    return { meta: JSON.parse(info.meta), arrays };
}
exports.decodeCheckpoint = decodeCheckpoint;
/**
 * The format before safetensors, read only: 8-byte magic `CFCMLCK1`, uint32 LE header length, UTF-8 JSON
 * header `{ meta, arrays: [{ name, shape, offset, length }] }` (offsets in float32 elements), zero padding to
 * a multiple of 4, the arrays back to back. It has no checksum.
 */
function decodeLegacyCheckpoint(buf, file) {
    if (buf.length < 12)
        throw new errors_1.CfcmlError('truncated checkpoint (CFCMLCK1 header cut short)', { where: file });
    const headerLen = buf.readUInt32LE(8);
    if (12 + headerLen > buf.length)
        throw new errors_1.CfcmlError('truncated checkpoint (header runs past the end)', { where: file });
    let header;
    try {
        header = JSON.parse(buf.toString('utf8', 12, 12 + headerLen));
    }
    catch (e) {
        throw new errors_1.CfcmlError(`corrupt checkpoint header: ${e.message}`, { where: file });
    }
    const headerEnd = 12 + headerLen;
    const dataStart = headerEnd + ((4 - (headerEnd % 4)) % 4);
    const arrays = header.arrays.map((e) => {
        const start = dataStart + e.offset * 4;
        const end = start + e.length * 4;
        if (end > buf.length)
            throw new errors_1.CfcmlError(`truncated checkpoint: array '${e.name}' runs past the end`, { where: file });
        const data = new Float32Array(e.length);
        Buffer.from(data.buffer).set(buf.subarray(start, end));
        return { name: e.name, shape: e.shape, data };
    });
    return { meta: header.meta, arrays };
}
/** `…/last.ckpt` → `…/last.prev.ckpt`: where `saveCheckpoint` keeps the checkpoint it replaced. */
function previousCheckpointFile(file) {
    const ext = path.extname(file);
    return file.slice(0, file.length - ext.length) + '.prev' + ext;
}
exports.previousCheckpointFile = previousCheckpointFile;
function spaceError(e) {
    const code = e.code;
    return code === 'ENOSPC' || code === 'EDQUOT';
}
/**
 * Write a checkpoint so that a crash, a full disk or a bad write never costs the one before: the new file is
 * written beside it, fsynced, read back and verified, then renamed into place. With `keepPrevious` (a run's
 * checkpoints) the current one first becomes `<name>.prev.ckpt` (a hard link, so `file` exists at every
 * moment).
 */
function saveCheckpoint(file, content, opts = {}) {
    const prev = previousCheckpointFile(file);
    let tmp;
    try {
        tmp = (0, fs_1.writeTempFile)(file, encodeCheckpoint(content));
        decodeCheckpoint(fs.readFileSync(tmp), tmp);
        if (opts.keepPrevious && fs.existsSync(file)) {
            const keep = `${path.join(path.dirname(prev), '.' + path.basename(prev))}.${process.pid}.${Date.now()}.tmp`;
            try {
                fs.linkSync(file, keep);
            }
            catch (e) {
                const code = e.code;
                if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV')
                    throw e;
                fs.copyFileSync(file, keep); // a file system without hard links
            }
            fs.renameSync(keep, prev);
        }
        fs.renameSync(tmp, file);
    }
    catch (e) {
        if (tmp)
            fs.rmSync(tmp, { force: true });
        if (spaceError(e)) {
            throw new errors_1.CfcmlError(`cannot write the checkpoint: no space left on the device (${e.message}); ${[file, ...(opts.keepPrevious ? [prev] : [])].map((f) => path.basename(f)).join(' and ')} on disk ${opts.keepPrevious ? 'are' : 'is'} unchanged`, {
                where: file,
                hint: 'free some space, then continue the run with --resume',
                cause: e,
            });
        }
        throw e;
    }
}
exports.saveCheckpoint = saveCheckpoint;
/** Load and verify one checkpoint file. */
function loadCheckpoint(file) {
    if (!fs.existsSync(file))
        throw new errors_1.CfcmlError('checkpoint file not found', { where: file });
    return decodeCheckpoint(fs.readFileSync(file), file);
}
exports.loadCheckpoint = loadCheckpoint;
/**
 * The newest checkpoint that verifies: `file`, else `<name>.prev.ckpt`. `accept` may turn down one that
 * verifies (return the reason). Throws, naming every file tried and why, when none is good.
 */
function loadGoodCheckpoint(file, accept) {
    const rejected = [];
    for (const f of [file, previousCheckpointFile(file)]) {
        if (!fs.existsSync(f)) {
            rejected.push({ file: f, reason: 'missing' });
            continue;
        }
        try {
            const content = loadCheckpoint(f);
            const no = accept?.(content);
            if (no === undefined)
                return { content, file: f, rejected };
            rejected.push({ file: f, reason: no });
        }
        catch (e) {
            if (!(e instanceof errors_1.CfcmlError))
                throw e;
            rejected.push({ file: f, reason: e.where ? e.message.slice(e.where.length + 2) : e.message });
        }
    }
    throw new errors_1.CfcmlError(`no good checkpoint: ${rejected.map((r) => `${path.basename(r.file)}: ${r.reason}`).join('; ')}`, {
        where: path.dirname(file),
        hint: 'train the run afresh (without --resume), or put back a copy of the checkpoint',
    });
}
exports.loadGoodCheckpoint = loadGoodCheckpoint;
/**
 * Rewrite a checkpoint of the format before safetensors (`CFCMLCK1`) as a safetensors checkpoint, atomically,
 * with the same metadata and arrays. Returns false when the file is a safetensors checkpoint already.
 */
function convertLegacyCheckpoint(file) {
    if (!fs.existsSync(file))
        throw new errors_1.CfcmlError('checkpoint file not found', { where: file });
    const buf = fs.readFileSync(file);
    if (!isLegacyCheckpoint(buf)) {
        loadCheckpoint(file); // says what is wrong when it is not a good checkpoint either
        return false;
    }
    const content = decodeLegacyCheckpoint(buf, file);
    const out = encodeCheckpoint(content);
    decodeCheckpoint(out, file);
    (0, fs_1.writeFileAtomic)(file, out);
    return true;
}
exports.convertLegacyCheckpoint = convertLegacyCheckpoint;
/** Array-name prefixes of a run checkpoint. */
const PREFIX = { weight: 'w:', adamM: 'm:', adamV: 'v:' };
/** Model weights (and optionally Adam's state) as a run checkpoint's arrays. */
function packRunCheckpoint(meta, weights, optimizer) {
    const arrays = weights.map((w) => ({ name: PREFIX.weight + w.key, shape: w.shape, data: w.data }));
    if (optimizer) {
        for (const s of optimizer.slots) {
            arrays.push({ name: PREFIX.adamM + s.key, shape: s.shape, data: s.m }, { name: PREFIX.adamV + s.key, shape: s.shape, data: s.v });
        }
    }
    return { meta, arrays };
}
exports.packRunCheckpoint = packRunCheckpoint;
/** The model weights of a run checkpoint. */
function unpackWeights(ck) {
    return ck.arrays
        .filter((a) => a.name.startsWith(PREFIX.weight))
        .map((a) => ({ key: a.name.slice(PREFIX.weight.length), shape: a.shape, data: a.data }));
}
exports.unpackWeights = unpackWeights;
/** Adam's state for the weights `keys` (in that order) from `last.ckpt`; names the first missing one. */
function unpackOptimizerState(ck, keys, file) {
    const byName = new Map(ck.arrays.map((x) => [x.name, x]));
    const slots = [];
    for (const key of keys) {
        const m = byName.get(PREFIX.adamM + key);
        const v = byName.get(PREFIX.adamV + key);
        if (!m || !v)
            throw new errors_1.CfcmlError(`checkpoint has no optimizer state for '${key}'`, { where: file });
        slots.push({ key, shape: m.shape, m: m.data, v: v.data });
    }
    return { step: ck.meta.adamStep, slots };
}
exports.unpackOptimizerState = unpackOptimizerState;
/** Warn about each newer checkpoint that `good` passed over, naming it, why, and what is used instead. */
function warnPassedOver(good, doing) {
    const m = good.content.meta;
    const at = m.partial ? `after epoch ${m.epoch}, step ${m.partial.step} of epoch ${m.partial.epoch + 1}` : `after epoch ${m.epoch}`;
    for (const r of good.rejected)
        console.warn(`warning: ${r.file} is unusable (${r.reason}); ${doing} ${path.basename(good.file)} (${at})`);
}
exports.warnPassedOver = warnPassedOver;
//# sourceMappingURL=checkpoint.js.map