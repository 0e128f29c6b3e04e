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
exports.runLocal = exports.executionOrder = exports.runOne = void 0;
/**
 * The local sweep runner: up to `jobs` runs at once, each a child process running the real `cfcml train`
 * (its own tfjs backend, one wasm thread), output appended to `<run>/train.log`. A finished run
 * (metrics.json) is skipped, an interrupted one resumes from last.ckpt, a crash writes `<run>/failed.json`
 * (exit code and the log's tail) and the sweep goes on.
 */
const child_process_1 = require("child_process");
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const errors_1 = require("../util/errors");
const runDirectory_1 = require("../run/runDirectory");
const settings_1 = require("./settings");
const sweep_1 = require("./sweep");
function tailOf(file, lines = 20) {
    if (!fs.existsSync(file))
        return '';
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').filter((l) => l.trim() !== '').slice(-lines).join('\n');
}
/** Run one grid cell through `cfcml train` in a child process. */
function runOne(root, spec, run) {
    const runDir = new runDirectory_1.RunDirectory(path.resolve(root, run.dir));
    if (runDir.state() === 'done')
        return Promise.resolve({ run, status: 'skipped', seconds: 0 });
    fs.mkdirSync(runDir.dir, { recursive: true });
    runDir.clearFailure();
    const log = runDir.file(runDirectory_1.RunDirectory.FILES.log);
    const cmd = (0, sweep_1.trainCommand)(root, run, spec.trainArgs);
    fs.appendFileSync(log, `\n== ${new Date().toISOString()} ${cmd.join(' ')}\n`);
    const fd = fs.openSync(log, 'a');
    const started = Date.now();
    return new Promise((resolve) => {
        const child = (0, child_process_1.spawn)(cmd[0], cmd.slice(1), { stdio: ['ignore', fd, fd], env: process.env });
        const finish = (code, signal, err) => {
            fs.closeSync(fd);
            const seconds = (Date.now() - started) / 1000;
            if (code === 0 && runDir.state() === 'done')
                return resolve({ run, status: 'done', seconds, exitCode: 0 });
            const failure = {
                exitCode: code,
                signal,
                tail: err ? `could not start: ${err.message}` : code === 0 ? 'exited 0 without writing metrics.json' : tailOf(log),
                at: new Date().toISOString(),
            };
            runDir.writeFailure(failure);
            resolve({ run, status: 'failed', seconds, exitCode: code });
        };
        child.on('error', (e) => finish(null, null, e));
        child.on('exit', (code, signal) => finish(code, signal));
    });
}
exports.runOne = runOne;
/** The order runLocal starts runs in: seed by seed (in the sweep's seed order), then the grid's order. */
function executionOrder(spec, only) {
    const seedRank = new Map(spec.seeds.map((sd, i) => [sd, i]));
    return spec.runs
        .filter((r) => !only || only.includes(r.index))
        .sort((a, b) => (seedRank.get(a.seed) ?? 0) - (seedRank.get(b.seed) ?? 0) || a.index - b.index);
}
exports.executionOrder = executionOrder;
/**
 * Run the sweep's runs (or `only`), `jobs` at a time; resolves when all have ended. Runs start seed by seed
 * (every variant of the first seed, then of the second, …), so a sweep stopped part-way leaves complete seeds
 * that a report can already compare, not some variants with every seed and others with none.
 */
async function runLocal(root, spec, opts = {}) {
    const jobs = opts.jobs ?? 1;
    if (!Number.isInteger(jobs) || jobs < 1)
        throw new errors_1.CfcmlError(`--jobs must be a whole number ≥ 1, got ${jobs}`);
    const queue = executionOrder(spec, opts.only);
    // One budget per sweep (settings.ts): refuse to add to runs trained with other settings, and stop as soon
    // as a newly finished run differs from the finished ones (a preset changed since they were trained). The
    // finished runs' settings are read once; each newly finished run adds its own.
    const finished = (0, settings_1.finishedRunSettings)(root, spec.runs);
    (0, settings_1.checkOneBudget)(finished, root);
    const outcomes = [];
    let running = 0;
    let next = 0;
    let mixed = null;
    await new Promise((resolveAll) => {
        const launch = () => {
            if (next >= queue.length && running === 0)
                return resolveAll();
            while (running < jobs && next < queue.length) {
                const run = queue[next++];
                running++;
                opts.onEvent?.({ kind: 'start', run, running });
                void runOne(root, spec, run).then((o) => {
                    running--;
                    outcomes.push(o);
                    opts.onEvent?.({ kind: 'end', run, outcome: o, running });
                    if (o.status === 'done' && mixed === null) {
                        try {
                            finished.push(...(0, settings_1.finishedRunSettings)(root, [run]));
                            (0, settings_1.checkOneBudget)(finished, root);
                        }
                        catch (e) {
                            mixed = e;
                            next = queue.length; // start nothing more; let the running ones end
                        }
                    }
                    launch();
                });
            }
        };
        launch();
    });
    if (mixed !== null)
        throw mixed;
    return outcomes.sort((a, b) => a.run.index - b.run.index);
}
exports.runLocal = runLocal;
//# sourceMappingURL=local.js.map