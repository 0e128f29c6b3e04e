"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatLeakageReport = exports.auditLeakage = exports.aucOf = void 0;
const curves_1 = require("../metrics/curves");
const DEFAULTS = { aucThreshold: 0.9, pureLevelShare: 0.1, minClassCases: 10 };
/**
 * AUC of `score` for `positive` (ties count half): the one ROC AUC of lib/metrics (`rocAuc`), with 0.5 (no
 * information) instead of an error when only one class is present.
 */
function aucOf(score, positive) {
    const y = positive.map((p) => (p ? 1 : 0));
    const nPos = y.reduce((a, b) => a + b, 0);
    if (nPos === 0 || nPos === y.length)
        return 0.5;
    return (0, curves_1.rocAuc)(y, score);
}
exports.aucOf = aucOf;
function auditLeakage(cohort, opts = {}) {
    const o = { ...DEFAULTS, ...opts };
    const spec = cohort.spec;
    const cases = cohort.cases.filter((c) => !opts.splits || opts.splits.includes(c.split));
    const C = spec.classes.length;
    const labels = cases.map((c) => c.label);
    const classCounts = spec.classes.map((_, y) => labels.filter((l) => l === y).length);
    const n = cases.length;
    const baseRate = n ? Math.max(...classCounts) / n : 0;
    const positives = C === 2 ? [spec.positiveClass ?? 1] : spec.classes.map((_, y) => y);
    const fields = spec.tabular.map((f) => {
        // Level of each case: the category, or the quartile bin of a numeric value.
        let levelOf;
        let levelNames;
        if (f.kind === 'categorical') {
            levelOf = cases.map((c) => String(c.tabular[f.name]));
            levelNames = [...f.levels];
        }
        else {
            const xs = cases.map((c) => Number(c.tabular[f.name]));
            const sorted = [...xs].sort((a, b) => a - b);
            const q = [0.25, 0.5, 0.75].map((p) => sorted[Math.floor(p * (sorted.length - 1))] ?? 0);
            levelNames = ['Q1', 'Q2', 'Q3', 'Q4'].map((b, k) => `${b} (${k === 0 ? '-∞' : q[k - 1].toPrecision(3)}..${k === 3 ? '∞' : q[k].toPrecision(3)})`);
            levelOf = xs.map((x) => levelNames[x <= q[0] ? 0 : x <= q[1] ? 1 : x <= q[2] ? 2 : 3]);
        }
        const counts = new Map(levelNames.map((l) => [l, new Array(C).fill(0)]));
        levelOf.forEach((l, i) => {
            if (!counts.has(l))
                counts.set(l, new Array(C).fill(0));
            counts.get(l)[labels[i]]++;
        });
        const levels = [...counts.entries()].map(([level, byC]) => {
            const count = byC.reduce((a, b) => a + b, 0);
            return {
                level,
                count,
                byClass: Object.fromEntries(spec.classes.map((c, y) => [c, byC[y]])),
                purity: count ? Math.max(...byC) / count : 0,
            };
        });
        // Single-field AUC.
        const aucs = positives.map((y) => {
            const pos = labels.map((l) => l === y);
            let score;
            if (f.kind === 'categorical') {
                score = levelOf.map((l) => {
                    const byC = counts.get(l);
                    return byC[y] / byC.reduce((a, b) => a + b, 0);
                });
                return aucOf(score, pos);
            }
            score = cases.map((c) => Number(c.tabular[f.name]));
            const a = aucOf(score, pos);
            return Math.max(a, 1 - a); // direction unknown for a raw numeric value
        });
        const auc = aucs.reduce((a, b) => a + b, 0) / aucs.length;
        const purity = n ? levels.reduce((s, l) => s + l.purity * l.count, 0) / n : 0;
        const reasons = [];
        if (auc >= o.aucThreshold)
            reasons.push(`alone it predicts the label with AUC ${auc.toFixed(3)} (≥ ${o.aucThreshold})`);
        spec.classes.forEach((cls, y) => {
            if (classCounts[y] < o.minClassCases)
                return;
            for (const l of levels) {
                const share = l.byClass[cls] / l.count;
                if (l.byClass[cls] === classCounts[y] && share >= 1.5 * (classCounts[y] / n)) {
                    reasons.push(`every ${cls} case (${classCounts[y]}) has ${f.name} = '${l.level}'`);
                }
            }
        });
        // Only for categorical fields: the quartile bins of a numeric field are cut by us, and a pure extreme
        // quartile is what any strong monotone predictor shows on a small split (synthetic MEN's ADC value on
        // 57 training cases); a numeric give-away is caught by the AUC rule instead.
        for (const l of f.kind === 'categorical' ? levels : []) {
            if (l.count >= o.pureLevelShare * n && l.purity === 1 && n > 0) {
                const cls = Object.entries(l.byClass).find(([, v]) => v === l.count)[0];
                reasons.push(`all ${l.count} cases with ${f.name} = '${l.level}' are ${cls}`);
            }
        }
        return { name: f.name, column: f.column, kind: f.kind, auc, purity, flagged: reasons.length > 0, reasons, levels };
    });
    return { dataset: spec.name, cases: n, baseRate, fields, flagged: fields.filter((f) => f.flagged).map((f) => f.name) };
}
exports.auditLeakage = auditLeakage;
function formatLeakageReport(r) {
    const lines = [`leakage audit of ${r.dataset} (${r.cases} cases; majority-class rate ${r.baseRate.toFixed(3)})`];
    lines.push(`  ${'field'.padEnd(16)}${'AUC'.padStart(7)}${'purity'.padStart(8)}  verdict`);
    for (const f of r.fields) {
        lines.push(`  ${f.name.padEnd(16)}${f.auc.toFixed(3).padStart(7)}${f.purity.toFixed(3).padStart(8)}  ${f.flagged ? 'LEAK' : 'ok'}`);
        for (const why of f.reasons)
            lines.push(`      - ${why}`);
    }
    lines.push(r.flagged.length
        ? `flagged: ${r.flagged.join(', ')} — exclude before training (TabularEncoder.fit(..., { exclude: [${r.flagged.map((f) => `'${f}'`).join(', ')}] }))`
        : 'no field gives the label away');
    return lines.join('\n');
}
exports.formatLeakageReport = formatLeakageReport;
//# sourceMappingURL=audit.js.map