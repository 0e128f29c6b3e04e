/**
 * The seeded UMAP helper: reproducible for a seed, different for another, and faithful enough to keep two
 * well-separated clusters apart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { umap } from '../../lib/gap';
import { Rng } from '../../lib/util/random';

function randomRows(rng: Rng, N: number, D: number, shift: number[] = []): number[][] {
  return Array.from({ length: N }, () => Array.from({ length: D }, (_, k) => rng.normal() + (shift[k] ?? 0)));
}

test('umap: seeded and reproducible, keeps separated clusters apart', () => {
  const rng = new Rng(5);
  const data = [...randomRows(rng, 20, 8), ...randomRows(rng, 20, 8, [8, 8, 8, 8, 8, 8, 8, 8])];
  const a = umap(data, { seed: 42, nEpochs: 100, nNeighbors: 8 });
  const b = umap(data, { seed: 42, nEpochs: 100, nNeighbors: 8 });
  const c = umap(data, { seed: 43, nEpochs: 100, nNeighbors: 8 });
  assert.equal(a.length, 40);
  assert.equal(a[0].length, 2);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  // every point's nearest neighbour in the projection is from its own cluster
  for (let i = 0; i < 40; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < 40; j++) {
      if (j === i) continue;
      const d = (a[i][0] - a[j][0]) ** 2 + (a[i][1] - a[j][1]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    assert.equal(best < 20, i < 20, `point ${i}'s nearest neighbour ${best} is in the other cluster`);
  }
  // small batches: nNeighbors is capped at rows − 1
  assert.equal(umap(data.slice(0, 5), { seed: 1, nEpochs: 20 }).length, 5);
});
