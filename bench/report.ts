/**
 * The writing half of `npm run bench`: what bench/measure.ts measured, as bench/results.json (ratios first)
 * and as bench/RESULTS.md.
 */
import type { BlasStatus, ComputePath } from '../lib/backend';
import type { ChildResult, Failed, GemmRow, ProfileRow, SideResult, Timing, TorchResult, UmapResult } from './measure';

export interface Measured {
  date: string;
  machine: { cpus: number; model: string; memGiB: number; node: string; loadavg_1min_before: number; loadavg_1min_after: number };
  reps: number;
  warmup: number;
  /** The path the process uses by default (the one `npm start` trains on). */
  path: ComputePath;
  paths: ComputePath[];
  blas: BlasStatus;
  wasmThreads: number;
  derm: SideResult;
  men: SideResult;
  torchDerm: (TorchResult | Failed)[];
  torchMen: (TorchResult | Failed)[];
  children: { label: string; result: ChildResult | Failed }[];
  loader: { timing: Timing; cases: number };
  profile: ProfileRow[];
  /** MEN's training step and inference, per kernel (path in use). */
  menProfile: { step: ProfileRow[]; infer: ProfileRow[] };
  gemm: { cfcml: Record<string, GemmRow[]>; torch: GemmRow[] | null; error?: string };
  umap: UmapResult | null;
  npmStart: unknown;
}

const ok = (xs: (TorchResult | Failed)[]) => xs.filter((x): x is TorchResult => !('error' in x));
const best = (xs: TorchResult[], k: 'step' | 'infer') => (xs.length ? xs.reduce((a, b) => (b[k].median < a[k].median ? b : a)) : null);
const ratio = (c: Timing | undefined, t: TorchResult | null, k: 'step' | 'infer') => (c && t ? c.median / t[k].median : null);
const f0 = (x: number) => x.toFixed(0);
const f2 = (x: number) => x.toFixed(2);
const fx = (x: number | null) => (x === null ? '–' : `${f2(x)}×`);

/** Ratios of one path against PyTorch's best (1 or 2 threads). */
function pathRatios(m: Measured, p: string, derm = m.derm, men = m.men) {
  const tD = ok(m.torchDerm);
  const tM = ok(m.torchMen);
  const g = m.gemm.cfcml[p];
  const g1024 = g?.find((r) => r.m === 1024);
  const t1024 = m.gemm.torch?.find((r) => r.m === 1024);
  return {
    train_step_ratio: ratio(derm.step[p], best(tD, 'step'), 'step'),
    inference_ratio: ratio(derm.infer[p], best(tD, 'infer'), 'infer'),
    men_train_step_ratio: ratio(men.step[p], best(tM, 'step'), 'step'),
    men_inference_ratio: ratio(men.infer[p], best(tM, 'infer'), 'infer'),
    gemm_ratio: g1024 && t1024 ? g1024.min_ms / t1024.min_ms : null,
  };
}

