import * as path from 'path';
import { createSweep, parsePresets, parseSeeds, parseVariants, runLocal, trainCommand, writeSlurmArray } from '../../experiments';
import { shq, SLURM_SIGNAL_BEFORE } from '../../experiments/slurm';
import { parsePresetOverrides } from '../../train/config';
import { CfcmlError } from '../../util/errors';
import { bool, num, str, type CommandSpec } from '../args';

export const sweepCommand: CommandSpec = {
  name: 'sweep',
  summary: 'train a grid (cohorts × presets × variants × seeds) with one budget, locally (--jobs N) or as a SLURM array',
  options: [
    { name: 'data', type: 'string', required: true, metavar: '<dir[,dir…]>', help: 'cohort folder(s); several make a cohort axis' },
    { name: 'out', type: 'string', required: true, metavar: '<dir>', help: 'sweep folder (sweep.json, runs/, report/); given again, it resumes or extends the grid' },
    { name: 'variants', type: 'string', default: 'full', metavar: '<list>', help: "comma list of variants, or 'all'" },
    { name: 'seeds', type: 'string', default: '1-5', metavar: '<list>', help: 'training seeds: 1-5, 1,2,3 or 1-3,7' },
    { name: 'preset', type: 'string', default: 'cpu', metavar: '<list>', help: 'preset(s): paper, cpu, tiny; several make a preset axis' },
    { name: 'jobs', type: 'integer', default: 1, help: 'runs at once on this machine (each a child process with one wasm thread)' },
    { name: 'emit', type: 'string', choices: ['local', 'slurm'], default: 'local', help: "'local' runs the grid here; 'slurm' writes <out>/slurm/array.sbatch and runs nothing" },
    { name: 'epochs', type: 'integer', help: 'cfcml train --epochs for every run' },
    { name: 'batch-size', type: 'integer', help: 'cfcml train --batch-size for every run' },
    { name: 'lr', type: 'number', help: 'cfcml train --lr for every run' },
    { name: 'image-size', type: 'integer', help: 'cfcml train --image-size for every run' },
    { name: 'exclude', type: 'string', metavar: '<fields>', help: 'cfcml train --exclude for every run' },
    { name: 'set', type: 'string', metavar: '<k=v,…>', help: 'cfcml train --set for every run (other preset fields)' },
    { name: 'dataset', type: 'string', choices: ['derm7pt', 'men'], help: 'cfcml train --dataset for every run' },
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
    '  cfcml report runs/ablation',
  async run(a) {
    const trainArgs: string[] = [];
    for (const k of ['epochs', 'batch-size', 'lr', 'image-size']) if (a.options[k] !== undefined) trainArgs.push(`--${k}`, String(num(a, k)));
    if (a.options.set !== undefined) parsePresetOverrides(str(a, 'set')!); // refuse a bad --set before any run starts
    for (const k of ['exclude', 'dataset', 'set']) if (a.options[k] !== undefined) trainArgs.push(`--${k}`, str(a, k)!);
    const root = path.resolve(str(a, 'out')!);
    const spec = createSweep(root, {
      data: str(a, 'data')!.split(',').map((s) => s.trim()).filter(Boolean),
      presets: parsePresets(str(a, 'preset')!),
      variants: parseVariants(str(a, 'variants')!),
      seeds: parseSeeds(str(a, 'seeds')!),
      trainArgs,
    });
    console.log(`sweep ${root}: ${spec.runs.length} runs (${spec.variants.length} variants × ${spec.seeds.length} seeds${spec.data.length > 1 ? ` × ${spec.data.length} cohorts` : ''}${spec.presets.length > 1 ? ` × ${spec.presets.length} presets` : ''})`);
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
    const jobs = num(a, 'jobs')!;
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
