import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createSweep, expandGrid, parsePresets, parseSeeds, parseVariants, readSweep, trainCommand } from '../../lib/experiments/sweep';
import { shq, slurmArrayScript, writeSlurmArray } from '../../lib/experiments/slurm';
import { executionOrder } from '../../lib/experiments/local';

test('parseSeeds: ranges and lists, sorted and distinct; bad text named', () => {
  assert.deepEqual(parseSeeds('1-5'), [1, 2, 3, 4, 5]);
  assert.deepEqual(parseSeeds('7,1-3,2'), [1, 2, 3, 7]);
  assert.throws(() => parseSeeds('1-x'), /'1-x' is not a seed/);
  assert.throws(() => parseSeeds('5-1'), /ends before it starts/);
});

test('parseVariants: full first, unknown refused, all = 13 (the 12 ablations and additive)', () => {
  assert.deepEqual(parseVariants('late-fusion,full,no-cie'), ['full', 'late-fusion', 'no-cie']);
  assert.equal(parseVariants('all').length, 13);
  assert.ok(parseVariants('all').includes('additive'));
  assert.throws(() => parseVariants('full,nope'), /unknown variant 'nope'/);
  assert.throws(() => parsePresets('cpu,huge'), /unknown preset 'huge'/);
});

test('expandGrid: cohort × preset × variant × seed, group labels only for axes with several values', () => {
  const one = expandGrid({ data: ['/d/a'], presets: ['tiny'], variants: ['full', 'no-cie'], seeds: [1, 2] });
  assert.deepEqual(one.map((r) => r.id), ['full/seed1', 'full/seed2', 'no-cie/seed1', 'no-cie/seed2']);
  assert.deepEqual(one.map((r) => r.index), [0, 1, 2, 3]);
  assert.equal(one[3].dir, path.join('runs', 'no-cie', 'seed2'));
  const two = expandGrid({ data: ['/d/a', '/e/a'], presets: ['tiny', 'cpu'], variants: ['full'], seeds: [3] });
  assert.deepEqual(two.map((r) => r.id), ['a1_tiny/full/seed3', 'a1_cpu/full/seed3', 'a2_tiny/full/seed3', 'a2_cpu/full/seed3']);
});

test('executionOrder: runs start seed by seed (all variants of seed 1 first), `only` respected', () => {
  const runs = expandGrid({ data: ['/d/a'], presets: ['tiny'], variants: ['full', 'no-cie', 'late-fusion'], seeds: [2, 1, 3] });
  const spec = { runs, seeds: [2, 1, 3] };
  assert.deepEqual(
    executionOrder(spec).map((r) => r.id),
    ['full/seed2', 'no-cie/seed2', 'late-fusion/seed2', 'full/seed1', 'no-cie/seed1', 'late-fusion/seed1', 'full/seed3', 'no-cie/seed3', 'late-fusion/seed3'],
  );
  const only = runs.filter((r) => r.variant !== 'no-cie').map((r) => r.index);
  assert.deepEqual(executionOrder(spec, only).map((r) => r.id), ['full/seed2', 'late-fusion/seed2', 'full/seed1', 'late-fusion/seed1', 'full/seed3', 'late-fusion/seed3']);
});

test('createSweep: sweep.json written, extended by union, a different budget refused', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-sweep-'));
  const data = path.join(root, 'cohort');
  fs.mkdirSync(data);
  const a = createSweep(path.join(root, 's'), { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1, 2], trainArgs: ['--epochs', '1'] });
  assert.equal(a.runs.length, 2);
  const b = createSweep(path.join(root, 's'), { data: [data], presets: ['tiny'], variants: ['late-fusion'], seeds: [2, 3], trainArgs: ['--epochs', '1'] });
  assert.deepEqual(b.variants, ['full', 'late-fusion']);
  assert.deepEqual(b.seeds, [1, 2, 3]);
  assert.equal(b.runs.length, 6);
  assert.deepEqual(readSweep(path.join(root, 's')), b);
  assert.throws(
    () => createSweep(path.join(root, 's'), { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1], trainArgs: ['--epochs', '2'] }),
    /started with train arguments \[--epochs 1\], now \[--epochs 2\]/,
  );
  assert.throws(() => createSweep(path.join(root, 't'), { data: [path.join(root, 'nope')], presets: ['tiny'], variants: ['full'], seeds: [1], trainArgs: [] }), /cohort folder not found/);
  assert.throws(() => readSweep(root), /not a sweep folder/);
});

