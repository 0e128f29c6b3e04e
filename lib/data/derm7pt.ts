import * as fs from 'fs';
import * as path from 'path';
import { parseCsv, type CsvTable } from '../util/csv';
import { ProblemList } from '../util/problems';
import { closest } from '../util/suggest';
import { DERM7PT } from './datasets';
import { checkPhoto } from './imageCheck';
import { checkClassesPresent, cohortFingerprint, parseTabularCell } from './records';
import type { DatasetSpec, Split } from './spec';
import { missingMarkers, SPLITS } from './spec';
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
  /** Check that every image file exists and its header is sound (default true). */
  checkImages?: boolean;
  /**
   * Collect problems here and return the cases that are sound, instead of throwing one error listing all
   * problems (the default). `cfcml inspect` passes one; training does not.
   */
  problems?: ProblemList;
}

/** True when `root` looks like a release_v0 folder. */
export function isDerm7ptLayout(root: string): boolean {
  return fs.existsSync(path.join(root, 'meta', 'meta.csv'));
}

const LAYOUT_HINT = 'a Derm7pt folder holds meta/meta.csv, meta/{train,valid,test}_indexes.csv and images/';

function readCsvFile(file: string, problems: ProblemList): CsvTable | undefined {
  if (!fs.existsSync(file)) {
    problems.add({ file, message: 'file not found', expected: LAYOUT_HINT });
    return undefined;
  }
  return problems.attempt(() => parseCsv(fs.readFileSync(file, 'utf8'), file, { problems }), file);
}

/** Report missing required columns (with a likely rename) as problems; true when all are there. */
function checkColumns(table: CsvTable, required: readonly string[], file: string, problems: ProblemList): boolean {
  const missing = required.filter((c) => !table.header.includes(c));
  const unknown = table.header.filter((h) => !required.includes(h) && !(DERM7PT_COLUMNS as readonly string[]).includes(h));
  for (const m of missing) {
    const renamed = closest(m, unknown);
    problems.add({
      file,
      row: 1,
      column: m,
      message: renamed ? `missing column '${m}' (renamed to '${renamed}'?)` : `missing column '${m}'`,
      expected: `a header with ${required.map((c) => `'${c}'`).join(', ')}; it has ${table.header.map((h) => `'${h}'`).join(', ')}`,
    });
  }
  return missing.length === 0;
}

/**
 * Read a Derm7pt release_v0 folder. Every problem of the folder is found in one pass; unless
 * `opts.problems` is given, they are thrown together as one `CfcmlProblemsError`.
 */
export async function loadDerm7pt(root: string, opts: Derm7ptLoadOptions = {}): Promise<Cohort> {
  const problems = opts.problems ?? new ProblemList();
  const cohort = scanDerm7pt(path.resolve(root), opts.spec ?? DERM7PT, opts.checkImages ?? true, problems);
  if (!opts.problems) problems.throwIfAny(`the Derm7pt folder ${path.resolve(root)}`, `fix them all in one pass; \`cfcml inspect --data ${path.resolve(root)}\` lists them with the rest of the folder's report`);
  return cohort;
}

