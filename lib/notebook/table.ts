import { displayBundle } from '../util/display';

/**
 * Tables for notebooks: an array of row objects (or anything with `toJSON()` rows, e.g. a danfojs
 * DataFrame via `dfd.toJSON(df)`) shown as an HTML table with a fixed-width text fallback.
 */
export type Row = Record<string, unknown>;

function cell(v: unknown, digits: number): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => cell(x, digits)).join(', ');
  return String(v);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text rendering of rows (columns padded), used as the fallback and by the CLI. */
export function formatTable(rows: Row[], opts: { columns?: string[]; digits?: number } = {}): string {
  const digits = opts.digits ?? 4;
  const cols = opts.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => cols.map((c) => cell(r[c], digits)));
  const widths = cols.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
  const line = (vals: string[]) => vals.map((v, j) => v.padEnd(widths[j])).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Show rows as a table (HTML in a notebook, text elsewhere). */
export function showTable(rows: Row[], opts: { columns?: string[]; digits?: number; caption?: string } = {}): void {
  const digits = opts.digits ?? 4;
  const cols = opts.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const head = `<tr>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${cols.map((c) => `<td>${esc(cell(r[c], digits))}</td>`).join('')}</tr>`).join('');
  const caption = opts.caption ? `<caption style="caption-side:top;text-align:left"><b>${esc(opts.caption)}</b></caption>` : '';
  const html = `<table>${caption}<thead>${head}</thead><tbody>${body}</tbody></table>`;
  const text = (opts.caption ? opts.caption + '\n' : '') + formatTable(rows, { columns: cols, digits });
  displayBundle({ 'text/html': html, 'text/plain': text });
}
