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
exports.checkFiniteLoss = exports.NonFiniteLossError = exports.StopSignal = exports.RunInterruptedError = exports.signalExitCode = exports.STOP_SIGNALS = exports.checkpointBytes = exports.probeRunDir = exports.removeStaleTempFiles = exports.readLock = exports.RunLock = exports.pidAlive = exports.LOCK_FILE = void 0;
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const errors_1 = require("../util/errors");
const runDirectory_1 = require("./runDirectory");
const lossTerms_1 = require("../train/lossTerms");
exports.LOCK_FILE = runDirectory_1.RunDirectory.FILES.lock;
/** Whether a process with this pid exists on this machine. */
function pidAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM'; // exists, owned by someone else
    }
}
exports.pidAlive = pidAlive;
const held = new Set();
let exitHookInstalled = false;
/** The lock of a run directory, held by this process until `release()` (or the process exits). */
class RunLock {
    constructor(file, owner) {
        this.file = file;
        this.owner = owner;
        this.released = false;
    }
    /**
     * Take the lock of `dir` (created if needed). Refused, naming the owner, when another live process on
     * this host holds it, or any process on another host. A lock whose process is gone is taken over, and
     * `warn` is told so; a lock of this same process (a notebook re-creating its Trainer) is taken silently.
     */
    static acquire(dir, opts = {}) {
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, exports.LOCK_FILE);
        const owner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), command: opts.command ?? process.argv.slice(1).join(' ') };
        for (let attempt = 0; attempt < 3; attempt++) {
            // Write the whole record to a temp file, then hard-link it into place: link fails if a lock exists,
            // and a lock file is never seen half-written.
            const tmp = path.join(dir, `.lock.${process.pid}.${Date.now()}.tmp`);
            fs.writeFileSync(tmp, JSON.stringify(owner) + '\n');
            try {
                fs.linkSync(tmp, file);
                fs.unlinkSync(tmp);
                const lock = new RunLock(file, owner);
                held.add(lock);
                installExitHook();
                return lock;
            }
            catch (e) {
                fs.rmSync(tmp, { force: true });
                if (e.code !== 'EEXIST')
                    throw e;
            }
            const other = readLock(file);
            if (other && other.pid === process.pid && other.host === owner.host) {
                for (const l of held)
                    if (l.file === file)
                        l.released = true;
                fs.rmSync(file, { force: true });
                continue;
            }
            if (other && (other.host !== owner.host || pidAlive(other.pid))) {
                throw new errors_1.CfcmlError(`run directory is in use by process ${other.pid} on host ${other.host} (since ${other.started}: ${other.command}); a second process may not train into it`, {
                    where: dir,
                    hint: other.host !== owner.host
                        ? `if no process on ${other.host} is using it any more, delete ${file}`
                        : `wait for process ${other.pid} to finish, stop it, or use another --out`,
                });
            }
            opts.warn?.(other
                ? `warning: taking over the stale lock of process ${other.pid} on ${other.host} (started ${other.started}), which no longer runs: ${file}`
                : `warning: taking over an unreadable lock file: ${file}`);
            fs.rmSync(file, { force: true });
        }
        throw new errors_1.CfcmlError('could not take the run directory lock (another process keeps taking it)', { where: file });
    }
    release() {
        if (this.released)
            return;
        this.released = true;
        held.delete(this);
        const now = readLock(this.file);
        if (now && now.pid === this.owner.pid && now.started === this.owner.started)
            fs.rmSync(this.file, { force: true });
    }
}
exports.RunLock = RunLock;
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    process.on('exit', () => {
        for (const l of [...held])
            l.release();
    });
}
/** The owner recorded in a lock file; undefined when missing or unreadable. */
function readLock(file) {
    try {
        const o = JSON.parse(fs.readFileSync(file, 'utf8'));
        return typeof o.pid === 'number' && typeof o.host === 'string' ? o : undefined;
    }
    catch {
        return undefined;
    }
}
exports.readLock = readLock;
/**
 * Remove temp files that atomic writes of dead processes left behind (`.<name>.<pid>.<time>.tmp`, see
 * lib/util/fs.ts): a kill -9 between write and rename leaves one. Returns the names removed.
 */
function removeStaleTempFiles(dir) {
    if (!fs.existsSync(dir))
        return [];
    const removed = [];
    for (const name of fs.readdirSync(dir)) {
        const m = /^\..*\.(\d+)\.\d+\.tmp$/.exec(name);
        if (!m)
            continue;
        const pid = Number(m[1]);
        if (pid === process.pid || pidAlive(pid))
            continue;
        fs.rmSync(path.join(dir, name), { force: true });
        removed.push(name);
    }
    return removed;
}
exports.removeStaleTempFiles = removeStaleTempFiles;
/**
 * Check, before training, that the run directory can be created and written (a probe file is written,
 * fsynced and removed) and that its file system has at least `needBytes` free. The error names the folder,
 * the system's reason (EACCES, EROFS, ENOSPC, ENOTDIR) and what to do.
 */