function scanDerm7pt(root: string, spec: DatasetSpec, checkImages: boolean, problems: ProblemList): Cohort {
  const metaFile = path.join(root, 'meta', 'meta.csv');
  const warnings: string[] = [];
  const cases: CaseRecord[] = [];
  const excludedCounts = new Map<string, number>();
  const done = (): Cohort => ({
    spec,
    root,
    cases,
    excluded: [...excludedCounts.entries()].map(([reason, count]) => ({ reason, count })),
    fingerprint: cohortFingerprint(cases),
    warnings,
  });
  const meta = readCsvFile(metaFile, problems);
  const indexTables = SPLITS.map((split) => {
    const file = path.join(root, 'meta', INDEX_FILES[split]);
    const table = readCsvFile(file, problems);
    return table && checkColumns(table, ['indexes'], file, problems) ? { split, file, table } : undefined;
  });
  if (!meta) return done();
  const imageColumns = spec.imageModalities.map((m) => m.file ?? m.name);
  const required = ['diagnosis', ...imageColumns, ...spec.tabular.map((f) => f.column)];
  if (!checkColumns(meta, required, metaFile, problems)) return done();
  const extraColumns = meta.header.filter((h) => !required.includes(h) && !(DERM7PT_COLUMNS as readonly string[]).includes(h));
  if (extraColumns.length) warnings.push(`${metaFile}: extra column(s) ${extraColumns.map((c) => `'${c}'`).join(', ')} accepted and kept in each case's extra fields`);

  const scan: MetaScan = { root, spec, metaFile, meta, imageColumns, problems, warnings, imageOk: checkImages ? photoChecker(metaFile, problems, warnings) : null };
  const seenRow = new Map<number, { split: Split; file: string; row: number }>();
  for (const entry of indexTables) {
    if (!entry) continue;
    const { split, file: indexFile, table } = entry;
    const perClass = spec.classes.map(() => 0);
    table.rows.forEach((r, k) => {
      const idx = metaRowOfIndex(r.indexes, { split, file: indexFile, row: k + 2 }, meta.rows.length, seenRow, problems);
      if (idx === undefined) return;
      const c = caseOfMetaRow(scan, idx, split);
      if (c.kind === 'excluded') excludedCounts.set(c.reason, (excludedCounts.get(c.reason) ?? 0) + 1);
      if (c.kind !== 'case' && c.kind !== 'bad') return;
      perClass[c.label]++;
      if (c.kind === 'case') cases.push(c.record);
    });
    checkClassesPresent(spec, split, perClass, indexFile, problems, warnings);
    if (perClass.every((n) => n === 0)) {
      problems.add({ file: indexFile, message: `empty split '${split}': no NEV or MEL case is listed (${table.rows.length} index rows)`, expected: 'at least one NEV or MEL case per split' });
    }
  }
  return done();
}

/** What reading meta.csv's rows needs: the folder, the spec, the parsed file, where problems and notes go. */
interface MetaScan {
  root: string;
  spec: DatasetSpec;
  metaFile: string;
  meta: CsvTable;
  imageColumns: string[];
  problems: ProblemList;
  warnings: string[];
  /** Checks one photo (once per file); null when the loader skips the image check. */
  imageOk: ((abs: string, rel: string, rowNo: number, col: string) => boolean) | null;
}

/** A photo check that reports a missing or unreadable file once, on the first meta.csv row naming it. */
function photoChecker(metaFile: string, problems: ProblemList, warnings: string[]): (abs: string, rel: string, rowNo: number, col: string) => boolean {
  const checked = new Map<string, boolean>();
  return (abs, rel, rowNo, col) => {
    const known = checked.get(abs);
    if (known !== undefined) return known;
    let ok = true;
    if (!fs.existsSync(abs)) {
      problems.add({ file: metaFile, row: rowNo, column: col, value: rel, message: `missing image '${rel}' (looked for ${abs})`, expected: 'an image file under images/' });
      ok = false;
    } else {
      const c = checkPhoto(abs);
      warnings.push(...c.notes);
      if (c.error) {
        problems.add({ file: metaFile, row: rowNo, column: col, value: rel, message: `bad image ${abs}: ${c.error.message}`, expected: c.error.expected });
        ok = false;
      }
    }
    checked.set(abs, ok);
    return ok;
  };
}

/**
 * The meta.csv data row (0-based) an index-file cell names, or undefined after reporting why not: not a
 * row number, or a case already listed (in this split or another).
 */
