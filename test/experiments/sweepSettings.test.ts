import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkSettings, createSweep, expandGrid, parseSeeds, parseVariants, readSweep, runTrainArgs, trainCommand } from '../../lib/experiments/sweep';
import { readSweepConfig } from '../../lib/experiments/sweepConfig';
import { CfcmlError } from '../../lib/util/errors';

const SETTINGS = [
  { name: 'base', set: 'model.tokenNorm=false' },
  { name: 'lr1e-3', set: 'lr=1e-3', variants: ['full'] },
];

test('expandGrid with named settings: setting × variant × seed, the setting names the group and the folder', () => {
  const runs = expandGrid({ data: ['/d/a'], presets: ['cpu'], variants: ['full', 'late-fusion'], seeds: [101, 102], settings: SETTINGS });
  assert.deepEqual(runs.map((r) => r.id), [
    'base/full/seed101',
    'base/full/seed102',
    'base/late-fusion/seed101',
    'base/late-fusion/seed102',
    'lr1e-3/full/seed101', // a setting with its own variants trains only those
    'lr1e-3/full/seed102',
  ]);
  assert.deepEqual(runs.map((r) => r.index), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual([...new Set(runs.map((r) => r.group))], ['base', 'lr1e-3']);
  assert.equal(runs[4].dir, path.join('runs', 'lr1e-3', 'full', 'seed101'));
  assert.deepEqual([runs[4].setting, runs[4].set], ['lr1e-3', 'lr=1e-3']);
  // With a preset axis too, the group joins the labels: preset, then setting.
  const two = expandGrid({ data: ['/d/a'], presets: ['tiny', 'cpu'], variants: ['full'], seeds: [1], settings: [SETTINGS[0]] });
  assert.deepEqual(two.map((r) => r.id), ['tiny_base/full/seed1', 'cpu_base/full/seed1']);
  // No settings: the grid, ids and run objects are those of a sweep without the axis.
  const plain = expandGrid({ data: ['/d/a'], presets: ['cpu'], variants: ['full'], seeds: [1], settings: [] });
  assert.deepEqual(plain, [{ index: 0, id: 'full/seed1', group: '', data: '/d/a', preset: 'cpu', variant: 'full', seed: 1, dir: path.join('runs', 'full', 'seed1') }]);
});

test("a run's train arguments: its setting joins the shared --set (the setting's value wins) or is added", () => {
  assert.deepEqual(runTrainArgs({}, ['--epochs', '2']), ['--epochs', '2']);
  assert.deepEqual(runTrainArgs({ set: 'lr=1e-3' }, ['--epochs', '2']), ['--epochs', '2', '--set', 'lr=1e-3']);
  assert.deepEqual(runTrainArgs({ set: 'lr=1e-3' }, ['--set', 'epochs=40,lr=5e-4', '--exclude', 'none']), ['--set', 'epochs=40,lr=5e-4,lr=1e-3', '--exclude', 'none']);
  const [run] = expandGrid({ data: ['/d/a'], presets: ['cpu'], variants: ['full'], seeds: [101], settings: [SETTINGS[1]] });
  const cmd = trainCommand('/sw', run, ['--set', 'epochs=40,patience=0']);
  assert.deepEqual(cmd.slice(cmd.indexOf('--out')), ['--out', '/sw/runs/lr1e-3/full/seed101', '--progress', 'line', '--resume', '--set', 'epochs=40,patience=0,lr=1e-3']);
});

test('checkSettings: folder-safe unique names, a --set that parses, known variants', () => {
  assert.deepEqual(checkSettings([{ name: 'a', set: 'lr=1e-3', variants: 'late-fusion,full' }]), [{ name: 'a', set: 'lr=1e-3', variants: ['full', 'late-fusion'] }]);
  assert.throws(() => checkSettings([{ name: 'a/b', set: 'lr=1e-3' }]), /name "a\/b" must be letters/);
  assert.throws(() => checkSettings([{ name: 'a', set: 'lr=1' }, { name: 'a', set: 'lr=2' }]), /'a' is given twice/);
  assert.throws(() => checkSettings([{ name: 'a', set: 'learningRate=1' }]), /unknown preset field 'learningRate'/);
  assert.throws(() => checkSettings([{ name: 'a', set: 'lr=1', variants: ['nope'] }]), /unknown variant 'nope'/);
});

test('createSweep with settings: recorded in sweep.json, extended by new settings, a changed setting refused', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-sweep-settings-'));
  const data = path.join(root, 'cohort');
  fs.mkdirSync(data);
  const dir = path.join(root, 's');
  const a = createSweep(dir, { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1], settings: [SETTINGS[0]], trainArgs: [] });
  assert.deepEqual(a.settings, [SETTINGS[0]]);
  assert.deepEqual(readSweep(dir), a);
  const b = createSweep(dir, { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1, 2], settings: [SETTINGS[1]], trainArgs: [] });
  assert.deepEqual(b.settings?.map((s) => s.name), ['base', 'lr1e-3']);
  assert.deepEqual(b.runs.map((r) => r.id), ['base/full/seed1', 'base/full/seed2', 'lr1e-3/full/seed1', 'lr1e-3/full/seed2']);
  assert.throws(
    () => createSweep(dir, { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1], settings: [{ name: 'base', set: 'model.tokenNorm=true' }], trainArgs: [] }),
    /setting 'base' was .*model\.tokenNorm=false.* now .*model\.tokenNorm=true/,
  );
  // A sweep without settings stays without them (its runs would leave the grid).
  const plain = path.join(root, 'p');
  createSweep(plain, { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1], trainArgs: [] });
  assert.equal(readSweep(plain).settings, undefined);
  assert.throws(() => createSweep(plain, { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1], settings: [SETTINGS[0]], trainArgs: [] }), /settings cannot be added/);
});

