/**
 * A seeded UMAP projection (McInnes et al. 2018) for plotting embeddings, wrapping umap-js. umap-js draws
 * from Math.random unless given a `random` function; here it draws from `Rng(seed)`, so a figure is
 * reproducible.
 */
import { UMAP } from 'umap-js';
import { Rng } from '../util/random';
import { CfcmlError } from '../util/errors';
import { toRows } from './measures';
import type { Embeddings } from './measures';

export interface UmapOptions {
  /** Seed of every random draw (initialisation, negative sampling). Required: figures must be reproducible. */
  seed: number;
  /** Size of the local neighbourhood. Default 15 (umap-js and umap-learn); capped at rows − 1. */
  nNeighbors?: number;
  /** How tightly points may pack. Default 0.1 (umap-js default). */
  minDist?: number;
  /** Optimisation epochs. Default: umap-js's choice (500 below 10,000 rows, else 200). */
  nEpochs?: number;
  /** Output dimensions. Default 2. */
  nComponents?: number;
}

/** Project rows to `nComponents` dimensions (default 2). Returns one row per input row. */
export function umap(data: Embeddings, opts: UmapOptions): number[][] {
  if (!Number.isFinite(opts.seed)) throw new CfcmlError('umap needs a finite seed', { where: 'umap' });
  const rows = toRows(data, 'umap').map((r) => Array.from(r));
  const N = rows.length;
  if (N < 3) throw new CfcmlError(`umap needs at least 3 rows, got ${N}`, { where: 'umap' });
  const rng = new Rng(opts.seed);
  const model = new UMAP({
    nComponents: opts.nComponents ?? 2,
    // umap-js needs nNeighbors < rows; small notebook batches are common, so cap rather than fail
    nNeighbors: Math.max(2, Math.min(opts.nNeighbors ?? 15, N - 1)),
    minDist: opts.minDist ?? 0.1,
    ...(opts.nEpochs !== undefined ? { nEpochs: opts.nEpochs } : {}),
    random: () => rng.next(),
  });
  return model.fit(rows);
}
