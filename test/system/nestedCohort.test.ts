/**
 * `cfcml synth derm7pt --nested` at scales 1 and 4, written to disk: every test case has the same id,
 * record, image bytes and oracle row at both scales, and every scale-1 training case (record and image bytes)
 * is in scale 4's training set. About a minute: it renders both cohorts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthDerm7pt } from '../../lib/synth/derm7pt';
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
