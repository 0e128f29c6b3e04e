"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.umap = void 0;
/**
 * A seeded UMAP projection (McInnes et al. 2018) for plotting embeddings, wrapping umap-js. umap-js draws
 * from Math.random unless given a `random` function; here it draws from `Rng(seed)`, so a figure is
 * reproducible.
 */
const umap_js_1 = require("umap-js");
const random_1 = require("../util/random");
const errors_1 = require("../util/errors");
const measures_1 = require("./measures");
/** Project rows to `nComponents` dimensions (default 2). Returns one row per input row. */
function umap(data, opts) {
    if (!Number.isFinite(opts.seed))
        throw new errors_1.CfcmlError('umap needs a finite seed', { where: 'umap' });
    const rows = (0, measures_1.toRows)(data, 'umap').map((r) => Array.from(r));
    const N = rows.length;
    if (N < 3)
        throw new errors_1.CfcmlError(`umap needs at least 3 rows, got ${N}`, { where: 'umap' });
    const rng = new random_1.Rng(opts.seed);
    const model = new umap_js_1.UMAP({
        nComponents: opts.nComponents ?? 2,
        // umap-js needs nNeighbors < rows; small notebook batches are common, so cap rather than fail
        nNeighbors: Math.max(2, Math.min(opts.nNeighbors ?? 15, N - 1)),
        minDist: opts.minDist ?? 0.1,
        ...(opts.nEpochs !== undefined ? { nEpochs: opts.nEpochs } : {}),
        random: () => rng.next(),
    });
    return model.fit(rows);
}
exports.umap = umap;
//# sourceMappingURL=umap.js.map