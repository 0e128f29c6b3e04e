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
const tools_1 = require("../helpers/tools");
// A real single-node SLURM on this machine (scripts/slurm/start-slurm.sh installs and starts it): a
// 2 variants × 2 seeds job array of the tiny preset, submitted with sbatch, read back with `cfcml report`.
// Skipped, with the reason, only where SLURM cannot be started (not root, no apt-get) or CFCML_SKIP_SLURM=1;
// under CI=true either is a failure (test/helpers/tools.ts).
const repo = path.join(__dirname, '../../..');
const script = path.join(repo, 'scripts', 'slurm', 'test-array.sh');
(0, node_test_1.test)('SLURM job array: sbatch → runs in the shared sweep folder → cfcml report', (t) => {
    if (!(0, tools_1.needTool)(t, process.env.CFCML_SKIP_SLURM !== '1', 'CFCML_SKIP_SLURM=1'))
        return;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-slurm-test-'));
    const r = (0, child_process_1.spawnSync)('bash', [script, work], {
        encoding: 'utf8',
        env: { ...process.env, CFCML_CLI: path.join(__dirname, '../../bin/cfcml.js'), CFCML_BACKEND: 'wasm' },
        timeout: 15 * 60 * 1000,
    });
    if (!(0, tools_1.needTool)(t, r.status !== 3, `SLURM not available here: ${r.stdout.trim().split('\n').pop()}`))
        return;
    strict_1.default.equal(r.status, 0, `test-array.sh exited ${r.status}\n${r.stdout}\n${r.stderr}`);
    strict_1.default.match(r.stdout, /table\.csv: 2 variants × 2 seeds/);
    const outs = fs.readdirSync(path.join(work, 'sweep', 'slurm')).filter((f) => /^out-\d+_\d\.txt$/.test(f));
    strict_1.default.equal(outs.length, 4, `one SLURM output file per array task: ${outs.join(', ')}`);
    for (const v of ['full', 'late-fusion']) {
        for (const s of [1, 2]) {
            const m = JSON.parse(fs.readFileSync(path.join(work, 'sweep', 'runs', v, `seed${s}`, 'metrics.json'), 'utf8'));
            strict_1.default.equal(m.epochs, 1);
            strict_1.default.ok(m.test.auc >= 0 && m.test.auc <= 1);
        }
    }
});
// Preemption on the same real SLURM (scripts/slurm/test-requeue.sh): one array task `scontrol requeue`d
// twice mid-training, another sent SIGUSR1 as before a time limit (it requeues itself); the sweep's report,
// metrics and predictions must equal an uninterrupted sweep's byte for byte. Under CI=true a SLURM that
// cannot be started fails the test instead of skipping it.
(0, node_test_1.test)('SLURM preemption: requeued array tasks resume from last.ckpt; the report equals an uninterrupted sweep', (t) => {
    if (process.env.CFCML_SKIP_SLURM === '1')
        return t.skip('CFCML_SKIP_SLURM=1');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-slurm-requeue-'));
    const r = (0, child_process_1.spawnSync)('bash', [path.join(repo, 'scripts', 'slurm', 'test-requeue.sh'), work], {
        encoding: 'utf8',
        env: { ...process.env, CFCML_CLI: path.join(__dirname, '../../bin/cfcml.js'), CFCML_BACKEND: 'wasm' },
        timeout: 15 * 60 * 1000,
    });
    if (r.status === 3) {
        const why = r.stdout.trim().split('\n').pop();
        if (process.env.CI === 'true')
            strict_1.default.fail(`CI=true and SLURM cannot be started here: ${why}`);
        return t.skip(`SLURM not available here: ${why}`);
    }
    strict_1.default.equal(r.status, 0, `test-requeue.sh exited ${r.status}\n${r.stdout}\n${r.stderr}`);
    strict_1.default.match(r.stdout, /slurm: scontrol requeue \d+_0 \(2\)/);
    strict_1.default.match(r.stdout, /^PASS: 3 stops mid-training/m);
    // Each resume continued a part-done run: the second requeue of task 0 resumed later than the first.
    const resumed = /slurm: task 0: after epoch (\d+), step (\d+) of epoch \d+;after epoch (\d+), step (\d+)/.exec(r.stdout);
    strict_1.default.ok(resumed, r.stdout);
    const [e1, s1, e2, s2] = resumed.slice(1).map(Number);
    strict_1.default.ok(e2 > e1 || (e2 === e1 && s2 > s1), `second resume (${e2}/${s2}) after the first (${e1}/${s1})`);
    for (const s of [1, 2]) {
        const dir = path.join(work, 'sweep', 'runs', 'full', `seed${s}`);
        strict_1.default.deepEqual(fs.readFileSync(path.join(dir, 'metrics.json')), fs.readFileSync(path.join(work, 'ref', 'runs', 'full', `seed${s}`, 'metrics.json')));
        strict_1.default.ok(!fs.existsSync(path.join(dir, 'failed.json')));
    }
});
//# sourceMappingURL=slurm.test.js.map