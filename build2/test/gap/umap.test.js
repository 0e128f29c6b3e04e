"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The seeded UMAP helper: reproducible for a seed, different for another, and faithful enough to keep two
 * well-separated clusters apart.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const gap_1 = require("../../lib/gap");
const random_1 = require("../../lib/util/random");
function randomRows(rng, N, D, shift = []) {
    return Array.from({ length: N }, () => Array.from({ length: D }, (_, k) => rng.normal() + (shift[k] ?? 0)));
}
(0, node_test_1.test)('umap: seeded and reproducible, keeps separated clusters apart', () => {
    const rng = new random_1.Rng(5);
    const data = [...randomRows(rng, 20, 8), ...randomRows(rng, 20, 8, [8, 8, 8, 8, 8, 8, 8, 8])];
    const a = (0, gap_1.umap)(data, { seed: 42, nEpochs: 100, nNeighbors: 8 });
    const b = (0, gap_1.umap)(data, { seed: 42, nEpochs: 100, nNeighbors: 8 });
    const c = (0, gap_1.umap)(data, { seed: 43, nEpochs: 100, nNeighbors: 8 });
    strict_1.default.equal(a.length, 40);
    strict_1.default.equal(a[0].length, 2);
    strict_1.default.deepEqual(a, b);
    strict_1.default.notDeepEqual(a, c);
    // every point's nearest neighbour in the projection is from its own cluster
    for (let i = 0; i < 40; i++) {
        let best = -1;
        let bestD = Infinity;
        for (let j = 0; j < 40; j++) {
            if (j === i)
                continue;
            const d = (a[i][0] - a[j][0]) ** 2 + (a[i][1] - a[j][1]) ** 2;
            if (d < bestD) {
                bestD = d;
                best = j;
            }
        }
        strict_1.default.equal(best < 20, i < 20, `point ${i}'s nearest neighbour ${best} is in the other cluster`);
    }
    // small batches: nNeighbors is capped at rows − 1
    strict_1.default.equal((0, gap_1.umap)(data.slice(0, 5), { seed: 1, nEpochs: 20 }).length, 5);
});
//# sourceMappingURL=umap.test.js.map