function probeRunDir(dir, needBytes = 0) {
    const fail = (what, e) => {
        const code = e.code ?? '';
        const why = {
            EACCES: 'permission denied',
            EPERM: 'operation not permitted',
            EROFS: 'read-only file system',
            ENOSPC: 'no space left on the device',
            EDQUOT: 'disk quota exceeded',
            ENOTDIR: 'a part of the path is a file, not a folder',
        };
        throw new errors_1.CfcmlError(`run directory is not writable: cannot ${what} (${why[code] ?? code}: ${e.message})`, {
            where: dir,
            hint: 'choose a writable --out folder; nothing was trained',
            cause: e,
        });
    };
    try {
        fs.mkdirSync(dir, { recursive: true });
    }
    catch (e) {
        fail('create it', e);
    }
    const probe = path.join(dir, `.write-probe.${process.pid}.${Date.now()}.tmp`);
    try {
        const fd = fs.openSync(probe, 'w');
        try {
            fs.writeSync(fd, Buffer.alloc(64 * 1024, 1));
            fs.fsyncSync(fd);
        }
        finally {
            fs.closeSync(fd);
        }
    }
    catch (e) {
        fs.rmSync(probe, { force: true });
        fail('write a file in it', e);
    }
    fs.rmSync(probe, { force: true });
    if (needBytes > 0 && typeof fs.statfsSync === 'function') {
        const st = fs.statfsSync(dir);
        const free = Number(st.bavail) * Number(st.bsize);
        if (free < needBytes) {
            throw new errors_1.CfcmlError(`not enough free space for the checkpoints: ${(free / 2 ** 20).toFixed(1)} MiB free, about ${(needBytes / 2 ** 20).toFixed(1)} MiB needed`, {
                where: dir,
                hint: 'free some space or choose another --out folder; nothing was trained',
            });
        }
    }
}
exports.probeRunDir = probeRunDir;
/**
 * Bytes the run directory needs: best.ckpt (weights) + last.ckpt (weights + two Adam moments), each three
 * times while a new one is written (the current one, the previous one kept, the new one), + slack.
 */
function checkpointBytes(paramCount) {
    return 3 * (4 * paramCount + 12 * paramCount) + 4 * 2 ** 20;
}
exports.checkpointBytes = checkpointBytes;
/**
 * The signals that stop a run at a step boundary. A listener on SIGUSR1 also keeps Node from starting its
 * inspector on it.
 */
exports.STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGUSR1'];
/** 128 + the signal's number: the exit status a shell reports for a process a signal ended. */
function signalExitCode(sig) {
    return 128 + (os.constants.signals[sig] ?? 0);
}
exports.signalExitCode = signalExitCode;
/** A training run stopped by a signal; the CLI prints `message` and exits with `exitCode` (128 + signal number). */
class RunInterruptedError extends errors_1.CfcmlError {
    constructor(signal, runDir, epoch, step) {
        super(`interrupted by ${signal} in epoch ${epoch + 1} after step ${step}; checkpoint written to ${path.join(runDir, 'last.ckpt')}`, { where: runDir });
        this.signal = signal;
        this.runDir = runDir;
        this.epoch = epoch;
        this.step = step;
        this.name = 'RunInterruptedError';
    }
    get exitCode() {
        return signalExitCode(this.signal);
    }
}
exports.RunInterruptedError = RunInterruptedError;
/**
 * SIGINT/SIGTERM/SIGUSR1 (Ctrl-C; a cluster's preemption, requeue or time limit; SLURM's `--signal`) turned
 * into a request the training loop checks after every step. While installed, the
 * first signal sets `requested` (the run writes a checkpoint and stops); a second one exits at once with
 * 128 + signal (the last checkpoint on disk is complete, atomic writes see to that).
 */
class StopSignal {
    constructor() {
        this.handlers = new Map();
    }
    static install(opts = {}) {
        const s = new StopSignal();
        for (const sig of opts.signals ?? exports.STOP_SIGNALS) {
            const h = () => {
                if (s.requested) {
                    process.stderr.write(`\n${sig} again: exiting now (the last checkpoint on disk is complete)\n`);
                    process.exit(signalExitCode(sig));
                }
                s.requested = sig;
                opts.onSignal?.(sig);
            };
            s.handlers.set(sig, h);
            process.on(sig, h);
        }
        return s;
    }
    uninstall() {
        for (const [sig, h] of this.handlers)
            process.off(sig, h);
        this.handlers.clear();
    }
}
exports.StopSignal = StopSignal;
/** A loss term that is NaN or ±Inf at a step. */
class NonFiniteLossError extends errors_1.CfcmlError {
    constructor(epoch, step, term, value, values) {
        super(`training diverged at epoch ${epoch + 1}, step ${step + 1}: loss term '${term}' (${lossTerms_1.LOSS_TERMS[term]?.description ?? term}) is ${value} ` +
            `(${lossTerms_1.LOSS_TERM_NAMES.map((k) => `${k} ${values[k]}`).join(', ')}); nothing of this step was saved, best.ckpt and last.ckpt hold the last good epoch`, { hint: 'try a smaller --lr; resume from last.ckpt with --resume after changing nothing else, or start afresh' });
        this.epoch = epoch;
        this.step = step;
        this.term = term;
        this.value = value;
        this.name = 'NonFiniteLossError';
    }
}
exports.NonFiniteLossError = NonFiniteLossError;
/**
 * Throw a NonFiniteLossError when the total loss (H8) is NaN/Inf, naming the term that made it so: the first
 * non-finite component (ce, sam, up, cp), else the total itself. `epoch` and `step` are 0-based. (A
 * component a variant does not use may be anything; only the total decides.)
 */
function checkFiniteLoss(values, epoch, step) {
    if (Number.isFinite(values.loss))
        return;
    const order = [...lossTerms_1.LOSS_TERM_NAMES.filter((k) => k !== 'loss'), 'loss'];
    const term = order.find((k) => !Number.isFinite(values[k]));
    throw new NonFiniteLossError(epoch, step, term, values[term], values);
}
exports.checkFiniteLoss = checkFiniteLoss;
//# sourceMappingURL=runGuard.js.map