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
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const backend_1 = require("../../lib/backend");
const synth_1 = require("../../lib/synth");
const checkpoint_1 = require("../../lib/run/checkpoint");
const train_1 = require("../../lib/train");
// Checkpoints that prove themselves: a flipped byte or a truncated last.ckpt, and a disk that fills up
// while a run writes its checkpoints (a tmpfs mounted as root). In each case nothing earlier is lost, and
// --resume ends with the uninterrupted run's numbers exactly. A system test: it trains several tiny runs.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-recovery-'));
const data = path.join(root, 'derm7pt');
const opts = { data, preset: 'tiny', epochs: 3, seed: 21, progress: 'none' };
let ref;
(0, node_test_1.before)(async () => {
    await (0, backend_1.initBackend)({ quiet: true });
    await (0, synth_1.synthDerm7pt)({ out: data, seed: 5, scale: 0.1 });
    ref = await (0, train_1.train)({ ...opts, out: path.join(root, 'ref') });
});
const strip = (h) => h.map(({ seconds: _s, ...rest }) => rest);
const meta = (file) => (0, checkpoint_1.loadCheckpoint)(file).meta;
/** Run `fn` with console.warn captured; returns what it printed. */
async function warnings(fn) {
    const warned = [];
    const orig = console.warn;
    console.warn = (...a) => void warned.push(a.join(' '));
    try {
        return { value: await fn(), warned };
    }
    finally {
        console.warn = orig;
    }
}
/** Train 2 of the 3 epochs and stop (the run directory then holds last.ckpt of epoch 2 and last.prev.ckpt of before). */
async function stoppedAfter2(out) {
    const r = await (0, train_1.train)({ ...opts, out, stopAfterEpoch: 2 });
    strict_1.default.equal(r.interrupted, true);
    strict_1.default.equal(meta(path.join(out, 'last.ckpt')).epoch, 2);
    strict_1.default.equal(meta(path.join(out, 'last.prev.ckpt')).epoch, 1);
}
function assertEqualsReference(r) {
    strict_1.default.deepEqual(strip(r.history), strip(ref.history));
    strict_1.default.deepEqual(r.validMetrics, ref.validMetrics);
    strict_1.default.deepEqual(r.testMetrics, ref.testMetrics);
}
for (const [what, corrupt] of [
    ['a flipped byte', (b) => ((b[b.length - 1000] ^= 0x04), b)],
    ['a truncated file', (b) => b.subarray(0, Math.floor(b.length / 2))],
]) {
    (0, node_test_1.test)(`${what} in last.ckpt: --resume names it, continues from last.prev.ckpt, and ends with the uninterrupted run's numbers`, async () => {
        const out = path.join(root, what.replace(/ /g, '-'));
        await stoppedAfter2(out);
        const last = path.join(out, 'last.ckpt');
        fs.writeFileSync(last, corrupt(fs.readFileSync(last)));
        const before = fs.readFileSync(path.join(out, 'last.prev.ckpt'));
        const { value: r, warned } = await warnings(() => (0, train_1.train)({ ...opts, out, resume: true }));
        strict_1.default.equal(warned.length, 1, warned.join('\n'));
        strict_1.default.match(warned[0], new RegExp(`^warning: ${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is unusable \\((corrupt checkpoint|.*truncated).*\\); resuming from last\\.prev\\.ckpt \\(after epoch 1\\)$`));
        assertEqualsReference(r);
        strict_1.default.ok(before.length > 0);
    });
}
(0, node_test_1.test)('neither last.ckpt nor last.prev.ckpt good: --resume stops naming both, and deletes nothing', async () => {
    const out = path.join(root, 'both-bad');
    await stoppedAfter2(out);
    for (const f of ['last.ckpt', 'last.prev.ckpt']) {
        const b = fs.readFileSync(path.join(out, f));
        b[b.length - 10] ^= 0x01;
        fs.writeFileSync(path.join(out, f), b);
    }
    const files = fs.readdirSync(out).sort();
    await strict_1.default.rejects((0, train_1.train)({ ...opts, out, resume: true }), (e) => /cannot resume: no good checkpoint: last\.ckpt: corrupt checkpoint.*; last\.prev\.ckpt: corrupt checkpoint/.test(e.message) && /without --resume/.test(e.message + String(e.hint)));
    strict_1.default.deepEqual(fs.readdirSync(out).sort(), files);
});
/** Mount a tmpfs of `mb` MiB at a new folder (root only); returns the folder, or the reason it cannot. */
function mountTmpfs(mb) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-fulldisk-'));
    if (process.getuid?.() !== 0)
        return { why: 'mounting a tmpfs needs root' };
    const r = (0, child_process_1.spawnSync)('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'cfcml-test', dir], { encoding: 'utf8' });
    if (r.status !== 0)
        return { why: `mount -t tmpfs failed: ${(r.stderr || r.error?.message || '').trim()}` };
    return { dir };
}
/** Fill the file system of `dir` to the last byte; returns the filler file. */
function fillDisk(dir) {
    const filler = path.join(dir, 'filler');
    const fd = fs.openSync(filler, 'w');
    const block = Buffer.alloc(64 * 1024, 1);
    try {
        for (let size = block.length; size >= 1;) {
            try {
                fs.writeSync(fd, block, 0, size);
            }
            catch (e) {
                if (e.code !== 'ENOSPC')
                    throw e;
                size = Math.floor(size / 2);
            }
        }
    }
    finally {
        fs.closeSync(fd);
    }
    return filler;
}
(0, node_test_1.test)('a full disk while a run writes its checkpoints: a clear error, the checkpoints before it intact, no temp file left; --resume after freeing space ends with the uninterrupted numbers', async (t) => {
    const m = mountTmpfs(16);
    if ('why' in m) {
        if (process.env.CI === 'true')
            strict_1.default.fail(`CI=true: cannot test a full disk: ${m.why}`);
        return t.skip(`cannot test a full disk here: ${m.why}`);
    }
    try {
        const out = path.join(m.dir, 'run');
        const trainer = await train_1.Trainer.create({ ...opts, out });
        try {
            await trainer.trainEpoch();
            const filler = fillDisk(m.dir);
            const kept = fs.readFileSync(path.join(out, 'last.ckpt'));
            await strict_1.default.rejects(trainer.trainEpoch(), (e) => /cannot write the checkpoint: no space left on the device/.test(e.message) && /are unchanged/.test(e.message));
            strict_1.default.deepEqual(fs.readFileSync(path.join(out, 'last.ckpt')), kept, 'last.ckpt is the one of epoch 1, byte for byte');
            strict_1.default.equal(meta(path.join(out, 'last.ckpt')).epoch, 1);
            strict_1.default.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.tmp')), [], 'no temp file left to hold the space');
            fs.rmSync(filler);
        }
        finally {
            trainer.dispose();
        }
        const r = await (0, train_1.train)({ ...opts, out, resume: true });
        assertEqualsReference(r);
    }
    finally {
        (0, child_process_1.spawnSync)('umount', [m.dir]);
    }
});
//# sourceMappingURL=checkpointRecovery.test.js.map