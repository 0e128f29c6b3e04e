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
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../../lib/backend");
const synth_1 = require("../../lib/synth");
const checkpoint_1 = require("../../lib/run/checkpoint");
const train_1 = require("../../lib/train");
const runGuard_1 = require("../../lib/run/runGuard");
const random_1 = require("../../lib/util/random");
const csv_1 = require("../../lib/util/csv");
const errors_1 = require("../../lib/util/errors");
// Faults during a run (issue #13): kill -9 at random moments, SIGINT/SIGTERM, a read-only run directory,
// a NaN loss, two processes on one run directory. The CLI tests run the real `cfcml` binary as a child.
const bin = path.join(__dirname, '../../bin/cfcml.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-faults-'));
const data = path.join(root, 'derm7pt');
const env = { ...process.env, CFCML_BACKEND: 'wasm' };
(0, node_test_1.before)(async () => {
    await (0, backend_1.initBackend)({ quiet: true });
    await (0, synth_1.synthDerm7pt)({ out: data, seed: 4, scale: 0.1 });
});
const strip = (h) => h.map(({ seconds: _s, ...rest }) => rest);
function cfcml(...args) {
    const r = (0, child_process_1.spawnSync)(process.execPath, [bin, ...args], { encoding: 'utf8', env });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
/** Every file a run directory holds parses: JSON files, checkpoints (magic, header, arrays). */
function assertRunDirSound(dir) {
    if (!fs.existsSync(dir))
        return;
    for (const f of fs.readdirSync(dir)) {
        const file = path.join(dir, f);
        if (f.endsWith('.json'))
            strict_1.default.doesNotThrow(() => JSON.parse(fs.readFileSync(file, 'utf8')), `${f} parses`);
        if (f.endsWith('.ckpt'))
            strict_1.default.doesNotThrow(() => (0, checkpoint_1.loadCheckpoint)(file), `${f} loads`);
        if (f.endsWith('.csv'))
            strict_1.default.ok(fs.readFileSync(file, 'utf8').endsWith('\n'), `${f} is complete`);
    }
}
function weightsOf(file) {
    const ck = (0, checkpoint_1.loadCheckpoint)(file);
    return Buffer.concat(ck.arrays.filter((a) => a.name.startsWith('w:')).map((a) => Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength)));
}
const TRAIN_ARGS = ['--data', data, '--preset', 'tiny', '--epochs', '3', '--seed', '9', '--checkpoint-every', '1', '--progress', 'line'];
(0, node_test_1.test)('kill -9 at random moments: the run directory stays sound, --resume continues, final weights and metrics equal an uninterrupted run', async () => {
    const ref = path.join(root, 'ref');
    const a = cfcml('train', ...TRAIN_ARGS, '--out', ref, '--json');
    strict_1.default.equal(a.code, 0, a.err);
    const out = path.join(root, 'killed');
    const rng = new random_1.Rng(2026);
    let kills = 0;
    let takeovers = 0;
    let partialResumes = 0;
    for (let attempt = 0; attempt < 30; attempt++) {
        const child = (0, child_process_1.spawn)(process.execPath, [bin, 'train', ...TRAIN_ARGS, '--out', out, '--resume', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        let timer;
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        // The first four starts are killed at a random moment 0.2–1.8 s after they take the run directory's
        // lock (training time; start-up takes seconds), so that each kill lands in a different place of the run.
        const poll = setInterval(() => {
            if (kills >= 4 || timer || (0, runGuard_1.readLock)(path.join(out, runGuard_1.LOCK_FILE))?.pid !== child.pid)
                return;
            timer = setTimeout(() => child.kill('SIGKILL'), rng.uniform(200, 1800));
        }, 25);
        const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
        clearInterval(poll);
        if (timer)
            clearTimeout(timer);
        if (/taking over the stale lock of process \d+/.test(stderr))
            takeovers++;
        if (/resumed .* step \d+ of epoch/.test(stdout + stderr))
            partialResumes++;
        assertRunDirSound(out);
        if (code === 0) {
            const summary = JSON.parse(stdout.trim().split('\n').pop());
            strict_1.default.equal(summary.runDir, out);
            break;
        }
        strict_1.default.equal(code, null, `killed, not failed: ${stderr}`);
        kills++;
    }
    strict_1.default.ok(kills >= 3, `${kills} kills`);
    strict_1.default.ok(takeovers >= 1, 'a kill -9 leaves a stale lock that the next start takes over with a warning');
    const refMetrics = JSON.parse(fs.readFileSync(path.join(ref, 'metrics.json'), 'utf8'));
    const gotMetrics = JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    strict_1.default.deepEqual(gotMetrics, refMetrics);
    strict_1.default.deepEqual(strip(JSON.parse(fs.readFileSync(path.join(out, 'history.json'), 'utf8'))), strip(JSON.parse(fs.readFileSync(path.join(ref, 'history.json'), 'utf8'))));
    strict_1.default.ok(weightsOf(path.join(out, 'best.ckpt')).equals(weightsOf(path.join(ref, 'best.ckpt'))), 'selected weights bit-identical');
    strict_1.default.equal(fs.readFileSync(path.join(out, 'predictions_test.csv'), 'utf8'), fs.readFileSync(path.join(ref, 'predictions_test.csv'), 'utf8'));
    strict_1.default.ok(!fs.existsSync(path.join(out, runGuard_1.LOCK_FILE)), 'lock released at the end');
    strict_1.default.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.tmp')), [], 'no temp files left');
    console.log(`# kill -9: ${kills} kills, ${takeovers} stale-lock takeovers, ${partialResumes} mid-epoch resumes`);
});
(0, node_test_1.test)('SIGINT/SIGTERM/SIGUSR1: the step finishes, a checkpoint is written, the exact resume command is printed, exit 130/143/138; resuming gives the uninterrupted result', async () => {
    const ref = path.join(root, 'ref'); // from the kill -9 test (same arguments)
    if (!fs.existsSync(path.join(ref, 'metrics.json')))
        strict_1.default.equal(cfcml('train', ...TRAIN_ARGS, '--out', ref).code, 0);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGUSR1']) {
        const out = path.join(root, `sig-${sig}`);
        const child = (0, child_process_1.spawn)(process.execPath, [bin, 'train', ...TRAIN_ARGS, '--out', out], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let all = '';
        let stderr = '';
        child.stdout.on('data', (d) => (all += d));
        child.stderr.on('data', (d) => {
            all += d;
            stderr += d;
        });
        const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
        // Signal once the first epoch is done (mid-way through the second).
        await new Promise((resolve) => {
            const t = setInterval(() => {
                if (/epoch 1\/3/.test(all)) {
                    clearInterval(t);
                    setTimeout(() => {
                        child.kill(sig);
                        resolve();
                    }, 300);
                }
            }, 50);
        });
        const code = await exited;
        strict_1.default.equal(code, { SIGINT: 130, SIGTERM: 143, SIGUSR1: 138 }[sig], all);
        strict_1.default.match(stderr, new RegExp(`interrupted by ${sig} in epoch \\d after step \\d+; checkpoint written to .*last\\.ckpt`));
        const resume = /resume with: (.*)/.exec(stderr)?.[1];
        strict_1.default.ok(resume, stderr);
        assertRunDirSound(out);
        const meta = (0, checkpoint_1.loadCheckpoint)(path.join(out, 'last.ckpt')).meta;
        strict_1.default.ok(meta.partial || meta.epoch >= 1, 'a checkpoint of where it stopped');
        strict_1.default.ok(!fs.existsSync(path.join(out, runGuard_1.LOCK_FILE)), 'lock released on the way out');
        // The printed command, run as printed (`cfcml` → the built binary), finishes the run.
        const words = resume.split(' ').map((w) => w.replace(/^'(.*)'$/, '$1'));
        strict_1.default.equal(words[0], 'cfcml');
        strict_1.default.ok(words.includes('--resume') && words.includes('--out') && words.includes(out), resume);
        const r = cfcml(...words.slice(1));
        strict_1.default.equal(r.code, 0, r.err);
        strict_1.default.deepEqual(JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8')), JSON.parse(fs.readFileSync(path.join(ref, 'metrics.json'), 'utf8')));
    }
});
(0, node_test_1.test)('read-only / impossible run directory: a clear error before any training, nothing written', () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, 'x');
    const r = cfcml('train', ...TRAIN_ARGS, '--out', path.join(file, 'run'));
    strict_1.default.equal(r.code, 2, r.err);
    strict_1.default.match(r.err, /run directory is not writable: cannot create it \(a part of the path is a file, not a folder/);
    strict_1.default.doesNotMatch(r.out + r.err, /epoch 1\//);
    strict_1.default.throws(() => (0, runGuard_1.probeRunDir)(path.join(root, 'roomy'), Number.MAX_SAFE_INTEGER), /not enough free space for the checkpoints: .* MiB free/);
    if (process.getuid && process.getuid() !== 0) {
        const ro = path.join(root, 'ro');
        fs.mkdirSync(ro);
        fs.chmodSync(ro, 0o555);
        strict_1.default.throws(() => (0, runGuard_1.probeRunDir)(ro), /not writable: cannot write a file in it \(permission denied/);
    }
});
(0, node_test_1.test)('a bad folder: train refuses listing every problem, and no run directory is made', () => {
    const bad = path.join(root, 'bad');
    fs.cpSync(data, bad, { recursive: true });
    const meta = path.join(bad, 'meta', 'meta.csv');
    const t = (0, csv_1.parseCsv)(fs.readFileSync(meta, 'utf8'));
    const train = new Set((0, csv_1.parseCsv)(fs.readFileSync(path.join(bad, 'meta', 'train_indexes.csv'), 'utf8')).rows.map((r) => Number(r.indexes)));
    const [i, j] = t.rows.map((r, k) => [r, k]).filter(([r, k]) => train.has(k) && /nevus|melanoma/.test(r.diagnosis)).map(([, k]) => k);
    t.rows[i].sex = 'alien';
    t.rows[j].sex = '';
    fs.writeFileSync(meta, (0, csv_1.formatCsv)(t.header, t.rows));
    const out = path.join(root, 'bad-run');
    const r = cfcml('train', '--data', bad, '--preset', 'tiny', '--out', out);
    strict_1.default.equal(r.code, 2);
    strict_1.default.match(r.err, /2 problems in the Derm7pt folder/);
    strict_1.default.match(r.err, new RegExp(`meta\\.csv: row ${i + 2}, column 'sex': unknown category 'alien'`));
    strict_1.default.match(r.err, new RegExp(`meta\\.csv: row ${j + 2}, column 'sex': empty value`));
    strict_1.default.ok(!fs.existsSync(out));
});
(0, node_test_1.test)('two processes on one run directory: the second is refused naming the owner; a stale lock is taken over with a warning', async () => {
    const dir = path.join(root, 'locked');
    const lock = runGuard_1.RunLock.acquire(dir);
    strict_1.default.equal((0, runGuard_1.readLock)(path.join(dir, runGuard_1.LOCK_FILE))?.pid, process.pid);
    // Another process (the CLI) is refused while this one holds the lock.
    const r = cfcml('train', ...TRAIN_ARGS, '--out', dir);
    strict_1.default.equal(r.code, 2, r.err);
    strict_1.default.match(r.err, new RegExp(`run directory is in use by process ${process.pid} on host ${os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    strict_1.default.doesNotMatch(r.out, /epoch 1\//);
    // The same process may take its own lock again (a notebook re-running a cell).
    const again = runGuard_1.RunLock.acquire(dir);
    lock.release();
    strict_1.default.ok(fs.existsSync(path.join(dir, runGuard_1.LOCK_FILE)), "releasing the superseded lock leaves the new owner's file");
    again.release();
    strict_1.default.ok(!fs.existsSync(path.join(dir, runGuard_1.LOCK_FILE)));
    // A lock of a process that has exited is stale.
    const dead = (0, child_process_1.spawnSync)(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    fs.writeFileSync(path.join(dir, runGuard_1.LOCK_FILE), JSON.stringify({ pid: deadPid, host: os.hostname(), started: '2026-12-01T00:00:00Z', command: 'cfcml train' }));
    fs.writeFileSync(path.join(dir, `.last.ckpt.${deadPid}.1234.tmp`), 'half a checkpoint');
    const warnings = [];
    const taken = runGuard_1.RunLock.acquire(dir, { warn: (m) => warnings.push(m) });
    strict_1.default.match(warnings.join('\n'), new RegExp(`taking over the stale lock of process ${deadPid} on .* which no longer runs`));
    strict_1.default.deepEqual((0, runGuard_1.removeStaleTempFiles)(dir), [`.last.ckpt.${deadPid}.1234.tmp`]);
    taken.release();
    // A lock from another host cannot be checked: refused, with how to clear it.
    fs.writeFileSync(path.join(dir, runGuard_1.LOCK_FILE), JSON.stringify({ pid: 1, host: 'other-node-7', started: '2026-12-01T00:00:00Z', command: 'cfcml train' }));
    strict_1.default.throws(() => runGuard_1.RunLock.acquire(dir), (e) => e instanceof errors_1.CfcmlError && /in use by process 1 on host other-node-7/.test(e.message) && /delete .*\.lock/.test(e.hint ?? ''));
});
(0, node_test_1.test)('checkFiniteLoss names the epoch, the step and the term that went non-finite', () => {
    const ok = { loss: 1, ce: 0.7, sam: 1, up: 1, cp: 1 };
    strict_1.default.doesNotThrow(() => (0, runGuard_1.checkFiniteLoss)(ok, 0, 0));
    strict_1.default.throws(() => (0, runGuard_1.checkFiniteLoss)({ ...ok, loss: NaN, up: NaN }, 2, 4), (e) => e instanceof runGuard_1.NonFiniteLossError && e.term === 'up' && /epoch 3, step 5: loss term 'up' \(unimodal prototype contrast\) is NaN/.test(e.message));
    strict_1.default.throws(() => (0, runGuard_1.checkFiniteLoss)({ ...ok, loss: Infinity }, 0, 0), /loss term 'loss' \(total training loss, \(H8\)\) is Infinity/);
});
(0, node_test_1.test)('in process: a NaN loss stops the run naming epoch, step and term; best.ckpt and last.ckpt keep the last good epoch', async () => {
    const out = path.join(root, 'nan');
    let trainer;
    trainer = await train_1.Trainer.create({
        data,
        preset: 'tiny',
        epochs: 3,
        seed: 9,
        out,
        progress: 'none',
        onStep: (s) => {
            // Poison the weights after the 2nd step of epoch 2: step 3's loss is NaN.
            if (s.epoch === 1 && s.step === 1)
                tf.tidy(() => trainer.model.weights.forEach((w) => w.variable.assign(w.variable.mul(NaN))));
        },
    });
    try {
        await strict_1.default.rejects(trainer.fit(), (e) => e instanceof runGuard_1.NonFiniteLossError && /epoch 2, step 3: loss term 'ce'/.test(e.message) && e.epoch === 1 && e.step === 2);
    }
    finally {
        trainer.dispose();
    }
    const best = (0, checkpoint_1.loadCheckpoint)(path.join(out, 'best.ckpt'));
    const last = (0, checkpoint_1.loadCheckpoint)(path.join(out, 'last.ckpt'));
    strict_1.default.equal(best.meta.epoch, 1);
    strict_1.default.equal(last.meta.epoch, 1);
    strict_1.default.equal(last.meta.partial, undefined);
    for (const ck of [best, last])
        for (const a of ck.arrays)
            strict_1.default.ok(a.data.every(Number.isFinite), `${a.name} finite`);
    strict_1.default.ok(!fs.existsSync(path.join(out, runGuard_1.LOCK_FILE)));
});
(0, node_test_1.test)('in process: a stop request mid-epoch writes a partial checkpoint; the same Trainer continues, and so does a resumed one, equal to an uninterrupted run', async () => {
    const opts = { data, preset: 'tiny', epochs: 2, seed: 13, progress: 'none' };
    const ref = await (0, train_1.train)({ ...opts, out: path.join(root, 'p-ref') });
    const stopAt = (epoch, step) => {
        const s = { requested: undefined };
        return { s, onStep: (r) => void (r.epoch === epoch && r.step === step ? (s.requested = 'SIGINT') : undefined) };
    };
    // The same Trainer object, stopped and continued (a notebook's kernel interrupt).
    const a = stopAt(1, 2);
    const t = await train_1.Trainer.create({ ...opts, out: path.join(root, 'p-same'), onStep: a.onStep });
    t.stopSignal = a.s;
    await strict_1.default.rejects(t.fit(), (e) => e instanceof runGuard_1.RunInterruptedError && e.epoch === 1 && e.step === 3 && e.exitCode === 130);
    const mid = (0, checkpoint_1.loadCheckpoint)(path.join(root, 'p-same', 'last.ckpt')).meta;
    strict_1.default.deepEqual([mid.epoch, mid.partial?.epoch, mid.partial?.step], [1, 1, 3]);
    a.s.requested = undefined;
    const same = await t.fit();
    t.dispose();
    strict_1.default.deepEqual(strip(same.history), strip(ref.history));
    strict_1.default.deepEqual(same.testMetrics, ref.testMetrics);
    // A new process resuming from the partial checkpoint.
    const b = stopAt(0, 1);
    const t2 = await train_1.Trainer.create({ ...opts, out: path.join(root, 'p-resume'), onStep: b.onStep });
    t2.stopSignal = b.s;
    await strict_1.default.rejects(t2.fit(), runGuard_1.RunInterruptedError);
    t2.dispose();
    const resumed = await (0, train_1.train)({ ...opts, out: path.join(root, 'p-resume'), resume: true });
    strict_1.default.deepEqual(strip(resumed.history), strip(ref.history));
    strict_1.default.deepEqual(resumed.testMetrics, ref.testMetrics);
    // checkpointEvery: last.ckpt is written inside the epoch, the numbers do not change.
    const every = await (0, train_1.train)({ ...opts, out: path.join(root, 'p-every'), checkpointEvery: 2 });
    strict_1.default.deepEqual(strip(every.history), strip(ref.history));
});
//# sourceMappingURL=faults.test.js.map