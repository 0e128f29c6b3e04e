/**
 * The data-size study's tuning decisions (docs/study.md, "The preset for more data"), applied to the tuning
 * sweeps by the rules written there before the runs: VALIDATION only, tuning seeds 101–103, `full` and
 * `late-fusion` on the nested Derm7pt cohort at scale 4.
 *
 *   node dist/scripts/records/studyStages.js <tuning root> [--markdown]
 *   node dist/scripts/records/studyStages.js <tuning root> --settings [--stage 1|2|3]
 *
 * <tuning root> holds one sweep folder per arm (ARMS below: `tune-n4-step40`, …). `--settings` prints the `--set`
 * text of the winner of the last stage asked for (default 3) and exits 3, naming what is missing, while that
 * stage is undecided; scripts/study.sh uses it to launch the next stage and the reported sweeps.
 */
import * as fs from 'fs';
import * as path from 'path';
import { mean, sd } from '../../lib/experiments/stats';
import { CfcmlError } from '../../lib/util/errors';
import { f3, finishedRuns, printTable, runMain, type FinishedRun } from './runs';

/** A candidate raises the score enough to be adopted (docs/study.md). */
export const THRESHOLD = 0.005;
export const TUNING_SEEDS = [101, 102, 103];
export const TUNING_VARIANTS = ['full', 'late-fusion'];

/** What an arm's runs must have been trained with (checked against every run's options.json). */
interface Expect {
  schedule: 'step' | 'cosine';
  epochs: number;
  patience: number;
  lr: number;
  clinic?: [number, number];
}

/** One tuning candidate: its sweep folder, the `--set` text that trains it, and what its runs must show. */
export interface Arm {
  stage: 1 | 2 | 3;
  name: string;
  folder: string;
  set: string;
  expect: Expect;
}

/** The arms' settings, each stage built on the previous stage's winner. */
function stage1(): Arm[] {
  return [
    { stage: 1, name: 'StepLR, 40 epochs, patience 15 (the cpu preset)', folder: 'tune-n4-step40', set: 'schedule=step', expect: { schedule: 'step', epochs: 40, patience: 15, lr: 5e-4 } },
    { stage: 1, name: 'cosine, 60 epochs', folder: 'tune-n4-cos60', set: 'schedule=cosine,epochs=60,patience=0', expect: { schedule: 'cosine', epochs: 60, patience: 0, lr: 5e-4 } },
    { stage: 1, name: 'cosine, 100 epochs', folder: 'tune-n4-cos100', set: 'schedule=cosine,epochs=100,patience=0', expect: { schedule: 'cosine', epochs: 100, patience: 0, lr: 5e-4 } },
  ];
}
function stage2(winner: Arm): Arm[] {
  return ['5e-4', '1e-3', '2e-3'].map((lr) => ({
    stage: 2,
    name: `${winner.folder.replace('tune-n4-', '')}, lr ${lr}`,
    folder: `tune-n4-s2-lr${lr}`,
    set: `${winner.set},lr=${lr}`,
    expect: { ...winner.expect, lr: Number(lr) },
  }));
}
function stage3(winner: Arm): Arm[] {
  return [
    { ...winner, stage: 3, name: `${winner.name}, clinical photo 64×64` },
    { stage: 3, name: `${winner.name}, clinical photo 64×96 (H×W)`, folder: 'tune-n4-s3-clinic64x96', set: `${winner.set},viewSizes.clinic=64x96`, expect: { ...winner.expect, clinic: [64, 96] } },
  ];
}

/** An arm's score: mean over TUNING_VARIANTS of the mean selected validation AUC over TUNING_SEEDS; null while a run is missing. */
export interface Scored {
  arm: Arm;
  score: number | null;
  /** Per variant: the selected validation AUCs by seed (those finished). */
  aucs: Record<string, number[]>;
  missing: string[];
  /** The numerics fingerprint of each finished run, by its folder (options.json's `numerics`; '?' when absent). */
  numerics: Record<string, string>;
}

/**
 * Adopt the best candidate if it raises the incumbent's score by at least THRESHOLD, else keep the incumbent;
 * undecided (null) while any score is missing.
 */
export function adopt(incumbent: Scored, candidates: Scored[], threshold = THRESHOLD): Scored | null {
  if (incumbent.score === null || candidates.some((c) => c.score === null)) return null;
  const best = candidates.reduce<Scored | null>((a, c) => (a === null || (c.score as number) > (a.score as number) ? c : a), null);
  return best && (best.score as number) >= incumbent.score + threshold ? best : incumbent;
}

/**
 * Stage 1: between the two cosine budgets the longer only if it beats the shorter by THRESHOLD; that one replaces
 * the preset's StepLR only if it beats it by THRESHOLD.
 */
export function decideStage1(step40: Scored, cos60: Scored, cos100: Scored): Scored | null {
  const cosine = adopt(cos60, [cos100]);
  return cosine && adopt(step40, [cosine]);
}

function score(arm: Arm, runs: FinishedRun[]): Scored {
  const aucs: Record<string, number[]> = {};
  const missing: string[] = [];
  const numerics: Record<string, string> = {};
  for (const v of TUNING_VARIANTS) {
    aucs[v] = [];
    for (const seed of TUNING_SEEDS) {
      const r = runs.find((x) => x.run.variant === v && x.run.seed === seed);
      if (!r) {
        missing.push(`${arm.folder}/${v}/seed${seed}`);
        continue;
      }
      check(arm, r);
      numerics[r.dir] = r.options.numerics ?? '?';
      const auc = r.metrics.valid.auc;
      if (typeof auc !== 'number') throw new CfcmlError('metrics.json has no validation AUC', { where: r.dir });
      aucs[v].push(auc);
    }
  }
  return { arm, aucs, missing, numerics, score: missing.length ? null : mean(TUNING_VARIANTS.map((v) => mean(aucs[v]))) };
}

