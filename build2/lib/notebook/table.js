"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.showTable = exports.formatTable = void 0;
const display_1 = require("../util/display");
function cell(v, digits) {
    if (typeof v === 'number')
        return Number.isInteger(v) ? String(v) : v.toFixed(digits);
    if (v === null || v === undefined)
        return '';
    if (Array.isArray(v))
        return v.map((x) => cell(x, digits)).join(', ');
    return String(v);
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text rendering of rows (columns padded), used as the fallback and by the CLI. */
function formatTable(rows, opts = {}) {
    const digits = opts.digits ?? 4;
    const cols = opts.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cells = rows.map((r) => cols.map((c) => cell(r[c], digits)));
    const widths = cols.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
    const line = (vals) => vals.map((v, j) => v.padEnd(widths[j])).join('  ').trimEnd();
    return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
exports.formatTable = formatTable;
/** Show rows as a table (HTML in a notebook, text elsewhere). */
function showTable(rows, opts = {}) {
    const digits = opts.digits ?? 4;
    const cols = opts.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const head = `<tr>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
    const body = rows.map((r) => `<tr>${cols.map((c) => `<td>${esc(cell(r[c], digits))}</td>`).join('')}</tr>`).join('');
    const caption = opts.caption ? `<caption style="caption-side:top;text-align:left"><b>${esc(opts.caption)}</b></caption>` : '';
    const html = `<table>${caption}<thead>${head}</thead><tbody>${body}</tbody></table>`;
    const text = (opts.caption ? opts.caption + '\n' : '') + formatTable(rows, { columns: cols, digits });
    (0, display_1.displayBundle)({ 'text/html': html, 'text/plain': text });
}
exports.showTable = showTable;
//# sourceMappingURL=table.js.map