/**
 * `cfcml synth derm7pt --nested` at scales 1 and 4, written to disk: every test case has the same id,
 * record, image bytes and oracle row at both scales, and every scale-1 training case (record and image bytes)
 * is in scale 4's training set. About a minute: it renders both cohorts. The same for `cfcml synth men
 * --nested` at scales 0.1 and 0.2 (small volumes, so that it takes seconds).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthDerm7pt } from '../../lib/synth/derm7pt';
import { synthMen } from '../../lib/synth/men';
import { MEN } from '../../lib/data/datasets';
import { MEN_SPLIT_DIRS } from '../../lib/data/men';
import { parseCsv } from '../../lib/util/csv';

function cohort(root: string) {
  const meta = parseCsv(fs.readFileSync(path.join(root, 'meta', 'meta.csv'), 'utf8'), 'meta.csv').rows;
  const split = (s: string) => parseCsv(fs.readFileSync(path.join(root, 'meta', `${s}_indexes.csv`), 'utf8'), s).rows.map((r) => Number(r.indexes));
  const oracle = new Map(parseCsv(fs.readFileSync(path.join(root, 'oracle.csv'), 'utf8'), 'oracle.csv').rows.map((r) => [r.case_num, JSON.stringify(r)]));
  const hash = (rel: string) => createHash('sha256').update(fs.readFileSync(path.join(root, 'images', rel))).digest('hex');
  return { meta, split, oracle, hash };
}

test('synth --nested: scale 1 and scale 4 share every test case (ids, record, pixels, oracle) and scale 1 training is inside scale 4', { timeout: 600_000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nested-'));
  try {
    await synthDerm7pt({ out: path.join(tmp, 'n1'), seed: 1, scale: 1, nested: { validScale: 2 } });
    await synthDerm7pt({ out: path.join(tmp, 'n4'), seed: 1, scale: 4, nested: { validScale: 2 } });
    const a = cohort(path.join(tmp, 'n1'));
    const b = cohort(path.join(tmp, 'n4'));
    for (const s of ['test', 'valid']) {
      assert.deepEqual(a.split(s), b.split(s), `${s} indexes`);
      for (const i of a.split(s)) {
        assert.deepEqual(a.meta[i], b.meta[i], `${s} row ${i}`);
        assert.equal(a.hash(a.meta[i].derm), b.hash(b.meta[i].derm), `${s} row ${i} derm pixels`);
        assert.equal(a.hash(a.meta[i].clinic), b.hash(b.meta[i].clinic), `${s} row ${i} clinic pixels`);
        if (a.oracle.has(a.meta[i].case_num)) assert.equal(a.oracle.get(a.meta[i].case_num), b.oracle.get(b.meta[i].case_num), `oracle row ${a.meta[i].case_num}`);
      }
    }
    const key = (c: Record<string, string>, h: (rel: string) => string) => {
      const { case_num: _n, clinic: _c, derm: _d, case_id: _i, notes: _x, ...rest } = c;
      return JSON.stringify(rest) + h(c.derm) + h(c.clinic);
    };
    const big = new Set(b.split('train').map((i) => key(b.meta[i], b.hash)));
    const small = a.split('train');
    assert.equal(small.length, 413);
    assert.equal(b.split('train').length, 1652);
    for (const i of small) assert.ok(big.has(key(a.meta[i], a.hash)), `scale-1 training row ${i} is in scale 4`);
    const j1 = JSON.parse(fs.readFileSync(path.join(tmp, 'n1', 'cohort.json'), 'utf8'));
    assert.deepEqual(j1.layout, { nested: true, validScale: 2 });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

/** A written MEN cohort: clinical rows by id, oracle rows by id, and per split the patients' folders with their volumes' hashes. */
function menCohort(root: string) {
  const clinical = new Map(parseCsv(fs.readFileSync(path.join(root, 'clinical.csv'), 'utf8'), 'clinical.csv').rows.map((r) => [r.id, r]));
  const oracle = new Map(parseCsv(fs.readFileSync(path.join(root, 'oracle.csv'), 'utf8'), 'oracle.csv').rows.map((r) => [r.patient_id, r]));
  const patients = (split: 'train' | 'valid' | 'test') => {
    const dir = path.join(root, MEN_SPLIT_DIRS[split][0]);
    return MEN.classes.flatMap((cls) =>
      (fs.existsSync(path.join(dir, cls)) ? fs.readdirSync(path.join(dir, cls)).sort() : []).map((id) => ({
        id,
        cls,
        voxels: MEN.imageModalities.map((m) => createHash('sha256').update(fs.readFileSync(path.join(dir, cls, id, m.file ?? `${m.name}.nii.gz`))).digest('hex')).join(','),
      })),
    );
  };
  return { clinical, oracle, patients };
}

test('synth men --nested: scale 0.1 and scale 0.2 share every test and validation patient (id, clinical row, voxel bytes, oracle row); scale 0.1 training is inside scale 0.2', { timeout: 600_000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nested-men-'));
  try {
    const size = [6, 20, 20] as const;
    await synthMen({ out: path.join(tmp, 'a'), seed: 1, scale: 0.1, size, nested: { validScale: 0.5 } });
    await synthMen({ out: path.join(tmp, 'b'), seed: 1, scale: 0.2, size, nested: { validScale: 0.5 } });
    const a = menCohort(path.join(tmp, 'a'));
    const b = menCohort(path.join(tmp, 'b'));
    for (const split of ['test', 'valid'] as const) {
      const pa = a.patients(split);
      assert.equal(pa.length, split === 'test' ? 108 : 27, split);
      assert.deepEqual(b.patients(split), pa, `${split}: the same patients, folders and voxel bytes`);
      for (const p of pa) {
        assert.deepEqual(b.clinical.get(p.id), a.clinical.get(p.id), `clinical row of ${p.id}`);
        assert.deepEqual(b.oracle.get(p.id), a.oracle.get(p.id), `oracle row of ${p.id}`);
      }
    }
    // Training ids are positions in the plan, so compare content: the class, clinical fields and voxel bytes.
    const key = (c: ReturnType<typeof menCohort>, p: { id: string; cls: string; voxels: string }) => {
      const { id: _id, ...fields } = c.clinical.get(p.id)!;
      return `${p.cls}|${JSON.stringify(fields)}|${p.voxels}`;
    };
    const small = a.patients('train');
    const big = new Set(b.patients('train').map((p) => key(b, p)));
    assert.equal(small.length, 20);
    assert.equal(big.size, 39);
    for (const p of small) assert.ok(big.has(key(a, p)), `scale-0.1 training patient ${p.id} is in scale 0.2`);
    const j = JSON.parse(fs.readFileSync(path.join(tmp, 'b', 'cohort.json'), 'utf8'));
    assert.deepEqual(j.layout, { nested: true, validScale: 0.5 });
    const oracleTest = (root: string) => JSON.parse(fs.readFileSync(path.join(root, 'cohort.json'), 'utf8')).oracleAuc.test;
    assert.deepEqual(oracleTest(path.join(tmp, 'a')), oracleTest(path.join(tmp, 'b')), 'the test oracle AUCs in cohort.json');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
