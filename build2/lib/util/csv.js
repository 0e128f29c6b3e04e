"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatCsv = exports.requireColumns = exports.parseCsv = void 0;
const errors_1 = require("./errors");
const suggest_1 = require("./suggest");
/** Parse CSV text: a UTF-8 BOM is skipped, CRLF/CR/LF all end a record, quoted fields may hold commas and newlines. */
function parseCsv(text, file = '<csv>', opts = {}) {
    const records = [];
    let field = '';
    let record = [];
    let inQuotes = false;
    let i = 0;
    if (text.charCodeAt(0) === 0xfeff)
        i = 1; // BOM
    for (; i < text.length; i++) {
        const ch = text[i];
        if (inQuotes) {
            if (ch === '"') {
                if (text[i + 1] === '"') {
                    field += '"';
                    i++;
                }
                else
                    inQuotes = false;
            }
            else
                field += ch;
        }
        else if (ch === '"')
            inQuotes = true;
        else if (ch === ',') {
            record.push(field);
            field = '';
        }
        else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && text[i + 1] === '\n')
                i++;
            record.push(field);
            records.push(record);
            record = [];
            field = '';
        }
        else
            field += ch;
    }
    if (inQuotes)
        throw new errors_1.CfcmlError('unterminated quoted field', { where: file });
    if (field !== '' || record.length > 0) {
        record.push(field);
        records.push(record);
    }
    const nonEmpty = records.filter((r) => !(r.length === 1 && r[0] === ''));
    if (nonEmpty.length === 0)
        throw new errors_1.CfcmlError('empty CSV file (no header)', { where: file });
    const header = nonEmpty[0].map((h) => h.trim());
    const rows = [];
    for (let r = 1; r < nonEmpty.length; r++) {
        const rec = nonEmpty[r];
        if (rec.length !== header.length) {
            const message = `row ${r + 1} has ${rec.length} fields, the header has ${header.length}`;
            if (!opts.problems)
                throw new errors_1.CfcmlError(message, { where: file });
            opts.problems.add({ file, row: r + 1, message: `${rec.length} fields, the header has ${header.length}`, expected: `${header.length} comma-separated fields (quote fields that hold commas)` });
        }
        const obj = {};
        header.forEach((h, k) => (obj[h] = rec[k] ?? ''));
        rows.push(obj);
    }
    return { header, rows };
}
exports.parseCsv = parseCsv;
/**
 * Require that every named column is in the header; the error lists what is missing, what looks like a
 * renamed column (a close header name that is not itself required), and what the header has.
 */
function requireColumns(table, columns, file) {
    const missing = columns.filter((c) => !table.header.includes(c));
    if (missing.length > 0) {
        const unknown = table.header.filter((h) => !columns.includes(h));
        const renamed = missing.map((m) => [m, (0, suggest_1.closest)(m, unknown)]).filter(([, u]) => u !== undefined);
        const hint = renamed.length ? `; renamed? ${renamed.map(([m, u]) => `'${u}' looks like '${m}'`).join(', ')}` : '';
        throw new errors_1.CfcmlError(`missing column(s) ${missing.map((m) => `'${m}'`).join(', ')}${hint}; the header has: ${table.header.join(', ')}`, {
            where: file,
        });
    }
}
exports.requireColumns = requireColumns;
function quote(v) {
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
/** Format rows as CSV text with the given header order. */
function formatCsv(header, rows) {
    const lines = [header.map(quote).join(',')];
    for (const row of rows) {
        const cells = Array.isArray(row) ? row : header.map((h) => row[h]);
        lines.push(cells.map((c) => quote(c === undefined || c === null ? '' : String(c))).join(','));
    }
    return lines.join('\n') + '\n';
}
exports.formatCsv = formatCsv;
//# sourceMappingURL=csv.js.map