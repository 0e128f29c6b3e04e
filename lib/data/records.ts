import { createHash } from 'crypto';
import { CfcmlError } from '../util/errors';
import type { ProblemList } from '../util/problems';
import type { DatasetSpec, Split, TabularField } from './spec';
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
 * finite number; a cell equal to one of `markers` (trimmed, case-insensitive; `missingMarkers(spec, field)`)
 * is missing and gives `null`. A level wins over a marker spelt the same. Values outside a numeric field's
 * plausible range are pushed to `warnings`, not refused.
 */
export function parseTabularCell(
  field: TabularField,
  raw: string | undefined,
  file: string,
  row: number,
  markers: readonly string[],
  warnings?: string[],
): string | number | null {
  const value = (raw ?? '').trim();
  const where = cellWhere(file, row, field.column);
  const isMissing = markers.some((m) => m.trim().toLowerCase() === value.toLowerCase());
  const markerList = `missing markers: ${markers.map((m) => `'${m}'`).join(', ')}`;
  if (field.kind === 'categorical') {
    const hit = field.levels.find((l) => l.toLowerCase() === value.toLowerCase());
    if (hit !== undefined) return hit;
    if (isMissing) return null;
    throw new CfcmlError(
      `${value === '' ? 'empty value' : `unknown category '${value}'`} for field '${field.name}'; allowed levels: ${field.levels.map((l) => `'${l}'`).join(', ')}; ${markerList}`,
      { where },
    );
  }
  if (isMissing) return null;
  if (value === '') throw new CfcmlError(`empty value for numeric field '${field.name}'; expected a number in [${field.range[0]}, ${field.range[1]}] or one of the ${markerList}`, { where });
  const x = Number(value);
  if (!Number.isFinite(x)) {
    throw new CfcmlError(`value '${value}' of numeric field '${field.name}' is not a finite number nor a missing marker (${markerList})`, { where });
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

/**
 * Training needs every class in the train split (a problem when one is missing); validation and test
 * without a class cannot give an AUC (a warning). Both name the class and what the split has.
 */
export function checkClassesPresent(spec: DatasetSpec, split: Split, counts: readonly number[], file: string, problems: ProblemList, warnings: string[]): void {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return; // an empty split is reported on its own
  const missing = spec.classes.filter((_, k) => !(counts[k] > 0));
  if (missing.length === 0) return;
  const has = spec.classes.map((c, k) => `${c} ${counts[k] ?? 0}`).join(', ');
  if (split !== 'train') {
    warnings.push(`${file}: split '${split}' has no case of class ${missing.map((c) => `'${c}'`).join(', ')} (it has ${has}); its AUC is undefined`);
    return;
  }
  problems.add({
    file,
    message: `split '${split}' has no case of class ${missing.map((c) => `'${c}'`).join(', ')} (it has ${has})`,
    expected: `every class (${spec.classes.join(', ')}) in every split`,
  });
}