test('trainCommand: absolute paths, --resume, the shared train arguments', () => {
  const [run] = expandGrid({ data: ['/d/a'], presets: ['tiny'], variants: ['no-mg'], seeds: [4] });
  const cmd = trainCommand('/sw', run, ['--epochs', '2']);
  assert.equal(cmd[0], process.execPath);
  assert.ok(path.isAbsolute(cmd[1]) && cmd[1].endsWith(path.join('bin', 'cfcml.js')));
  assert.deepEqual(cmd.slice(2), ['train', '--data', '/d/a', '--preset', 'tiny', '--variant', 'no-mg', '--seed', '4', '--out', '/sw/runs/no-mg/seed4', '--progress', 'line', '--resume', '--epochs', '2']);
});

test('SLURM array: one task per unfinished run, resources, absolute output path, same train command', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-slurm-'));
  const data = path.join(root, 'cohort');
  fs.mkdirSync(data);
  const spec = createSweep(path.join(root, 's'), { data: [data], presets: ['tiny'], variants: ['full', 'late-fusion'], seeds: [1, 2], trainArgs: ['--epochs', '1'] });
  // One run has finished: it is left out of the array.
  fs.mkdirSync(path.join(root, 's', spec.runs[1].dir), { recursive: true });
  fs.writeFileSync(path.join(root, 's', spec.runs[1].dir, 'metrics.json'), '{}');
  const { script, runs } = slurmArrayScript(path.join(root, 's'), spec, { cpusPerTask: 1, mem: '2G', time: '01:00:00', partition: 'cpu', maxParallel: 2 });
  assert.deepEqual(runs, [0, 2, 3]);
  assert.match(script, /^#!\/bin\/bash\n/);
  assert.match(script, /\n#SBATCH --array=0-2%2\n/);
  assert.match(script, /\n#SBATCH --cpus-per-task=1\n#SBATCH --mem=2G\n#SBATCH --time=01:00:00\n#SBATCH --partition=cpu\n/);
  assert.ok(script.includes(`#SBATCH --output=${path.join(root, 's', 'slurm')}/out-%A_%a.txt`));
  // Preemption: requeueable, USR1 to the batch shell before the time limit, output of every attempt kept.
  assert.match(script, /\n#SBATCH --requeue\n#SBATCH --signal=B:USR1@300\n/);
  assert.match(script, /\n#SBATCH --open-mode=append\n/);
  assert.match(script, /\ntrap 'stop=USR1; kill -TERM "\$pid" 2>\/dev\/null' USR1\n/);
  assert.match(script, /\n {4}scontrol requeue "\$\{SLURM_ARRAY_JOB_ID\}_\$\{SLURM_ARRAY_TASK_ID\}"\n/);
  assert.match(slurmArrayScript(path.join(root, 's'), spec, { signalBefore: 90 }).script, /\n#SBATCH --signal=B:USR1@90\n/);
  assert.throws(() => slurmArrayScript(path.join(root, 's'), spec, { signalBefore: 0 }), /--signal-before must be a whole number of seconds ≥ 1, got 0/);
  const task1 = script.split('\n').find((l) => l.trimStart().startsWith('1) '))!;
  assert.ok(task1.includes(trainCommand(path.join(root, 's'), spec.runs[2], spec.trainArgs).map(shq).join(' ')), task1);
  assert.ok(task1.endsWith('# late-fusion/seed1'));
  const { file, tasks } = writeSlurmArray(path.join(root, 's'), spec);
  assert.equal(tasks, 3);
  assert.ok(fs.existsSync(file));
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(root, 's', 'slurm', 'tasks.json'), 'utf8')).map((t: { run: number }) => t.run), [0, 2, 3]);
  assert.equal(shq("it's"), `'it'\\''s'`);
});