/** bench/results.json: the goals' ratios (path in use) first, then every path's, then the raw numbers. */
export function resultsJson(m: Measured) {
  const tD = ok(m.torchDerm);
  const tM = ok(m.torchMen);
  const ms = (side: SideResult, t: TorchResult[], k: 'step' | 'infer') => ({
    cfcml: Object.fromEntries(Object.entries(side[k]).map(([p, x]) => [p, x.median])),
    torch: Object.fromEntries(t.map((x) => [`${x.threads}t`, x[k].median])),
  });
  return {
    date: m.date,
    machine: m.machine,
    reps: m.reps,
    warmup: m.warmup,
    path: m.path,
    ...pathRatios(m, m.path),
    cfcml_params: m.derm.params,
    torch_params: best(tD, 'step')?.params ?? null,
    men_cfcml_params: m.men.params,
    men_torch_params: best(tM, 'step')?.params ?? null,
    excluded_fields: { derm: m.derm.excluded, men: m.men.excluded },
    ratios_by_path: Object.fromEntries(m.paths.map((p) => [p, pathRatios(m, p)])),
    blas: m.blas,
    wasm_threads: m.wasmThreads,
    other_threads: m.children.map((c) => ({
      label: c.label,
      ...('error' in c.result ? { error: c.result.error } : { env: c.result.env, ratios_by_path: Object.fromEntries(m.paths.map((p) => [p, pathRatios(m, p, { ...m.derm, ...(c.result as ChildResult).derm }, { ...m.men, ...(c.result as ChildResult).men })])) }),
    })),
    twin_loss_rel_diff: { derm: tD.map((t) => t.loss_rel_diff), men: tM.map((t) => t.loss_rel_diff) },
    train_step_ms: ms(m.derm, tD, 'step'),
    inference_ms: ms(m.derm, tD, 'infer'),
    men_step_ms: ms(m.men, tM, 'step'),
    men_inference_ms: ms(m.men, tM, 'infer'),
    hrm_ms: { cfcml: m.derm.hrm.median, torch: tD[0]?.hrm.median ?? null },
    hrm_share_of_step: { cfcml: m.derm.hrm.median / m.derm.step[m.path].median, torch: tD[0] ? tD[0].hrm.median / tD[0].step.median : null },
    men_hrm_share_of_step: { cfcml: m.men.hrm.median / m.men.step[m.path].median },
    loader_ms_per_batch: m.loader.timing.median,
    loader_share_of_step: m.loader.timing.median / (m.loader.timing.median + m.derm.step[m.path].median),
    kernel_profile: m.profile.slice(0, 20),
    men_kernel_profile: { step: m.menProfile.step.slice(0, 20), infer: m.menProfile.infer.slice(0, 20) },
    gemm: m.gemm,
    umap: m.umap,
    npm_start: m.npmStart,
    errors: [...m.torchDerm, ...m.torchMen].filter((x) => 'error' in x),
    raw: { derm: m.derm, men: m.men, torchDerm: tD, torchMen: tM, children: m.children, loader: m.loader.timing },
  };
}

export type Results = ReturnType<typeof resultsJson>;

const PATH_LABEL: Record<string, string> = { 'native-blas': 'native BLAS', wasm: 'wasm (XNNPACK)' };

function timesTable(m: Measured): string[] {
  const tD = ok(m.torchDerm);
  const tM = ok(m.torchMen);
  const rows: [string, SideResult, TorchResult[], 'step' | 'infer'][] = [
    [`train step, Derm7pt cpu preset (batch ${m.derm.batch})`, m.derm, tD, 'step'],
    ['inference (forward), same batch', m.derm, tD, 'infer'],
    [`train step, MEN cpu preset (batch ${m.men.batch}, 3-D)`, m.men, tM, 'step'],
    ['inference, MEN batch', m.men, tM, 'infer'],
  ];
  return [
    `| ms (median) | ${m.paths.map((p) => `cfcml ${PATH_LABEL[p]}`).join(' | ')} | PyTorch 1 / 2 threads | ${m.paths.map((p) => `ratio ${PATH_LABEL[p]}`).join(' | ')} |`,
    `|---|${m.paths.map(() => '---:|').join('')}---:|${m.paths.map(() => '---:|').join('')}`,
    ...rows.map(([name, side, t, k]) => {
      const bt = best(t, k);
      const c = m.paths.map((p) => f0(side[k][p].median));
      const r = m.paths.map((p) => fx(ratio(side[k][p], bt, k)));
      return `| ${name} | ${c.join(' | ')} | ${t.map((x) => f0(x[k].median)).join(' / ') || '–'} | ${r.join(' | ')} |`;
    }),
  ];
}

const GOALS: [keyof ReturnType<typeof pathRatios>, string, number][] = [
  ['train_step_ratio', 'Derm7pt training step', 2.0],
  ['inference_ratio', 'Derm7pt inference', 1.2],
  ['men_train_step_ratio', 'MEN training step', 3.0],
  ['men_inference_ratio', 'MEN inference', 2.0],
  ['gemm_ratio', 'GEMM 1024³', 1.3],
];

/** A per-kernel profile as a section of RESULTS.md: the 20 largest kernels. `wall` says what the total compares with. */
export function profileSection(what: string, rows: ProfileRow[], wall: string): string[] {
  const total = rows.reduce((n, k) => n + k.ms, 0);
  return [
    `## Per-kernel profile of ${what}`,
    '',
    `Total kernel time ${f0(total)} ms (${wall}).`,
    '',
    '| kernel | ms | share | calls |',
    '|---|---:|---:|---:|',
    ...rows.slice(0, 20).map((k) => `| ${k.kernel} | ${f2(k.ms)} | ${((100 * k.ms) / total).toFixed(1)}% | ${k.calls} |`),
    '',
  ];
}