test('readSweepConfig: the grid from a JSON file, both forms of settings; every problem names the file and key', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-sweep-config-'));
  const write = (name: string, o: unknown) => {
    const f = path.join(root, name);
    fs.writeFileSync(f, typeof o === 'string' ? o : JSON.stringify(o));
    return f;
  };
  const cfg = readSweepConfig(
    write('a.json', { about: 'x', data: 'data/c', out: 'runs/t', variants: ['full', 'no-hrm'], seeds: '101-103', preset: 'cpu', set: 'epochs=30', settings: SETTINGS, jobs: 2 }),
  );
  assert.deepEqual(cfg, { data: ['data/c'], out: 'runs/t', variants: 'full,no-hrm', seeds: '101-103', preset: 'cpu', set: 'epochs=30', settings: SETTINGS, jobs: 2 });
  assert.deepEqual(readSweepConfig(write('b.json', { settings: { base: 'lr=5e-4', fast: 'lr=1e-3' } })).settings, [
    { name: 'base', set: 'lr=5e-4' },
    { name: 'fast', set: 'lr=1e-3' },
  ]);
  const refuses = (o: unknown, re: RegExp) =>
    assert.throws(() => readSweepConfig(write('bad.json', o)), (e: unknown) => e instanceof CfcmlError && re.test(e.message) && e.message.includes('bad.json'));
  refuses({ varients: 'full' }, /unknown key "varients"/);
  refuses({ set: 'epochs=-1' }, /--set epochs: expected a whole number/);
  refuses({ settings: [{ name: 'x', set: 'lr=1' }, 3] }, /setting 1: expected/);
  refuses({ jobs: 0 }, /"jobs" must be a whole number ≥ 1/);
  assert.equal(readSweepConfig(write('t.json', { test: false })).test, false);
  refuses({ test: 'no' }, /"test" must be true or false, got "no"/);
  refuses('{ not json', /not valid JSON/);
  assert.throws(() => readSweepConfig(path.join(root, 'none.json')), /sweep file not found/);
});

test('the tuning grids of scripts/records/tuning are valid sweep files', () => {
  const dir = path.join(__dirname, '../../../scripts/records/tuning');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 3, files.join(', '));
  for (const f of files) {
    const cfg = readSweepConfig(path.join(dir, f));
    assert.ok(cfg.data?.length && cfg.out && cfg.seeds, `${f}: data, out and seeds`);
    const seeds = parseSeeds(cfg.seeds!);
    assert.ok(seeds.every((sd) => sd >= 101 && sd <= 105), `${f}: tuning seeds only (101-105), never the reporting seeds (1-5)`);
    const runs = expandGrid({ data: cfg.data!, presets: [cfg.preset ?? 'cpu'], variants: parseVariants(cfg.variants ?? 'full'), seeds, settings: cfg.settings });
    assert.ok(runs.length > 0, f);
  }
});
