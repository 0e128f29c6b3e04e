"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.gapReport = exports.pairwiseMeasure = exports.uniformity = exports.alignment = exports.relativeModalityGap = exports.relativeCentroidGap = exports.centroidGap = exports.gapVector = exports.normalizeRows = exports.toRows = void 0;
/**
 * Modality-gap measures over embedding matrices with paired rows (row i of every modality is case i).
 * Plain JS (float64), no tfjs. Every measure L2-normalises the rows first, as the papers do.
 *
 * - Centroid gap (Liang et al. 2022, "Mind the Gap: Understanding the Modality Gap in Multi-modal
 *   Contrastive Representation Learning", NeurIPS, §4.2): Δ = mean_i x̂_i − mean_i ŷ_i; the gap is ‖Δ‖.
 * - Relative modality gap, RMG (Schrodi et al. 2025, "Two Effects, One Trigger: On the Modality Gap,
 *   Object Bias, and Information Imbalance in Contrastive Vision-Language Models", ICLR). With the cosine
 *   dissimilarity d(u, v) = (1 − cos(u, v)) / 2 ∈ [0, 1],
 *     RMG = mean_i d(x_i, y_i) / ( [1 / (2N(N−1))] Σ_{i≠j} [d(x_i, x_j) + d(y_i, y_j)] + mean_i d(x_i, y_i) ),
 *   the distance between paired embeddings relative to the spread within each modality; 0 when the
 *   modalities coincide, towards 1 when each modality collapses to a point far from the other.
 *   This is the authors' `compute_rmg` (github lmb-freiburg/two-effects-one-trigger,
 *   analysis/gap_precompute.py) for one-to-one pairs, except that they floor the paired term at 1e-3
 *   and we do not (so identical modalities give exactly 0).
 * - Relative centroid gap (ours, simpler to explain): ‖Δ‖ / the mean distance of a normalised embedding
 *   to its own modality's centroid, averaged over both modalities.
 * - Alignment and uniformity (Wang & Isola 2020, "Understanding Contrastive Representation Learning
 *   through Alignment and Uniformity on the Hypersphere", ICML, eqs. 4–5):
 *     alignment = mean_i ‖x̂_i − ŷ_i‖^α (α = 2),  uniformity = log mean_{i<j} exp(−t ‖x̂_i − x̂_j‖²) (t = 2).
 * For M > 2 modalities each pairwise measure gives an M×M matrix and the mean over pairs i < j
 * (`pairwiseMeasure`, `gapReport`).
 */