function check(arm: Arm, r: FinishedRun): void {
  const t = r.options.train;
  const e = arm.expect;
  const clinic = t.viewSizes?.clinic;
  const got = `schedule ${t.schedule ?? 'step'}, epochs ${t.epochs}, patience ${t.patience}, lr ${t.lr}, clinic ${clinic ? clinic.slice(0, 2).join('x') : 'square'}`;
  const want = `schedule ${e.schedule}, epochs ${e.epochs}, patience ${e.patience}, lr ${e.lr}, clinic ${e.clinic ? e.clinic.join('x') : 'square'}`;
  if (got !== want) throw new CfcmlError(`trained with ${got}; arm "${arm.name}" expects ${want}`, { where: r.dir });
}

function load(root: string, arm: Arm): Scored {
  const dir = path.join(root, arm.folder);
  const runs = fs.existsSync(path.join(dir, 'sweep.json')) ? safeRuns(dir) : [];
  return score(arm, runs);
}

function safeRuns(dir: string): FinishedRun[] {
  try {
    return finishedRuns(dir);
  } catch (e) {
    if (e instanceof CfcmlError && /no finished run/.test(e.message)) return [];
    throw e;
  }
}

/** A stage compares its arms on one arithmetic: every run of it has the same numerics fingerprint (docs/study.md). */
export function checkOneArithmetic(stage: number, arms: Scored[]): void {
  const byPrint = new Map<string, string[]>();
  for (const a of arms) for (const [dir, fp] of Object.entries(a.numerics)) byPrint.set(fp, [...(byPrint.get(fp) ?? []), dir]);
  if (byPrint.size <= 1) return;
  const parts = [...byPrint].map(([fp, dirs]) => `${fp}: ${dirs.length} run(s), e.g. ${dirs[0]}`);
  throw new CfcmlError(`stage ${stage}'s runs were trained on ${byPrint.size} different arithmetics (numerics fingerprints ${parts.join('; ')})`, {
    hint: 'a stage compares its candidates on one build and one path; retrain the odd runs with the study\'s build (scripts/study.sh)',
  });
}

/** Every stage as far as it is decided: the scored arms and the winner (null = undecided, later stages absent). */
export function decide(root: string): { stage: number; arms: Scored[]; winner: Scored | null }[] {
  const out: { stage: number; arms: Scored[]; winner: Scored | null }[] = [];
  const s1 = stage1().map((a) => load(root, a));
  checkOneArithmetic(1, s1);
  const w1 = decideStage1(s1[0], s1[1], s1[2]);
  out.push({ stage: 1, arms: s1, winner: w1 });
  if (!w1) return out;
  const s2 = stage2(w1.arm).map((a) => load(root, a));
  checkOneArithmetic(2, s2);
  const w2 = adopt(s2[0], s2.slice(1));
  out.push({ stage: 2, arms: s2, winner: w2 });
  if (!w2) return out;
  const s3 = stage3(w2.arm).map((a) => load(root, a));
  checkOneArithmetic(3, s3);
  const w3 = adopt(s3[0], s3.slice(1));
  out.push({ stage: 3, arms: s3, winner: w3 });
  return out;
}

function main(argv: string[]): number {
  const root = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--stage');
  if (!root) {
    console.error('usage: node dist/scripts/records/studyStages.js <tuning root> [--markdown | --settings [--stage N]]');
    return 2;
  }
  const stages = decide(root);
  if (argv.includes('--settings')) {
    const at = argv.indexOf('--stage');
    const want = at >= 0 ? Number(argv[at + 1]) : 3;
    if (![1, 2, 3].includes(want)) throw new CfcmlError(`--stage ${argv[at + 1]}: expected 1, 2 or 3`);
    const s = stages.find((x) => x.stage === want);
    if (!s?.winner) {
      const open = s ?? stages[stages.length - 1];
      const missing = open.arms.flatMap((a) => a.missing);
      console.error(`stage ${open.stage} is undecided: ${missing.length} runs missing (${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', …' : ''})`);
      return 3;
    }
    console.log(s.winner.arm.set);
    return 0;
  }
  const md = argv.includes('--markdown');
  for (const s of stages) {
    printTable(
      s.arms.map((a) => ({
        arm: a.arm.name,
        folder: a.arm.folder,
        ...Object.fromEntries(TUNING_VARIANTS.map((v) => [v, a.aucs[v].length ? `${f3(mean(a.aucs[v]))} ± ${f3(sd(a.aucs[v]))} (${a.aucs[v].length})` : '–'])),
        score: a.score === null ? `– (${a.missing.length} missing)` : a.score.toFixed(4),
      })),
      md,
      `Stage ${s.stage}: selected validation AUC, mean ± sd over tuning seeds (runs); score = mean over ${TUNING_VARIANTS.join(', ')}`,
    );
    console.log(s.winner ? `\nStage ${s.stage} decision: ${s.winner.arm.name} (--set ${s.winner.arm.set})` : `\nStage ${s.stage}: undecided`);
  }
  return 0;
}

if (require.main === module) runMain('studyStages', main);
