import * as path from 'path';
import { createSweep, parsePresets, parseSeeds, parseVariants, runLocal, trainCommand, writeSlurmArray } from '../../experiments';
import { readSweepConfig, type SweepConfig } from '../../experiments/sweepConfig';
import { shq, SLURM_SIGNAL_BEFORE } from '../../experiments/slurm';
import { parsePresetOverrides } from '../../train/config';
import { CfcmlError } from '../../util/errors';
import { bool, num, str, type CommandSpec } from '../args';

export const sweepCommand: CommandSpec = {
  name: 'sweep',
  summary: 'train a grid (cohorts × presets × settings × variants × seeds) with one budget per group, locally (--jobs N) or as a SLURM array',
  options: [
    { name: 'config', type: 'string', metavar: '<file.json>', help: 'the grid as a JSON file (data, out, variants, seeds, preset, set, named settings, jobs); options given here win' },
    { name: 'data', type: 'string', metavar: '<dir[,dir…]>', help: 'cohort folder(s); several make a cohort axis (required, here or in --config)' },
    { name: 'out', type: 'string', metavar: '<dir>', help: 'sweep folder (sweep.json, runs/, report/); given again, it resumes or extends the grid (required, here or in --config)' },
    { name: 'variants', type: 'string', metavar: '<list>', help: "comma list of variants, or 'all' (default full)" },
    { name: 'seeds', type: 'string', metavar: '<list>', help: 'training seeds: 1-5, 1,2,3 or 1-3,7 (default 1-5)' },
    { name: 'preset', type: 'string', metavar: '<list>', help: 'preset(s): paper, cpu, tiny; several make a preset axis (default cpu)' },
    { name: 'jobs', type: 'integer', help: 'runs at once on this machine, each a child process with one wasm thread (default 1)' },
    { name: 'emit', type: 'string', choices: ['local', 'slurm'], default: 'local', help: "'local' runs the grid here; 'slurm' writes <out>/slurm/array.sbatch and runs nothing" },
    { name: 'epochs', type: 'integer', help: 'cfcml train --epochs for every run' },
    { name: 'batch-size', type: 'integer', help: 'cfcml train --batch-size for every run' },
    { name: 'lr', type: 'number', help: 'cfcml train --lr for every run' },
    { name: 'image-size', type: 'integer', help: 'cfcml train --image-size for every run' },
    { name: 'exclude', type: 'string', metavar: '<fields>', help: 'cfcml train --exclude for every run' },
    { name: 'set', type: 'string', metavar: '<k=v,…>', help: 'cfcml train --set for every run (other preset fields)' },
    { name: 'dataset', type: 'string', choices: ['derm7pt', 'men'], help: 'cfcml train --dataset for every run' },
    { name: 'no-test', type: 'boolean', help: 'cfcml train --no-test for every run: a tuning grid that never evaluates the test split' },
    { name: 'cpus-per-task', type: 'integer', default: 1, help: 'slurm: cores per array task' },
    { name: 'mem', type: 'string', default: '4G', help: 'slurm: memory per array task' },
    { name: 'time', type: 'string', metavar: '<hh:mm:ss>', help: 'slurm: time limit per array task' },
    { name: 'partition', type: 'string', help: 'slurm: partition' },
    { name: 'max-parallel', type: 'integer', help: 'slurm: at most this many array tasks at once (--array=0-K%N)' },
    { name: 'signal-before', type: 'integer', min: 1, default: SLURM_SIGNAL_BEFORE, metavar: '<seconds>', help: 'slurm: stop at a step boundary and requeue this long before --time runs out' },
    { name: 'dry-run', type: 'boolean', help: 'print the train command of every run and stop' },
  ],
  epilog:
    'Examples:\n' +
    '  cfcml sweep --data data/synthetic/derm7pt --variants all --seeds 1-5 --out runs/ablation --jobs 2\n' +
    '  cfcml sweep --data data/synthetic/derm7pt --variants full,late-fusion --seeds 1-2 --preset tiny --out runs/s --emit slurm\n' +
    '  cfcml sweep --config scripts/records/tuning/fixes.json      (named settings: one group per setting)\n' +
    '  cfcml report runs/ablation',
  async run(a) {
    const cfg: SweepConfig = a.options.config === undefined ? {} : readSweepConfig(str(a, 'config')!);
    const set = str(a, 'set') ?? cfg.set;
    const trainArgs: string[] = [];
    for (const k of ['epochs', 'batch-size', 'lr', 'image-size']) if (a.options[k] !== undefined) trainArgs.push(`--${k}`, String(num(a, k)));
    if (set !== undefined) parsePresetOverrides(set); // refuse a bad --set before any run starts
    for (const k of ['exclude', 'dataset']) if (a.options[k] !== undefined) trainArgs.push(`--${k}`, str(a, k)!);
    if (set !== undefined) trainArgs.push('--set', set);
    if (bool(a, 'no-test') || cfg.test === false) trainArgs.push('--no-test');
    const data = a.options.data !== undefined ? str(a, 'data')!.split(',').map((s) => s.trim()).filter(Boolean) : cfg.data;
    const out = str(a, 'out') ?? cfg.out;
    if (!data?.length) throw new CfcmlError("'cfcml sweep' needs --data <dir[,dir…]> (or \"data\" in --config)");
    if (!out) throw new CfcmlError("'cfcml sweep' needs --out <dir> (or \"out\" in --config)");
    const root = path.resolve(out);
    const spec = createSweep(root, {
      data,
      presets: parsePresets(str(a, 'preset') ?? cfg.preset ?? 'cpu'),
      variants: parseVariants(str(a, 'variants') ?? cfg.variants ?? 'full'),
      seeds: parseSeeds(str(a, 'seeds') ?? cfg.seeds ?? '1-5'),
      settings: cfg.settings,
      trainArgs,
    });
    const axes = [
      spec.settings?.length ? `${spec.settings.length} settings` : '',
      `${spec.variants.length} variants`,
      `${spec.seeds.length} seeds`,
      spec.data.length > 1 ? `${spec.data.length} cohorts` : '',
      spec.presets.length > 1 ? `${spec.presets.length} presets` : '',
    ].filter(Boolean);
    console.log(`sweep ${root}: ${spec.runs.length} runs (${axes.join(' × ')})`);
    if (bool(a, 'dry-run')) {
      for (const r of spec.runs) console.log(trainCommand(root, r, spec.trainArgs).map(shq).join(' '));
      return 0;
    }
    if (str(a, 'emit') === 'slurm') {
      const { file, tasks } = writeSlurmArray(root, spec, {
        cpusPerTask: num(a, 'cpus-per-task'),
        mem: str(a, 'mem'),
        time: str(a, 'time'),
        partition: str(a, 'partition'),
        maxParallel: num(a, 'max-parallel'),
        signalBefore: num(a, 'signal-before'),
      });
      console.log(`wrote ${file} (${tasks} array tasks; finished runs left out)\nsubmit: sbatch ${file}\nthen:   cfcml report ${root}`);
      return 0;
    }
    const jobs = num(a, 'jobs') ?? cfg.jobs ?? 1;
    if (jobs < 1) throw new CfcmlError(`--jobs must be ≥ 1, got ${jobs}`);
    const started = Date.now();
    let ended = 0;
    const outcomes = await runLocal(root, spec, {
      jobs,
      onEvent: (e) => {
        if (e.kind === 'end' && e.outcome) {
          ended++;
          const o = e.outcome;
          const what = o.status === 'skipped' ? 'already finished' : o.status === 'done' ? `done in ${o.seconds.toFixed(0)}s` : `FAILED (exit ${o.exitCode}; see ${path.join(root, o.run.dir, 'train.log')})`;
          console.log(`[${ended}/${spec.runs.length}] ${o.run.id}: ${what}`);
        }
      },
    });
    const failed = outcomes.filter((o) => o.status === 'failed');
    const trained = outcomes.filter((o) => o.status === 'done').length;
    console.log(
      `\n${trained} trained, ${outcomes.length - trained - failed.length} already finished, ${failed.length} failed; wall time ${((Date.now() - started) / 1000).toFixed(0)}s with --jobs ${jobs}`,
    );
    console.log(`report: cfcml report ${root}`);
    return failed.length > 0 ? 1 : 0;
  },
};