const errors_1 = require("../util/errors");
/** Rows as Float64Arrays, checked. */
function toRows(x, where = 'gap') {
    let rows;
    if (Array.isArray(x)) {
        rows = x.map((r) => Float64Array.from(r));
    }
    else {
        const { data, rows: n, cols } = x;
        if (data.length !== n * cols)
            throw new errors_1.CfcmlError(`data has ${data.length} values, expected ${n}×${cols}`, { where });
        rows = Array.from({ length: n }, (_, i) => Float64Array.from(Array.prototype.slice.call(data, i * cols, (i + 1) * cols)));
    }
    if (rows.length === 0)
        throw new errors_1.CfcmlError('no rows', { where });
    const D = rows[0].length;
    if (D === 0)
        throw new errors_1.CfcmlError('rows have no columns', { where });
    rows.forEach((r, i) => {
        if (r.length !== D)
            throw new errors_1.CfcmlError(`row ${i} has ${r.length} values, expected ${D}`, { where });
        if (!r.every(Number.isFinite))
            throw new errors_1.CfcmlError(`row ${i} has a non-finite value`, { where });
    });
    return rows;
}
exports.toRows = toRows;
/** Rows scaled to unit length (a zero row stays zero, as torch's F.normalize). */
function normalizeRows(x) {
    return toRows(x).map((r) => {
        const n = Math.max(Math.hypot(...r), 1e-12);
        return r.map((v) => v / n);
    });
}
exports.normalizeRows = normalizeRows;
const dot = (a, b) => a.reduce((s, v, k) => s + v * b[k], 0);
const sqDist = (a, b) => a.reduce((s, v, k) => s + (v - b[k]) ** 2, 0);
function mean(rows) {
    const m = new Float64Array(rows[0].length);
    for (const r of rows)
        r.forEach((v, k) => (m[k] += v / rows.length));
    return m;
}
function paired(a, b, where) {
    const x = normalizeRows(a);
    const y = normalizeRows(b);
    if (x.length !== y.length)
        throw new errors_1.CfcmlError(`${x.length} rows vs ${y.length} rows: rows must be paired`, { where });
    if (x[0].length !== y[0].length)
        throw new errors_1.CfcmlError(`${x[0].length} vs ${y[0].length} columns`, { where });
    return [x, y];
}
/** Liang et al. (2022) gap vector Δ = mean x̂ − mean ŷ. */
function gapVector(a, b) {
    const [x, y] = paired(a, b, 'gapVector');
    const mx = mean(x);
    const my = mean(y);
    return Array.from(mx, (v, k) => v - my[k]);
}
exports.gapVector = gapVector;
/** Liang et al. (2022) centroid gap ‖mean x̂ − mean ŷ‖ ∈ [0, 2]. */
function centroidGap(a, b) {
    return Math.hypot(...gapVector(a, b));
}
exports.centroidGap = centroidGap;
/** Centroid gap divided by the mean distance of the normalised rows to their own centroid (both modalities). */
function relativeCentroidGap(a, b) {
    const [x, y] = paired(a, b, 'relativeCentroidGap');
    const mx = mean(x);
    const my = mean(y);
    const spread = (rows, c) => rows.reduce((s, r) => s + Math.sqrt(sqDist(r, c)), 0) / rows.length;
    const within = (spread(x, mx) + spread(y, my)) / 2;
    const gap = Math.sqrt(sqDist(mx, my));
    if (within === 0)
        return gap === 0 ? 0 : Infinity;
    return gap / within;
}
exports.relativeCentroidGap = relativeCentroidGap;
/** Schrodi et al. (2025) relative modality gap (see the file header for the formula). Needs N ≥ 2. */
function relativeModalityGap(a, b) {
    const [x, y] = paired(a, b, 'relativeModalityGap');
    const N = x.length;
    if (N < 2)
        throw new errors_1.CfcmlError('needs at least 2 paired rows', { where: 'relativeModalityGap' });
    const d = (u, v) => Math.max(0, (1 - dot(u, v)) / 2); // cosine dissimilarity (rows unit length; max trims rounding below 0)
    let cross = 0;
    for (let i = 0; i < N; i++)
        cross += d(x[i], y[i]);
    cross /= N;
    let within = 0;
    for (let i = 0; i < N; i++)
        for (let j = i + 1; j < N; j++)
            within += d(x[i], x[j]) + d(y[i], y[j]);
    within /= N * (N - 1); // = [1 / (2N(N−1))] Σ_{i≠j}, each unordered pair counted once above
    const denom = within + cross;
    return denom === 0 ? 0 : cross / denom;
}
exports.relativeModalityGap = relativeModalityGap;
/** Wang & Isola (2020) alignment E‖x̂_i − ŷ_i‖^α over paired rows. */
function alignment(a, b, alpha = 2) {
    const [x, y] = paired(a, b, 'alignment');
    return x.reduce((s, r, i) => s + Math.sqrt(sqDist(r, y[i])) ** alpha, 0) / x.length;
}
exports.alignment = alignment;
/** Wang & Isola (2020) uniformity log E_{i<j} exp(−t‖x̂_i − x̂_j‖²) of one modality (≤ 0; lower is more uniform). */
function uniformity(a, t = 2) {
    const x = normalizeRows(a);
    const N = x.length;
    if (N < 2)
        throw new errors_1.CfcmlError('needs at least 2 rows', { where: 'uniformity' });
    // log-mean-exp with the maximum taken out, so a large t does not underflow to log 0
    const e = [];
    for (let i = 0; i < N; i++)
        for (let j = i + 1; j < N; j++)
            e.push(-t * sqDist(x[i], x[j]));
    const m = Math.max(...e);
    return m + Math.log(e.reduce((s, v) => s + Math.exp(v - m), 0) / e.length);
}
exports.uniformity = uniformity;
/** A pairwise measure over M modalities: the M×M matrix (diagonal = measure of a modality with itself) and the mean over i < j. */
function pairwiseMeasure(mods, measure) {
    const M = mods.length;
    if (M < 2)
        throw new errors_1.CfcmlError(`needs at least 2 modalities, got ${M}`, { where: 'pairwiseMeasure' });
    const matrix = Array.from({ length: M }, () => new Array(M).fill(0));
    let sum = 0;
    for (let i = 0; i < M; i++) {
        matrix[i][i] = measure(mods[i], mods[i]);
        for (let j = i + 1; j < M; j++) {
            const v = measure(mods[i], mods[j]);
            const w = measure(mods[j], mods[i]);
            matrix[i][j] = v;
            matrix[j][i] = w;
            sum += (v + w) / 2;
        }
    }
    return { matrix, mean: sum / ((M * (M - 1)) / 2) };
}
exports.pairwiseMeasure = pairwiseMeasure;
function gapReport(mods, names) {
    const n = names ?? mods.map((_, i) => `m${i}`);
    if (n.length !== mods.length)
        throw new errors_1.CfcmlError(`${n.length} names for ${mods.length} modalities`, { where: 'gapReport' });
    return {
        names: n,
        centroidGap: pairwiseMeasure(mods, centroidGap),
        relativeModalityGap: pairwiseMeasure(mods, relativeModalityGap),
        relativeCentroidGap: pairwiseMeasure(mods, relativeCentroidGap),
        alignment: pairwiseMeasure(mods, (a, b) => alignment(a, b)),
        uniformity: mods.map((m) => uniformity(m)),
    };
}
exports.gapReport = gapReport;
//# sourceMappingURL=measures.js.map