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
 * the per-kernel profiles of the path in use (Derm7pt step, MEN step and inference); a second BLAS thread and a second wasm thread (child processes);
 * umap-js vs umap-learn on one embedding matrix. PyTorch runs with 1 and 2 threads (OMP_WAIT_POLICY=PASSIVE);
 * ratios use PyTorch's best. `npm start`'s wall time and peak memory are measured once by bench/npm_start.sh
 * (not looped here) and copied from bench/npm_start.json when present.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { computePath, initBackend, nativeBlasAvailable } from '../lib/backend';
import { writeFileAtomic } from '../lib/util/fs';
import * as M from './measure';
import { resultsJson, resultsMarkdown, type Measured } from './report';

const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

async function measure(o: M.Options, dir: string): Promise<Measured> {
  const loadBefore = os.loadavg();
  const cp = computePath();
  const paths = M.availablePaths();
  log(`Derm7pt cpu preset: cfcml step / inference on ${paths.join(' and ')}; HRM`);
  const derm = await M.cfcmlSide(M.DERM7PT, o, dir, 'derm');
  const torchDerm = o.torch ? [1, 2].map((t) => (log(`Derm7pt: PyTorch twin, ${t} thread(s)`), M.torchSide(o, derm.ckpt, derm.batchFile, t))) : [];
  log('MEN cpu preset (3-D): cfcml');
  const men = await M.cfcmlSide(M.MEN, o, dir, 'men');
  const torchMen = o.torch ? [1, 2].map((t) => (log(`MEN: PyTorch twin, ${t} thread(s)`), M.torchSide(o, men.ckpt, men.batchFile, t))) : [];
  men.model.dispose();
  const wasmThreads = M.wasmThreads();
  const children: Measured['children'] = [];
  if (nativeBlasAvailable()) {
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
  log(`per-kernel profile of a MEN step and inference (${cp.path})`);
  const menProfile = { step: await M.kernelProfile(M.MEN), infer: await M.kernelProfile(M.MEN, { mode: 'infer' }) };
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
    menProfile,
    gemm,
    umap,
    npmStart: fs.existsSync(npmFile) ? JSON.parse(fs.readFileSync(npmFile, 'utf8')) : null,
  };
}

async function main(): Promise<void> {
  const o = M.parseArgs(process.argv.slice(2));
  await initBackend({ backend: 'wasm', quiet: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-bench-run-'));
  try {
    if (o.child) {
      console.log(JSON.stringify(await M.childSide(o, dir, JSON.parse(process.env.CFCML_BENCH_CHILD_ENV ?? '{}'))));
      return;
    }
    const m = await measure(o, dir);
    const results = resultsJson(m);
    const md = resultsMarkdown(m, results);
    fs.mkdirSync(o.out, { recursive: true });
    writeFileAtomic(path.join(o.out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    writeFileAtomic(path.join(o.out, 'RESULTS.md'), md);
    console.log(md);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
