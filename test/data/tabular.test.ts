import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DERM7PT, MEN } from '../../lib/data/datasets';
import { TabularEncoder } from '../../lib/data';
import type { CaseRecord } from '../../lib/data/types';
import { CfcmlError } from '../../lib/util/errors';

function menCase(id: string, split: 'train' | 'test', age: number, location = 'convexity'): CaseRecord {
  return {
    id,
    split,
    label: 0,
    imagePaths: [],
    tabular: { location, sex: 'male', age, adc: 1, tumour_area: 10, oedema_area: 5 },
    source: `clinical.csv row ${id}`,
  };
}

test('numeric fields are standardised with train statistics only; categorical give level indices', () => {
  const train = [menCase('a', 'train', 40), menCase('b', 'train', 60, 'skull base')];
  const enc = TabularEncoder.fit(MEN, train);
  assert.deepEqual(enc.inputSpec(), [{ kind: 'categorical', levels: 5, missing: true }, { kind: 'categorical', levels: 2, missing: true }, ...[0, 1, 2, 3].map(() => ({ kind: 'numeric', missing: true }))]);
  const test1 = [menCase('c', 'test', 70, 'intraventricular')];
  // age mean 50, std 10 (population std over the train cases) → (70 − 50) / 10 = 2; constant fields → 0
  assert.deepEqual([...enc.encode(test1)], [4, 1, 2, 0, 0, 0]);
  assert.equal(enc.oneHotWidth, 5 + 2 + 4);
  assert.deepEqual([...enc.oneHot(test1)], [0, 0, 0, 0, 1, 0, 1, 2, 0, 0, 0]);
  const back = TabularEncoder.fromJSON(MEN, JSON.parse(JSON.stringify(enc.toJSON())));
  assert.deepEqual([...back.encode(test1)], [...enc.encode(test1)]);
});

test('exclude drops a field everywhere; unknown category and NaN are named', () => {
  const c: CaseRecord = {
    id: '9',
    split: 'train',
    label: 1,
    imagePaths: [],
    tabular: { difficulty: 'high', elevation: 'nodular', location: 'acral', sex: 'male', management: 'excision' },
    source: 'meta.csv row 11',
  };
  const enc = TabularEncoder.fit(DERM7PT, [c], { exclude: ['management'] });
  assert.deepEqual(enc.fields.map((f) => f.name), ['difficulty', 'elevation', 'location', 'sex']);
  assert.deepEqual([...enc.encode([c])], [2, 2, 7, 1]);
  assert.equal(enc.oneHotWidth, 17);
  assert.throws(() => TabularEncoder.fit(DERM7PT, [c], { exclude: ['managment'] }), /unknown tabular field 'managment'/);
  const bad = { ...c, tabular: { ...c.tabular, location: 'elbow' } };
  assert.throws(() => enc.encode([bad]), (e: unknown) => e instanceof CfcmlError && /meta\.csv row 11/.test(e.message) && /column 'location'/.test(e.message) && /'elbow'/.test(e.message));
  const nan = menCase('x', 'train', NaN);
  assert.throws(() => TabularEncoder.fit(MEN, [nan]), (e: unknown) => e instanceof CfcmlError && /column 'age'/.test(e.message) && /NaN/.test(e.message));
});
