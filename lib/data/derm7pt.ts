import * as fs from 'fs';
import * as path from 'path';
import { parseCsv, requireColumns } from '../util/csv';
import { CfcmlError } from '../util/errors';
import { DERM7PT } from './datasets';
import { cellWhere, cohortFingerprint, parseTabularCell } from './records';
import type { DatasetSpec, Split } from './spec';
import { SPLITS } from './spec';
import type { CaseRecord, Cohort } from './types';

/**
 * Loader for the Derm7pt `release_v0` layout (docs/DATA.md): `meta/meta.csv`, `meta/{split}_indexes.csv`,
 * `images/...`. Binary NEV vs MEL by the dataset authors' own grouping of `diagnosis`; the other diagnoses
 * are left out and counted per group in `cohort.excluded`.
 */

/** The 19 columns of meta.csv, in the released order. */
export const DERM7PT_COLUMNS = [
  'case_num',
  'diagnosis',
  'seven_point_score',
  'pigment_network',
  'streaks',
  'pigmentation',
  'regression_structures',
  'dots_and_globules',
  'blue_whitish_veil',
  'vascular_structures',
  'level_of_diagnostic_difficulty',
  'elevation',
  'location',
  'sex',
  'management',
  'clinic',
  'derm',
  'case_id',
  'notes',
] as const;

/** The seven dermoscopic criteria columns (kept as `extra` for exploration). */
export const CHECKLIST_COLUMNS = DERM7PT_COLUMNS.slice(3, 10);

/** The diagnosis grouping of docs/DATA.md: group name → diagnoses; `label` is set for the two kept groups. */
export const DIAGNOSIS_GROUPS: readonly { group: string; label?: number; diagnoses: readonly string[] }[] = [
  {
    group: 'NEV',
    label: 0,
    diagnoses: ['blue nevus', 'clark nevus', 'combined nevus', 'congenital nevus', 'dermal nevus', 'recurrent nevus', 'reed or spitz nevus'],
  },
  {
    group: 'MEL',
    label: 1,
    diagnoses: [
      'melanoma',
      'melanoma (in situ)',
      'melanoma (less than 0.76 mm)',
      'melanoma (0.76 to 1.5 mm)',
      'melanoma (more than 1.5 mm)',
      'melanoma metastasis',
    ],
  },
  { group: 'BCC', diagnoses: ['basal cell carcinoma'] },
  { group: 'SK', diagnoses: ['seborrheic keratosis'] },
  { group: 'MISC', diagnoses: ['dermatofibroma', 'lentigo', 'melanosis', 'miscellaneous', 'vascular lesion'] },
];

const DIAGNOSIS_INDEX = new Map<string, { group: string; label?: number }>();
for (const g of DIAGNOSIS_GROUPS) for (const d of g.diagnoses) DIAGNOSIS_INDEX.set(d, { group: g.group, label: g.label });

/** Index file name per split (the release calls the middle one `valid`). */
const INDEX_FILES: Record<Split, string> = { train: 'train_indexes.csv', valid: 'valid_indexes.csv', test: 'test_indexes.csv' };

export interface Derm7ptLoadOptions {
  /** Dataset spec to read with (default `DERM7PT`); its modalities' `file` name the image columns. */
  spec?: DatasetSpec;
  /** Check that every image file exists (default true). */
  checkImages?: boolean;
}

/** True when `root` looks like a release_v0 folder. */
export function isDerm7ptLayout(root: string): boolean {
  return fs.existsSync(path.join(root, 'meta', 'meta.csv'));
}

function readText(file: string): string {
  if (!fs.existsSync(file)) throw new CfcmlError('file not found', { where: file, hint: 'a Derm7pt folder holds meta/meta.csv, meta/{train,valid,test}_indexes.csv and images/' });
  return fs.readFileSync(file, 'utf8');
}