function metaRowOfIndex(
  cell: string | undefined,
  at: { split: Split; file: string; row: number },
  metaRows: number,
  seenRow: Map<number, { split: Split; file: string; row: number }>,
  problems: ProblemList,
): number | undefined {
  const raw = (cell ?? '').trim();
  const idx = Number(raw);
  const where = { file: at.file, row: at.row, column: 'indexes', value: raw };
  if (raw === '' || !Number.isInteger(idx) || idx < 0 || idx >= metaRows) {
    problems.add({ ...where, message: raw === '' ? 'empty index' : `index '${raw}' is not a row number of meta.csv`, expected: `a whole number 0..${metaRows - 1} (meta.csv has ${metaRows} data rows)` });
    return undefined;
  }
  const before = seenRow.get(idx);
  if (before) {
    problems.add({
      ...where,
      message:
        before.split === at.split
          ? `meta.csv row index ${idx} is listed twice in ${INDEX_FILES[at.split]} (also row ${before.row})`
          : `meta.csv row index ${idx} (case in meta.csv row ${idx + 2}) is listed in both ${before.split} (${INDEX_FILES[before.split]} row ${before.row}) and ${at.split}`,
      expected: 'each case in exactly one split, once',
    });
    return undefined;
  }
  seenRow.set(idx, at);
  return idx;
}

/**
 * One meta.csv row as a case of the task: `case`, or `bad` (a NEV/MEL case with a problem, reported; it
 * still counts for its class), `excluded` (a diagnosis group outside NEV vs MEL), `unknown` (reported).
 */
function caseOfMetaRow(
  scan: MetaScan,
  idx: number,
  split: Split,
): { kind: 'case'; label: number; record: CaseRecord } | { kind: 'bad'; label: number } | { kind: 'excluded'; reason: string } | { kind: 'unknown' } {
  const { root, spec, metaFile, meta, imageColumns, problems, warnings } = scan;
  const row = meta.rows[idx];
  const rowNo = idx + 2; // spreadsheet row of meta.csv (header is row 1)
  const diagnosis = row.diagnosis.trim();
  const group = DIAGNOSIS_INDEX.get(diagnosis.toLowerCase());
  if (!group) {
    problems.add({
      file: metaFile,
      row: rowNo,
      column: 'diagnosis',
      value: diagnosis,
      message: diagnosis === '' ? 'empty diagnosis' : `unknown diagnosis '${diagnosis}'`,
      expected: `one of ${[...DIAGNOSIS_INDEX.keys()].map((d) => `'${d}'`).join(', ')}`,
    });
    return { kind: 'unknown' };
  }
  if (group.label === undefined) return { kind: 'excluded', reason: `diagnosis group ${group.group} is not part of NEV vs MEL` };
  let ok = true;
  const tabular: Record<string, string | number | null> = {};
  for (const f of spec.tabular) {
    const v = problems.attempt(() => parseTabularCell(f, row[f.column], metaFile, rowNo, missingMarkers(spec, f), warnings), metaFile, { value: (row[f.column] ?? '').trim() });
    if (v === undefined) ok = false;
    else tabular[f.name] = v;
  }
  const imagePaths = imageColumns.map((col) => {
    const rel = (row[col] ?? '').trim();
    if (rel === '') {
      problems.add({ file: metaFile, row: rowNo, column: col, value: '', message: 'empty image path', expected: 'a path under images/, e.g. Aaa/Nel025.jpg' });
      ok = false;
      return '';
    }
    const abs = path.join(root, 'images', rel);
    if (scan.imageOk && !scan.imageOk(abs, rel, rowNo, col)) ok = false;
    return abs;
  });
  if (!ok) return { kind: 'bad', label: group.label };
  const extra: Record<string, string> = {};
  for (const c of meta.header) if (!spec.tabular.some((f) => f.column === c) && !imageColumns.includes(c)) extra[c] = row[c];
  extra.group = group.group;
  return {
    kind: 'case',
    label: group.label,
    record: { id: (row.case_num ?? '').trim() || String(idx + 1), split, label: group.label, imagePaths, tabular, source: `meta.csv row ${rowNo}`, extra },
  };
}
