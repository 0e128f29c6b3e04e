import * as path from 'path';
import * as fs from 'fs';
import { DATASET_REGISTRY } from '../../data';
import { DERM7PT_COHORT_VERSION, synthDerm7pt, formatSynthSummary } from '../../synth';
import { formatMetricsTable } from '../../metrics';
import type { Variant } from '../../model/types';
import { train, TRAIN_DEFAULTS, type RunResult } from '../../train';
import { bool, num, str, type CommandSpec } from '../args';

/**
 * The main job (`npm start`): make the synthetic Derm7pt cohort if it is absent, train CFCML with the
 * CPU preset and the main job's shorter stopping rule (MAIN_JOB_RULE), evaluate the selected model on the
 * test split, print the metrics. With --baselines it also
 * trains the image-only and tabular-only baselines with the same settings and prints the comparison.
 */
const DEFAULT_DATA = 'data/synthetic/derm7pt';

/**
 * The main job's stopping rule, shorter than the `cpu` preset's (40 epochs, patience 15, which sweeps keep):
 * chosen on validation with tuning seeds as the cheapest rule within 0.005 of the preset's mean selected
 * validation AUC (docs/TUNING.md, "The main job's budget"; scripts/records/mainBudget.ts applies the rule).
 */
export const MAIN_JOB_RULE = { epochs: 20, patience: 8 } as const;

/**
 * The stopping rule a main job trains with: what the command line gives, else MAIN_JOB_RULE; with --baselines
 * the preset's (undefined), since the short rule was chosen for `full` alone and a comparison of variants
 * keeps the budget they share.
 */
export function mainJobRule(baselines: boolean, epochs?: number, patience?: number): { epochs?: number; patience?: number } {
  return {
    epochs: epochs ?? (baselines ? undefined : MAIN_JOB_RULE.epochs),
    patience: patience ?? (baselines ? undefined : MAIN_JOB_RULE.patience),
  };
}

/** Why `dir` is not the current synthetic design (its cohort.json is missing or of another version), or null. */
function syntheticVersionProblem(dir: string): string | null {
  const file = path.join(dir, 'cohort.json');
  if (!fs.existsSync(file)) return fs.existsSync(dir) ? `${dir} has no cohort.json (a cohort of an older synthetic design, or a real release)` : null;
  const version: unknown = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown }).version;
  return version === DERM7PT_COHORT_VERSION ? null : `${file} says version ${String(version)}, the current design is ${DERM7PT_COHORT_VERSION}`;
}

export const mainCommand: CommandSpec = {
  name: 'main',
  summary: 'the main job: synthetic Derm7pt (made if absent) → train CFCML (cpu preset) → test metrics',
  options: [
    { name: 'data', type: 'string', default: DEFAULT_DATA, metavar: '<dir>', help: 'cohort folder; synthesised here when it has no meta/meta.csv' },
    { name: 'out', type: 'string', default: 'runs/main', metavar: '<dir>', help: 'parent folder of the run directories' },
    { name: 'epochs', type: 'integer', min: 1, help: `epoch budget (default ${MAIN_JOB_RULE.epochs}; with --baselines the cpu preset's 40)` },
    { name: 'patience', type: 'integer', min: 0, help: `epochs without a validation improvement before stopping, 0 = never (default ${MAIN_JOB_RULE.patience}; with --baselines the cpu preset's 15)` },
    { name: 'seed', type: 'integer', default: TRAIN_DEFAULTS.seed, help: 'training seed' },
    { name: 'baselines', type: 'boolean', help: 'also train image-only and tabular-only baselines and compare' },
    { name: 'progress', type: 'string', choices: ['auto', 'bar', 'line', 'none'], default: 'auto', help: 'progress display' },
  ],
  async run(a) {
    const started = Date.now();
    const data = str(a, 'data')!;
    const stale = syntheticVersionProblem(data);
    if (!DATASET_REGISTRY.derm7pt.detect(data) || (stale && data === DEFAULT_DATA)) {
      console.log(stale && DATASET_REGISTRY.derm7pt.detect(data) ? `${stale}: regenerating it` : `no cohort at ${data}: generating the synthetic Derm7pt cohort (seed 1) ...`);
      const summary = await synthDerm7pt({ out: data, seed: 1 });
      console.log(formatSynthSummary(summary));
    } else if (stale) console.warn(`warning: ${stale}; using it as it is (a real release has no cohort.json)`);
    const baselines = bool(a, 'baselines');
    const variants: Variant[] = baselines ? ['full', 'image-only', 'tabular-only'] : ['full'];
    const { epochs, patience } = mainJobRule(baselines, num(a, 'epochs'), num(a, 'patience'));
    const results: RunResult[] = [];
    for (const variant of variants) {
      console.log(`\n== training ${variant} ==`);
      results.push(
        await train({
          data,
          preset: 'cpu',
          variant,
          epochs,
          overrides: patience === undefined ? undefined : { patience },
          seed: num(a, 'seed'),
          out: path.join(str(a, 'out')!, `derm7pt-${variant}`),
          progress: str(a, 'progress') as 'auto',
        }),
      );
    }
    const main = results[0];
    console.log(`\nrun directory: ${main.runDir} (selected epoch ${main.bestEpoch} of ${main.history.length} on validation)`);
    if (main.testMetrics) {
      console.log('test metrics of CFCML (full):');
      console.log(formatMetricsTable(main.testMetrics));
    }
    if (results.length > 1) {
      console.log('\ntest AUC by variant:');
      for (const r of results) {
        const m = r.testMetrics;
        if (m) console.log(`  ${r.config.variant.padEnd(14)} auc ${m.auc.toFixed(4)}  balanced_accuracy ${m.balanced_accuracy.toFixed(4)}`);
      }
    }
    console.log(`\ntotal wall time ${((Date.now() - started) / 1000).toFixed(0)}s`);
    return 0;
  },
};
