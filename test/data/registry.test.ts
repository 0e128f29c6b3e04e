import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCohort } from '../../lib/data/cohort';
import { DATASET_KEYS, DATASET_REGISTRY, detectDataset, getDataset } from '../../lib/data/registry';
import { getSynth, SYNTH_DATASET_KEYS } from '../../lib/synth/registry';
import { COMMANDS } from '../../lib/cli/registry';

test('each registry key is its spec name; the CLI offers exactly the registry keys', () => {
  for (const k of DATASET_KEYS) assert.equal(DATASET_REGISTRY[k].spec.name, k);
  assert.deepEqual(DATASET_KEYS, ['derm7pt', 'men']);
  for (const name of ['train', 'audit', 'inspect']) {
    const opt = COMMANDS.find((c) => c.name === name)!.options.find((o) => o.name === 'dataset')!;
    assert.deepEqual(opt.choices, DATASET_KEYS, `cfcml ${name} --dataset`);
  }
  assert.deepEqual(COMMANDS.find((c) => c.name === 'synth')!.positionals![0].choices, SYNTH_DATASET_KEYS);
  assert.throws(() => getDataset('isic'), /unknown dataset 'isic'; known: derm7pt, men/);
  assert.equal(getDataset('DERM7PT').spec.name, 'derm7pt');
  assert.deepEqual(SYNTH_DATASET_KEYS, ['derm7pt', 'men']);
  assert.equal(getSynth('MEN').unit, 'patients');
  assert.throws(() => getSynth('isic'), /no synthetic generator for dataset 'isic'; known: derm7pt, men/);
});

test('layout detection: the committed mini Derm7pt folder, its parent as release_v0, and a folder of neither', async () => {
  const mini = path.join(__dirname, '../../../test/fixtures/equivalence/derm7pt');
  assert.equal(detectDataset(mini), 'derm7pt');
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-reg-'));
  fs.symlinkSync(mini, path.join(parent, 'release_v0'));
  assert.equal(detectDataset(parent), undefined);
  const c = await loadCohort(parent);
  assert.equal(c.spec.name, 'derm7pt');
  assert.equal(c.root, path.join(parent, 'release_v0'));
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-reg-'));
  await assert.rejects(loadCohort(empty), /cannot tell the dataset from the layout \(derm7pt: meta\/meta.csv.*men: train\|val\|test/);
});
