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
/**
 * `npm run bench`: the real CFCML model, cfcml (tfjs wasm + the project's kernels, dense products on the native
 * BLAS and on wasm, side by side) with its PyTorch twin (scripts/reference/cfcml_twin.py, Debian's
 * python3-torch) in one run, on the same weights and the same batch. Writes bench/RESULTS.md and
 * bench/results.json.
 *
 *   npm run bench [-- --reps 7] [--warmup 2] [--no-torch] [--no-umap] [--out bench] [--python /usr/bin/python3]
 *
 * Measured (bench/measure.ts): a training step (forward, (H8) loss, backward, Adam) of `full` at the Derm7pt
 * cpu preset (its batch) and at the MEN cpu preset (3-D); inference (forward on the batch); both on each path;
 * the HRM losses' share of a step; data loading + augmentation per batch; the GEMM floor of each path;
 * the per-kernel profile of the path in use; a second BLAS thread and a second wasm thread (child processes);
 * umap-js vs umap-learn on one embedding matrix. PyTorch runs with 1 and 2 threads (OMP_WAIT_POLICY=PASSIVE);
 * ratios use PyTorch's best. `npm start`'s wall time and peak memory are measured once by bench/npm_start.sh
 * (not looped here) and copied from bench/npm_start.json when present.
 */
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const backend_1 = require("../lib/backend");
const fs_1 = require("../lib/util/fs");
const M = __importStar(require("./measure"));
const report_1 = require("./report");
const log = (s) => process.stderr.write(`bench: ${s}\n`);
async function measure(o, dir) {
    const loadBefore = os.loadavg();
    const cp = (0, backend_1.computePath)();
    const paths = M.availablePaths();
    log(`Derm7pt cpu preset: cfcml step / inference on ${paths.join(' and ')}; HRM`);
    const derm = await M.cfcmlSide(M.DERM7PT, o, dir, 'derm');
    const torchDerm = o.torch ? [1, 2].map((t) => (log(`Derm7pt: PyTorch twin, ${t} thread(s)`), M.torchSide(o, derm.ckpt, derm.batchFile, t))) : [];
    log('MEN cpu preset (3-D): cfcml');
    const men = await M.cfcmlSide(M.MEN, o, dir, 'men');
    const torchMen = o.torch ? [1, 2].map((t) => (log(`MEN: PyTorch twin, ${t} thread(s)`), M.torchSide(o, men.ckpt, men.batchFile, t))) : [];
    men.model.dispose();
    const wasmThreads = M.wasmThreads();
    const children = [];
    if ((0, backend_1.nativeBlasAvailable)()) {
        const n = cp.blas.threads === 1 ? 2 : 1;
        log(`cfcml with ${n} BLAS thread(s) (child process)`);
        children.push({ label: `cfcml with CFCML_BLAS_THREADS=${n}`, result: M.cfcmlChild(o, __filename, { CFCML_BLAS_THREADS: String(n) }) });
    }
    const w = wasmThreads === 1 ? 2 : 1;
    log(`cfcml with ${w} wasm thread(s) (child process)`);
    children.push({ label: `cfcml with CFCML_WASM_THREADS=${w}`, result: M.cfcmlChild(o, __filename, { CFCML_WASM_THREADS: String(w) }) });
    log('data loading + augmentation');
    const loader = await M.loaderTiming(o);
    log(`per-kernel profile of a Derm7pt step (${cp.path})`);
    const profile = await M.kernelProfile(M.DERM7PT);
    const umap = o.umap ? (log('umap-js vs umap-learn'), await M.umapSide(o, derm.model, derm.config, dir)) : null;
    log('GEMM floor: dense products, cfcml paths vs PyTorch 1 thread');
    const gemm = await M.gemmSide(o);
    derm.model.dispose();
    const npmFile = path.join(M.ROOT, 'bench', 'npm_start.json');
    return {
        date: new Date().toISOString(),
        machine: {
            cpus: os.cpus().length,
            model: os.cpus()[0]?.model ?? '?',
            memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
            node: process.version,
            loadavg_1min_before: +loadBefore[0].toFixed(2),
            loadavg_1min_after: +os.loadavg()[0].toFixed(2),
        },
        reps: o.reps,
        warmup: o.warmup,
        path: cp.path,
        paths,
        blas: cp.blas,
        wasmThreads,
        derm: derm.res,
        men: men.res,
        torchDerm,
        torchMen,
        children,
        loader,
        profile,
        gemm,
        umap,
        npmStart: fs.existsSync(npmFile) ? JSON.parse(fs.readFileSync(npmFile, 'utf8')) : null,
    };
}
async function main() {
    const o = M.parseArgs(process.argv.slice(2));
    await (0, backend_1.initBackend)({ backend: 'wasm', quiet: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-bench-run-'));
    try {
        if (o.child) {
            console.log(JSON.stringify(await M.childSide(o, dir, JSON.parse(process.env.CFCML_BENCH_CHILD_ENV ?? '{}'))));
            return;
        }
        const m = await measure(o, dir);
        const results = (0, report_1.resultsJson)(m);
        const md = (0, report_1.resultsMarkdown)(m, results);
        fs.mkdirSync(o.out, { recursive: true });
        (0, fs_1.writeFileAtomic)(path.join(o.out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
        (0, fs_1.writeFileAtomic)(path.join(o.out, 'RESULTS.md'), md);
        console.log(md);
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
main().catch((e) => {
    console.error(e);
    process.exit(1);
});
//# sourceMappingURL=step.js.map