import { CfcmlError } from '../util/errors';
import { deriveSeed } from '../util/random';
import type { DatasetSpec } from './spec';
import type { CaseRecord } from './types';

/**
 * Record cells masked at test time (`cfcml eval --mask-fields`), for a robustness curve: either every cell of
 * the named fields, or each cell of the eligible fields independently with probability `fraction`.
 *
 * A cell's draw is a hash of (seed, case id, field name), not a stream: the same cells are masked whatever
 * the order of the cases, whichever variant is evaluated and whichever other fields a run uses, and the
 * cells masked at a fraction are a subset of those masked at any larger fraction (the curve is nested).
 */
export type FieldMask = { kind: 'fraction'; fraction: number } | { kind: 'fields'; fields: string[] };

/**
 * Parse `--mask-fields`: a comma list of fractions in [0, 1] (one mask each: `0,0.25,0.5`) or a comma list
 * of field names of the spec (one mask masking them all).
 */
export function parseMaskFields(arg: string, spec: DatasetSpec): FieldMask[] {
  const parts = arg.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) throw new CfcmlError(`--mask-fields: expected fractions in [0, 1] or field names of ${spec.name}, got '${arg}'`);
  if (parts.every((p) => /^[0-9.eE+-]+$/.test(p))) {
    return parts.map((p) => {
      const f = Number(p);
      if (!Number.isFinite(f) || f < 0 || f > 1) throw new CfcmlError(`--mask-fields: fraction '${p}' is not a number in [0, 1]`);
      return { kind: 'fraction', fraction: f };
    });
  }
  for (const p of parts) {
    if (!spec.tabular.some((f) => f.name === p || f.column === p)) {
      throw new CfcmlError(`--mask-fields: '${p}' is neither a fraction nor a tabular field of ${spec.name} (${spec.tabular.map((f) => f.name).join(', ')})`);
    }
  }
  return [{ kind: 'fields', fields: parts.map((p) => spec.tabular.find((f) => f.name === p || f.column === p)!.name) }];
}

/** A short, file-name-safe label: `fraction=0.25` or `fields=sex+location`. */
export function maskLabel(m: FieldMask): string {
  return m.kind === 'fraction' ? `fraction=${m.fraction}` : `fields=${m.fields.join('+')}`;
}

/** The uniform draw in [0, 1) deciding whether cell (case, field) is masked. */
export function maskDraw(seed: number, caseId: string, field: string): number {
  return deriveSeed(seed, 'mask-fields', caseId, field) / 4294967296;
}

/** Whether `mask` blanks the cell (caseId, field); `eligible` are the fields a fraction may mask. */
export function isMasked(mask: FieldMask, seed: number, caseId: string, field: string, eligible: readonly string[]): boolean {
  if (mask.kind === 'fields') return mask.fields.includes(field);
  return eligible.includes(field) && maskDraw(seed, caseId, field) < mask.fraction;
}

/** Copies of `cases` with the masked cells set to missing (`null`); cells already missing stay so. */
export function maskCases(cases: readonly CaseRecord[], mask: FieldMask, seed: number, eligible: readonly string[]): CaseRecord[] {
  return cases.map((c) => {
    const tabular = { ...c.tabular };
    for (const field of Object.keys(tabular)) if (isMasked(mask, seed, c.id, field, eligible)) tabular[field] = null;
    return { ...c, tabular };
  });
}
