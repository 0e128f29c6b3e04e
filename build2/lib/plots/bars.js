"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.metricBars = void 0;
/**
 * Grouped bar chart of metrics per model variant (ablation tables as a figure), with CI error bars.
 */
const errors_1 = require("../util/errors");
const figure_1 = require("./figure");
/**
 * Variants on the x axis, one bar per metric within each group; error bars span each row's `ci`
 * (asymmetric, as bootstrap intervals are). Variants and metrics keep their order of first appearance.
 * A (variant, metric) pair given twice is an error: it would silently hide one of them.
 */
function metricBars(rows, opts = {}) {
    const variants = [...new Set(rows.map((r) => r.variant))];
    const metrics = [...new Set(rows.map((r) => r.metric))];
    const cell = new Map();
    for (const r of rows) {
        const key = `${r.variant}\u0000${r.metric}`;
        (0, errors_1.check)(!cell.has(key), `variant "${r.variant}" has metric "${r.metric}" twice`, 'metricBars');
        if (r.ci)
            (0, errors_1.check)(r.ci[0] <= r.value && r.value <= r.ci[1], `ci [${r.ci}] does not contain value ${r.value}`, `metricBars(${r.variant}, ${r.metric})`);
        cell.set(key, r);
    }
    const digits = opts.digits === undefined ? 3 : opts.digits;
    const data = metrics.map((m, i) => {
        const cells = variants.map((v) => cell.get(`${v}\u0000${m}`));
        const hasCi = cells.some((c) => c?.ci);
        return {
            type: 'bar',
            name: m,
            x: variants,
            y: cells.map((c) => (c ? c.value : null)),
            marker: { color: (0, figure_1.paletteColor)(i) },
            ...(digits === null ? {} : { text: cells.map((c) => (c ? c.value.toFixed(digits) : '')), textposition: 'inside', insidetextanchor: 'middle' }),
            ...(hasCi
                ? {
                    error_y: {
                        type: 'data',
                        symmetric: false,
                        array: cells.map((c) => (c?.ci ? c.ci[1] - c.value : 0)),
                        arrayminus: cells.map((c) => (c?.ci ? c.value - c.ci[0] : 0)),
                        color: '#333',
                        thickness: 1,
                        width: 3,
                    },
                }
                : {}),
        };
    });
    return {
        data,
        layout: {
            title: { text: opts.title ?? 'Metrics' },
            barmode: 'group',
            xaxis: { type: 'category', title: { text: 'variant' } },
            yaxis: { title: { text: 'value' }, ...(opts.yRange ? { range: opts.yRange } : {}) },
        },
    };
}
exports.metricBars = metricBars;
//# sourceMappingURL=bars.js.map