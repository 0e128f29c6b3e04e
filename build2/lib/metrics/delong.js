"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.delongTest = exports.normalCdf = exports.midranks = void 0;
/**
 * DeLong's test for two correlated ROC AUCs (two models scored on the same cases), with the fast
 * O(n log n) algorithm of Sun & Xu (2014), "Fast implementation of DeLong's algorithm for comparing the
 * areas under correlated receiver operating characteristic curves", IEEE Signal Processing Letters 21(11).
 *
 * For model r, with m positive scores X and n negative scores Y, and midranks T_X (within X), T_Y (within
 * Y), T_Z (within X ∪ Y):
 *   AUC_r = (Σ_i T_Z(X_i) / m − (m + 1)/2) / n
 *   V10_i = (T_Z(X_i) − T_X(X_i)) / n,   V01_j = 1 − (T_Z(Y_j) − T_Y(Y_j)) / m
 *   S = cov(V10) / m + cov(V01) / n  (2×2, sample covariances)
 *   z = (AUC_A − AUC_B) / sqrt(S_AA + S_BB − 2 S_AB),  p = 2 Φ(−|z|) (two-sided).
 */
const errors_1 = require("../util/errors");
const curves_1 = require("./curves");
/** Midranks (1-based, ties get the mean of their ranks). */
function midranks(x) {
    const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
    const ranks = new Array(x.length);
    let i = 0;
    while (i < order.length) {
        let j = i;
        while (j + 1 < order.length && x[order[j + 1]] === x[order[i]])
            j++;
        const r = (i + j) / 2 + 1;
        for (let k = i; k <= j; k++)
            ranks[order[k]] = r;
        i = j + 1;
    }
    return ranks;
}
exports.midranks = midranks;
/** Standard normal upper tail Q(x) = 1 − Φ(x) for x ≥ 0, to double precision (Hart 1968, as given by West 2005). */
function normalUpperTail(x) {
    if (x > 37)
        return 0;
    const e = Math.exp((-x * x) / 2);
    if (x < 7.07106781186547) {
        let num = 3.52624965998911e-2 * x + 0.700383064443688;
        num = num * x + 6.37396220353165;
        num = num * x + 33.912866078383;
        num = num * x + 112.079291497871;
        num = num * x + 221.213596169931;
        num = num * x + 220.206867912376;
        let den = 8.83883476483184e-2 * x + 1.75566716318264;
        den = den * x + 16.064177579207;
        den = den * x + 86.7807322029461;
        den = den * x + 296.564248779674;
        den = den * x + 637.333633378831;
        den = den * x + 793.826512519948;
        den = den * x + 440.413735824752;
        return (e * num) / den;
    }
    let b = x + 0.65;
    b = x + 4 / b;
    b = x + 3 / b;
    b = x + 2 / b;
    b = x + 1 / b;
    return e / b / 2.506628274631;
}
/** Standard normal CDF Φ(x). */
function normalCdf(x) {
    return x >= 0 ? 1 - normalUpperTail(x) : normalUpperTail(-x);
}
exports.normalCdf = normalCdf;
function sampleCov(a, b) {
    const n = a.length;
    if (n < 2)
        return 0;
    const ma = a.reduce((s, v) => s + v, 0) / n;
    const mb = b.reduce((s, v) => s + v, 0) / n;
    let s = 0;
    for (let i = 0; i < n; i++)
        s += (a[i] - ma) * (b[i] - mb);
    return s / (n - 1);
}
/**
 * DeLong's test of H0: AUC_A = AUC_B, for two score vectors on the same cases.
 * When the variance of the difference is 0 (e.g. identical scores), z = 0 and p = 1 if the AUCs are equal.
 */
function delongTest(labels, scoresA, scoresB) {
    (0, curves_1.checkBinary)(labels, scoresA, 'delongTest');
    (0, curves_1.checkBinary)(labels, scoresB, 'delongTest');
    const pos = labels.map((y, i) => (y === 1 ? i : -1)).filter((i) => i >= 0);
    const neg = labels.map((y, i) => (y === 0 ? i : -1)).filter((i) => i >= 0);
    const m = pos.length;
    const n = neg.length;
    if (m === 0 || n === 0)
        throw new errors_1.CfcmlError(`needs both classes (${m} positives, ${n} negatives)`, { where: 'delongTest' });
    const components = (scores) => {
        const X = pos.map((i) => scores[i]);
        const Y = neg.map((i) => scores[i]);
        const tx = midranks(X);
        const ty = midranks(Y);
        const tz = midranks([...X, ...Y]);
        // AUC_r = (Σ_i T_Z(X_i) / m − (m + 1)/2) / n = mean(V10) is the Mann–Whitney AUC; the number reported is
        // the one ROC AUC of this library (rocAuc), equal to it up to rounding.
        const auc = (0, curves_1.rocAuc)(labels, scores);
        const v10 = X.map((_, i) => (tz[i] - tx[i]) / n);
        const v01 = Y.map((_, j) => 1 - (tz[m + j] - ty[j]) / m);
        return { auc, v10, v01 };
    };
    const A = components(scoresA);
    const B = components(scoresB);
    // Var(AUC_A − AUC_B) = [S10_AA + S10_BB − 2 S10_AB] / m + [S01_AA + S01_BB − 2 S01_AB] / n
    const var10 = sampleCov(A.v10, A.v10) + sampleCov(B.v10, B.v10) - 2 * sampleCov(A.v10, B.v10);
    const var01 = sampleCov(A.v01, A.v01) + sampleCov(B.v01, B.v01) - 2 * sampleCov(A.v01, B.v01);
    const variance = Math.max(var10 / m + var01 / n, 0);
    const diff = A.auc - B.auc;
    const se = Math.sqrt(variance);
    let z;
    if (se === 0)
        z = diff === 0 ? 0 : Math.sign(diff) * Infinity;
    else
        z = diff / se;
    const p = Math.min(1, 2 * normalUpperTail(Math.abs(z)));
    return { aucA: A.auc, aucB: B.auc, diff, se, z, p };
}
exports.delongTest = delongTest;
//# sourceMappingURL=delong.js.map