export function resultsMarkdown(m: Measured, r: Results): string {
  const tD = ok(m.torchDerm);
  const tM = ok(m.torchMen);
  const step = m.derm.step[m.path].median;
  const u = m.umap;
  return [
    '# Benchmark: cfcml vs its PyTorch twin',
    '',
    `Made by \`npm run bench\` (bench/step.ts) on ${m.date}. Machine: ${m.machine.cpus} × ${m.machine.model}, ${m.machine.memGiB} GiB, Node ${m.machine.node}, PyTorch ${tD[0]?.torch ?? 'n/a'}.`,
    `Load average (1 min) ${m.machine.loadavg_1min_before} before the run and ${m.machine.loadavg_1min_after} at its end, on ${m.machine.cpus} vCPUs: ` +
      'above about 1 other jobs shared the machine, and absolute times are noisy; the ratios within this one run are what count.',
    `Medians over ${m.reps} repetitions after ${m.warmup} warm-ups; cfcml's two paths interleaved rep by rep in one process. ` +
      `cfcml: tfjs-wasm (SIMD, ${m.wasmThreads} thread${m.wasmThreads === 1 ? '' : 's'}) + the project's kernels, its dense products on ` +
      (m.blas.library ? `the native BLAS (${m.blas.library}${m.blas.core ? `, ${m.blas.core} kernels` : ''}, ${m.blas.threads} thread${m.blas.threads === 1 ? '' : 's'})` : `wasm only (no BLAS: ${m.blas.reason})`) +
      ` or XNNPACK (lib/backend/path.ts). Path in use by default: **${m.path}**. PyTorch: the twin (scripts/reference/cfcml_twin.py) loading cfcml's saved weights; 1 and 2 threads, OMP_WAIT_POLICY=PASSIVE; ratios against PyTorch's best.`,
    '',
    `Model \`full\` as the trainer builds it (lib/train/build.ts \`modelConfig\`; tabular fields left out by the leakage audit: ${m.derm.excluded.join(', ') || 'none'}): ` +
      `cfcml ${m.derm.params.toLocaleString('en-US')} parameters, twin ${best(tD, 'step')?.params.toLocaleString('en-US') ?? 'n/a'} (Derm7pt cpu preset); MEN: ${m.men.params.toLocaleString('en-US')} vs ${best(tM, 'step')?.params.toLocaleString('en-US') ?? 'n/a'}.`,
    tD.length + tM.length
      ? `The twin reproduces cfcml's loss on the benchmark batch from the saved weights: largest relative difference of the loss terms ${Math.max(...tD.map((t) => t.loss_rel_diff), ...tM.map((t) => t.loss_rel_diff)).toExponential(1)}.`
      : 'PyTorch not run.',
    '',
    ...timesTable(m),
    '',
    '| goal (path in use) | measured | goal |',
    '|---|---:|---:|',
    ...GOALS.map(([k, name, goal]) => `| ${name} | ${fx(r[k])} | ≤ ${goal.toFixed(1)}× |`),
    '',
    ...m.children.map((c) =>
      'error' in c.result
        ? `${c.label}: failed: ${c.result.error}`
        : `${c.label} (child process; same numbers bit for bit): ` +
          m.paths
            .filter((p) => (c.result as ChildResult).derm.step[p])
            .map((p) => {
              const x = c.result as ChildResult;
              return `${PATH_LABEL[p]}: Derm7pt step ${f0(x.derm.step[p].median)} ms, inference ${f0(x.derm.infer[p].median)} ms, MEN step ${f0(x.men.step[p].median)} ms, inference ${f0(x.men.infer[p].median)} ms`;
            })
            .join('; ') +
          ` (this process: ${m.paths.map((p) => `${PATH_LABEL[p]} ${f0(m.derm.step[p].median)} / ${f0(m.derm.infer[p].median)} / ${f0(m.men.step[p].median)} / ${f0(m.men.infer[p].median)} ms`).join('; ')}).`,
    ),
    '',
    `HRM losses (forward + backward on the batch's z): cfcml ${f2(m.derm.hrm.median)} ms = ${(100 * r.hrm_share_of_step.cfcml).toFixed(1)}% of a Derm7pt step` +
      (tD[0] ? `; PyTorch ${f2(tD[0].hrm.median)} ms = ${(100 * (r.hrm_share_of_step.torch ?? 0)).toFixed(1)}%` : '') +
      `; MEN ${(100 * r.men_hrm_share_of_step.cfcml).toFixed(1)}%.`,
    `Data loading + augmentation (makeBatch, batch ${m.derm.batch}, synthetic Derm7pt): ${f2(m.loader.timing.median)} ms per batch = ${(100 * r.loader_share_of_step).toFixed(1)}% of (loader + step); it runs before each step in the trainer (not overlapped).`,
    '',
    ...profileSection(`a Derm7pt training step (path ${m.path}, tf.profile)`, m.profile, `the step's wall time ${f0(step)} ms; the difference is op dispatch, autodiff bookkeeping and Adam`),
    ...profileSection(`a MEN training step (path ${m.path}, tf.profile)`, m.menProfile.step, `the step's wall time ${f0(m.men.step[m.path].median)} ms, Adam included`),
    ...profileSection(`MEN inference (path ${m.path}, tf.profile)`, m.menProfile.infer, `the wall time ${f0(m.men.infer[m.path].median)} ms`),
    "## GEMM floor: one dense product, cfcml's paths vs PyTorch (1 thread)",
    '',
    'C = A·B in float32, minimum over the repetitions. tfjs-wasm runs XNNPACK on 128-bit WebAssembly SIMD without fused multiply-add; ' +
      "the native path and PyTorch use the CPU's own vector units (AVX2/AVX-512 with FMA where present).",
    '',
    `| M × K × N | ${m.paths.map((p) => `${PATH_LABEL[p]} ms | GFLOP/s`).join(' | ')} | PyTorch ms | GFLOP/s | ${m.paths.map((p) => `ratio ${PATH_LABEL[p]}`).join(' | ')} |`,
    `|---|${m.paths.map(() => '---:|---:|').join('')}---:|---:|${m.paths.map(() => '---:|').join('')}`,
    ...(m.gemm.cfcml[m.paths[0]] ?? []).map((c0, i) => {
      const t = m.gemm.torch?.[i];
      const cells = m.paths.map((p) => {
        const c = m.gemm.cfcml[p][i];
        return `${f2(c.min_ms)} | ${c.gflops.toFixed(1)}`;
      });
      const ratios = m.paths.map((p) => (t ? `${f2(m.gemm.cfcml[p][i].min_ms / t.min_ms)}×` : '–'));
      return `| ${c0.m} × ${c0.k} × ${c0.n} | ${cells.join(' | ')} | ${t ? f2(t.min_ms) : '–'} | ${t ? t.gflops.toFixed(1) : '–'} | ${ratios.join(' | ')} |`;
    }),
    ...(m.gemm.error ? ['', `PyTorch: ${m.gemm.error}`] : []),
    '',
    '## UMAP: umap-js vs umap-learn on one matrix',
    '',
    u && u.js
      ? `Matrix: ${u.rows ?? '?'} × ${u.cols ?? '?'} (concatenated z of 300 random cases through the benchmark model). ` +
        `umap-js: second fit ${f0(u.js_second_fit_ms)} ms, trustworthiness ${f2(u.js.trustworthiness)}, kNN agreement (k = 10) ${f2(u.js.knn_agreement)}. ` +
        (u.py
          ? `umap-learn ${u.py.version}: second fit ${f0(u.py.second_fit_ms)} ms (first, with numba compilation, ${f0(u.py.first_fit_ms)} ms), trustworthiness ${f2(u.py.trustworthiness)}, kNN agreement ${f2(u.py.knn_agreement)}.`
          : `umap-learn: ${u.error ?? 'not run'}.`)
      : `not run${u?.error ? ` (${u.error})` : ''}`,
    '',
    '## npm start',
    '',
    m.npmStart ? '```\n' + JSON.stringify(m.npmStart, null, 2) + '\n```' : 'not measured (bench/npm_start.sh writes bench/npm_start.json).',
    '',
  ].join('\n');
}
