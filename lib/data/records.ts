import { createHash } from 'crypto';
import { CfcmlError } from '../util/errors';
import type { TabularField } from './spec';
import type { CaseRecord } from './types';

/**
 * Helpers shared by the loaders: turning one CSV cell into a validated tabular value, and the cohort
 * fingerprint. Every error names the file, the spreadsheet row, the column and the value.
 */

/** `file:row N, column 'c'` — the place a cell error points at (row as a spreadsheet shows it, header = 1). */
export function cellWhere(file: string, row: number, column: string): string {
  return `${file}: row ${row}, column '${column}'`;
}

/**
 * Validate one raw cell against its field: a categorical value must be one of the field's levels
 * (compared trimmed and case-insensitively, returned in the spec's spelling); a numeric one must parse to a
 * finite number. Values outside a numeric field's plausible range are pushed to `warnings`, not refused.
 */
export function parseTabularCell(field: TabularField, raw: string | undefined, file: string, row: number, warnings?: string[]): string | number {
  const value = (raw ?? '').trim();
  const where = cellWhere(file, row, field.column);
  if (field.kind === 'categorical') {
    const hit = field.levels.find((l) => l.toLowerCase() === value.toLowerCase());
    if (hit === undefined) {
      throw new CfcmlError(`unknown category '${value}' for field '${field.name}'; allowed levels: ${field.levels.map((l) => `'${l}'`).join(', ')}`, {
        where,
      });
    }
    return hit;
  }
  const x = value === '' ? NaN : Number(value);
  if (!Number.isFinite(x)) {
    throw new CfcmlError(`value '${value}' of numeric field '${field.name}' is not a finite number (NaN/empty/text)`, { where });
  }
  if (warnings && (x < field.range[0] || x > field.range[1])) {
    warnings.push(`${where}: ${field.name} = ${x} lies outside its plausible range [${field.range[0]}, ${field.range[1]}]`);
  }
  return x;
}

/** A hash of (split, id, label) of every case, in order: checkpoints record it to detect a changed split. */
export function cohortFingerprint(cases: readonly CaseRecord[]): string {
  const h = createHash('sha256');
  for (const c of cases) h.update(`${c.split}\u0001${c.id}\u0001${c.label}\n`);
  return h.digest('hex').slice(0, 16);
}