/** Read a Derm7pt release_v0 folder. */
export async function loadDerm7pt(root: string, opts: Derm7ptLoadOptions = {}): Promise<Cohort> {
  const spec = opts.spec ?? DERM7PT;
  const checkImages = opts.checkImages ?? true;
  root = path.resolve(root);
  const metaFile = path.join(root, 'meta', 'meta.csv');
  const meta = parseCsv(readText(metaFile), metaFile);
  const imageColumns = spec.imageModalities.map((m) => m.file ?? m.name);
  requireColumns(meta, ['diagnosis', ...imageColumns, ...spec.tabular.map((f) => f.column)], metaFile);

  const cases: CaseRecord[] = [];
  const excludedCounts = new Map<string, number>();
  const seenRow = new Map<number, Split>();
  const warnings: string[] = [];
  for (const split of SPLITS) {
    const indexFile = path.join(root, 'meta', INDEX_FILES[split]);
    const table = parseCsv(readText(indexFile), indexFile);
    requireColumns(table, ['indexes'], indexFile);
    let kept = 0;
    table.rows.forEach((r, k) => {
      const raw = r.indexes.trim();
      const idx = Number(raw);
      const where = cellWhere(indexFile, k + 2, 'indexes');
      if (!Number.isInteger(idx) || idx < 0 || idx >= meta.rows.length) {
        throw new CfcmlError(`index '${raw}' is not a row number of meta.csv (0..${meta.rows.length - 1})`, { where });
      }
      const before = seenRow.get(idx);
      if (before) throw new CfcmlError(`meta.csv row index ${idx} is listed in both ${before} and ${split}`, { where });
      seenRow.set(idx, split);
      const row = meta.rows[idx];
      const rowNo = idx + 2; // spreadsheet row of meta.csv (header is row 1)
      const diagnosis = row.diagnosis.trim();
      const group = DIAGNOSIS_INDEX.get(diagnosis.toLowerCase());
      if (!group) {
        throw new CfcmlError(`unknown diagnosis '${diagnosis}'; known: ${[...DIAGNOSIS_INDEX.keys()].map((d) => `'${d}'`).join(', ')}`, {
          where: cellWhere(metaFile, rowNo, 'diagnosis'),
        });
      }
      if (group.label === undefined) {
        const reason = `diagnosis group ${group.group} is not part of NEV vs MEL`;
        excludedCounts.set(reason, (excludedCounts.get(reason) ?? 0) + 1);
        return;
      }
      const tabular: Record<string, string | number> = {};
      for (const f of spec.tabular) tabular[f.name] = parseTabularCell(f, row[f.column], metaFile, rowNo, warnings);
      const imagePaths = imageColumns.map((col) => {
        const rel = (row[col] ?? '').trim();
        const where = cellWhere(metaFile, rowNo, col);
        if (rel === '') throw new CfcmlError('empty image path', { where });
        const abs = path.join(root, 'images', rel);
        if (checkImages && !fs.existsSync(abs)) throw new CfcmlError(`missing image '${rel}' (looked for ${abs})`, { where });
        return abs;
      });
      const extra: Record<string, string> = {};
      for (const c of meta.header) if (!spec.tabular.some((f) => f.column === c) && !imageColumns.includes(c)) extra[c] = row[c];
      extra.group = group.group;
      cases.push({
        id: (row.case_num ?? '').trim() || String(idx + 1),
        split,
        label: group.label,
        imagePaths,
        tabular,
        source: `meta.csv row ${rowNo}`,
        extra,
      });
      kept++;
    });
    if (kept === 0) {
      throw new CfcmlError(`empty split '${split}': no NEV or MEL case is listed (${table.rows.length} index rows)`, { where: indexFile });
    }
  }
  const excluded = [...excludedCounts.entries()].map(([reason, count]) => ({ reason, count }));
  return { spec, root, cases, excluded, fingerprint: cohortFingerprint(cases), warnings };
}
