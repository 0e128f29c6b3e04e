import { CfcmlError } from './errors';

/**
 * A small RFC 4180 CSV reader/writer (quoted fields, embedded commas, quotes and newlines, CRLF).
 * Rows come back as objects keyed by the header; `rowNumber` in errors is 1-based and counts the header
 * as row 1, as a spreadsheet shows it.
 */
export interface CsvTable {
  header: string[];
  rows: Record<string, string>[];
}

export function parseCsv(text: string, file = '<csv>'): CsvTable {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // BOM
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (inQuotes) throw new CfcmlError('unterminated quoted field', { where: file });
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const nonEmpty = records.filter((r) => !(r.length === 1 && r[0] === ''));
  if (nonEmpty.length === 0) throw new CfcmlError('empty CSV file (no header)', { where: file });
  const header = nonEmpty[0].map((h) => h.trim());
  const rows: Record<string, string>[] = [];
  for (let r = 1; r < nonEmpty.length; r++) {
    const rec = nonEmpty[r];
    if (rec.length !== header.length) {
      throw new CfcmlError(`row ${r + 1} has ${rec.length} fields, the header has ${header.length}`, { where: file });
    }
    const obj: Record<string, string> = {};
    header.forEach((h, k) => (obj[h] = rec[k]));
    rows.push(obj);
  }
  return { header, rows };
}

/** Require that every named column is in the header; the error lists what is missing and what is there. */
export function requireColumns(table: CsvTable, columns: readonly string[], file: string): void {
  const missing = columns.filter((c) => !table.header.includes(c));
  if (missing.length > 0) {
    throw new CfcmlError(`missing column(s) ${missing.map((m) => `'${m}'`).join(', ')}; the header has: ${table.header.join(', ')}`, {
      where: file,
    });
  }
}

function quote(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Format rows as CSV text with the given header order. */
export function formatCsv(header: readonly string[], rows: readonly (Record<string, unknown> | unknown[])[]): string {
  const lines = [header.map(quote).join(',')];
  for (const row of rows) {
    const cells = Array.isArray(row) ? row : header.map((h) => (row as Record<string, unknown>)[h]);
    lines.push(cells.map((c) => quote(c === undefined || c === null ? '' : String(c))).join(','));
  }
  return lines.join('\n') + '\n';
}
