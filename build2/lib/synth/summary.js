"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatSynthSummary = void 0;
const oracle_1 = require("./oracle");
function formatSynthSummary(s) {
    const classes = Object.keys(Object.values(s.splits)[0] ?? {});
    const lines = [`synthetic ${s.dataset} → ${s.out}  (seed ${s.seed}, scale ${s.scale}, version ${s.version}, interaction ${s.interaction}, ${s.files} image files, ${s.seconds.toFixed(1)} s)`];
    lines.push(`  ${'split'.padEnd(8)}${classes.map((c) => c.padStart(22)).join('')}`);
    for (const [split, counts] of Object.entries(s.splits))
        lines.push(`  ${split.padEnd(8)}${classes.map((c) => String(counts[c] ?? 0).padStart(22)).join('')}`);
    const ex = Object.entries(s.excluded);
    if (ex.length)
        lines.push(`  left out of the task: ${ex.map(([k, v]) => `${k} ${v}`).join(', ')}`);
    lines.push(`  image sizes: ${Object.entries(s.imageSizes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    if (s.findings.length) {
        lines.push(`  findings (fraction of cases per class):`);
        for (const f of s.findings)
            lines.push(`    ${f.name.padEnd(34)}${classes.map((c) => `${c} ${(f.byClass[c] ?? 0).toFixed(2)}`).join('  ')}`);
    }
    for (const n of s.notes)
        lines.push(`  ${n}`);
    lines.push((0, oracle_1.formatOracleAucs)(s.oracle));
    return lines.join('\n');
}
exports.formatSynthSummary = formatSynthSummary;
//# sourceMappingURL=summary.js.map