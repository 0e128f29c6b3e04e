import * as fs from 'fs';
import * as path from 'path';
import { parseCsv, requireColumns } from '../util/csv';
import { CfcmlError } from '../util/errors';
import { MEN } from './datasets';
import { cohortFingerprint, parseTabularCell } from './records';
import type { DatasetSpec, Split } from './spec';
import { SPLITS } from './spec';
import type { CaseRecord, Cohort } from './types';

/**
 * Loader for the MEN-style layout (docs/DATA.md):
 * `<root>/{train,val,test}/<class>/<patient>/<modality file>` plus one clinical CSV with a row per patient
 * (its id first, then the spec's tabular columns). Volumes are not read here (see `ImageCache`); only their
 * presence is checked.
 */

/** Folder name(s) accepted for each split. */
export const MEN_SPLIT_DIRS: Record<Split, readonly string[]> = { train: ['train'], valid: ['val', 'valid'], test: ['test'] };

export interface MenLoadOptions {
  spec?: DatasetSpec;
  /** The clinical CSV; default: `clinical.csv` in `root`, else the only `.csv` file there. */
  clinical?: string;
}

/** True when `root` looks like a MEN-style folder (a train split folder holding class folders). */
export function isMenLayout(root: string, spec: DatasetSpec = MEN): boolean {
  const train = path.join(root, 'train');
  return fs.existsSync(train) && spec.classes.some((c) => fs.existsSync(path.join(train, c)));
}

function findClinical(root: string): string {
  const preferred = path.join(root, 'clinical.csv');
  if (fs.existsSync(preferred)) return preferred;
  const csvs = fs.readdirSync(root).filter((f) => f.toLowerCase().endsWith('.csv'));
  if (csvs.length === 1) return path.join(root, csvs[0]);
  throw new CfcmlError(
    csvs.length === 0 ? 'no clinical CSV found' : `several CSV files (${csvs.join(', ')}); cannot tell which is the clinical one`,
    { where: root, hint: 'pass the clinical CSV explicitly (loadMen(root, { clinical }))' },
  );
}

function listDirs(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
}

/** Read a MEN-style folder. */
export async function loadMen(root: string, opts: MenLoadOptions = {}): Promise<Cohort> {
  const spec = opts.spec ?? MEN;
  root = path.resolve(root);
  if (!fs.existsSync(root)) throw new CfcmlError('folder not found', { where: root });
  const clinicalFile = opts.clinical ? path.resolve(opts.clinical) : findClinical(root);
  if (!fs.existsSync(clinicalFile)) throw new CfcmlError('clinical CSV not found', { where: clinicalFile });
  const table = parseCsv(fs.readFileSync(clinicalFile, 'utf8'), clinicalFile);
  const idColumn = ['id', 'patient', 'patient_id'].find((c) => table.header.includes(c)) ?? table.header[0];
  requireColumns(table, spec.tabular.map((f) => f.column), clinicalFile);
  const rowsById = new Map<string, { row: Record<string, string>; rowNo: number }>();
  table.rows.forEach((row, k) => {
    const id = row[idColumn].trim();
    if (rowsById.has(id)) throw new CfcmlError(`patient id '${id}' appears twice (also row ${rowsById.get(id)!.rowNo})`, { where: `${clinicalFile}: row ${k + 2}, column '${idColumn}'` });
    rowsById.set(id, { row, rowNo: k + 2 });
  });

  const warnings: string[] = [];
  const cases: CaseRecord[] = [];
  const used = new Set<string>();
  for (const split of SPLITS) {
    const dirName = MEN_SPLIT_DIRS[split].find((d) => fs.existsSync(path.join(root, d)));
    if (!dirName) throw new CfcmlError(`empty split '${split}': no folder ${MEN_SPLIT_DIRS[split].join(' or ')}/`, { where: root });
    const splitDir = path.join(root, dirName);
    for (const cls of listDirs(splitDir)) {
      if (!spec.classes.includes(cls)) {
        throw new CfcmlError(`unknown class folder '${cls}'; expected: ${spec.classes.join(', ')}`, { where: path.join(splitDir, cls) });
      }
    }
    let kept = 0;
    spec.classes.forEach((cls, label) => {
      const classDir = path.join(splitDir, cls);
      if (!fs.existsSync(classDir)) return;
      for (const patient of listDirs(classDir)) {
        const dir = path.join(classDir, patient);
        const imagePaths = spec.imageModalities.map((m) => {
          const file = path.join(dir, m.file ?? `${m.name}.nii.gz`);
          if (!fs.existsSync(file)) {
            const alt = file.replace(/\.gz$/, '');
            if (alt !== file && fs.existsSync(alt)) return alt;
            throw new CfcmlError(`missing image: no ${path.basename(file)} for modality '${m.name}' of patient '${patient}'`, { where: dir });
          }
          return file;
        });
        const hit = rowsById.get(patient);
        if (!hit) throw new CfcmlError(`patient '${patient}' (${path.relative(root, dir)}) has no row in the clinical CSV (id column '${idColumn}')`, { where: clinicalFile });
        used.add(patient);
        const tabular: Record<string, string | number> = {};
        for (const f of spec.tabular) tabular[f.name] = parseTabularCell(f, hit.row[f.column], clinicalFile, hit.rowNo, warnings);
        cases.push({ id: patient, split, label, imagePaths, tabular, source: `${path.basename(clinicalFile)} row ${hit.rowNo}, ${path.relative(root, dir)}` });
        kept++;
      }
    });
    if (kept === 0) throw new CfcmlError(`empty split '${split}': no patient folders under ${spec.classes.join(', ')}`, { where: splitDir });
  }
  const unused = [...rowsById.keys()].filter((id) => !used.has(id)).length;
  const excluded = unused > 0 ? [{ reason: 'clinical CSV row without a patient folder', count: unused }] : [];
  return { spec, root, cases, excluded, fingerprint: cohortFingerprint(cases), warnings };
}
