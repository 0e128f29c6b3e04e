import * as fs from 'fs';
import * as path from 'path';
import { parseCsv, requireColumns } from '../util/csv';
import { CfcmlError } from '../util/errors';
import { ProblemList } from '../util/problems';
import { checkVolume } from './imageCheck';
import { MEN } from './datasets';
import { checkClassesPresent, cohortFingerprint, parseTabularCell } from './records';
import type { DatasetSpec, Split } from './spec';
import { missingMarkers, SPLITS } from './spec';
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
  /** Collect problems here and return the sound cases, instead of throwing them all at once (the default). */
  problems?: ProblemList;
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

/**
 * Read a MEN-style folder. Every problem of the folder is found in one pass; unless `opts.problems` is
 * given, they are thrown together as one `CfcmlProblemsError`.
 */
export async function loadMen(root: string, opts: MenLoadOptions = {}): Promise<Cohort> {
  const problems = opts.problems ?? new ProblemList();
  const cohort = scanMen(path.resolve(root), opts, problems);
  if (!opts.problems) problems.throwIfAny(`the MEN folder ${path.resolve(root)}`, `fix them all in one pass; \`cfcml inspect --data ${path.resolve(root)}\` lists them with the rest of the folder's report`);
  return cohort;
}

function scanMen(root: string, opts: MenLoadOptions, problems: ProblemList): Cohort {
  const spec = opts.spec ?? MEN;
  const warnings: string[] = [];
  const cases: CaseRecord[] = [];
  const excluded: Cohort['excluded'] = [];
  const done = (): Cohort => ({ spec, root, cases, excluded, fingerprint: cohortFingerprint(cases), warnings });
  if (!fs.existsSync(root)) {
    problems.add({ file: root, message: 'folder not found' });
    return done();
  }
  const clinicalFile = opts.clinical ? path.resolve(opts.clinical) : problems.attempt(() => findClinical(root), root);
  let rowsById: Map<string, { row: Record<string, string>; rowNo: number }> | undefined;
  let idColumn = 'id';
  if (clinicalFile !== undefined && !fs.existsSync(clinicalFile)) problems.add({ file: clinicalFile, message: 'clinical CSV not found' });
  else if (clinicalFile !== undefined) {
    const table = problems.attempt(() => parseCsv(fs.readFileSync(clinicalFile, 'utf8'), clinicalFile, { problems }), clinicalFile);
    if (table) {
      idColumn = ['id', 'patient', 'patient_id'].find((c) => table.header.includes(c)) ?? table.header[0];
      const columnsOk = problems.attempt(() => (requireColumns(table, spec.tabular.map((f) => f.column), clinicalFile), true), clinicalFile);
      if (columnsOk) {
        rowsById = new Map();
        table.rows.forEach((row, k) => {
          const id = (row[idColumn] ?? '').trim();
          const at = { file: clinicalFile, row: k + 2, column: idColumn, value: id };
          if (id === '') return problems.add({ ...at, message: 'empty patient id', expected: 'the patient folder name' });
          const before = rowsById!.get(id);
          if (before) return problems.add({ ...at, message: `patient id '${id}' appears twice (also row ${before.rowNo})`, expected: 'one row per patient' });
          rowsById!.set(id, { row, rowNo: k + 2 });
        });
      }
    }
  }

  const used = new Set<string>();
  const seenPatient = new Map<string, string>();
  for (const split of SPLITS) {
    const dirName = MEN_SPLIT_DIRS[split].find((d) => fs.existsSync(path.join(root, d)));
    if (!dirName) {
      problems.add({ file: root, message: `empty split '${split}': no folder ${MEN_SPLIT_DIRS[split].join(' or ')}/`, expected: 'train/, val/ and test/ folders' });
      continue;
    }
    const splitDir = path.join(root, dirName);
    for (const cls of listDirs(splitDir)) {
      if (!spec.classes.includes(cls)) {
        problems.add({ file: path.join(splitDir, cls), value: cls, message: `unknown class folder '${cls}'`, expected: `one of ${spec.classes.join(', ')}` });
      }
    }
    const perClass = spec.classes.map(() => 0);
    spec.classes.forEach((cls, label) => {
      const classDir = path.join(splitDir, cls);
      if (!fs.existsSync(classDir)) return;
      for (const patient of listDirs(classDir)) {
        const dir = path.join(classDir, patient);
        perClass[label]++;
        let ok = true;
        const other = seenPatient.get(patient);
        if (other) {
          problems.add({ file: dir, value: patient, message: `patient '${patient}' has a folder in two places (also ${other})`, expected: 'each patient in one split and class' });
          ok = false;
        }
        seenPatient.set(patient, path.relative(root, dir));
        const imagePaths = spec.imageModalities.map((m) => {
          let file = path.join(dir, m.file ?? `${m.name}.nii.gz`);
          if (!fs.existsSync(file)) {
            const alt = file.replace(/\.gz$/, '');
            if (alt !== file && fs.existsSync(alt)) file = alt;
            else {
              problems.add({ file: dir, value: path.basename(file), message: `missing sequence '${m.name}': no ${path.basename(file)} for patient '${patient}'`, expected: `${spec.imageModalities.map((x) => x.file ?? `${x.name}.nii.gz`).join(', ')} in every patient folder` });
              ok = false;
              return file;
            }
          }
          const c = checkVolume(file, { voxels: true });
          warnings.push(...c.notes);
          if (c.error) {
            problems.add({ file, message: c.error.message, expected: c.error.expected });
            ok = false;
          }
          return file;
        });
        if (!rowsById) continue;
        const hit = rowsById.get(patient);
        if (!hit) {
          problems.add({ file: clinicalFile ?? root, column: idColumn, value: patient, message: `patient '${patient}' (${path.relative(root, dir)}) has no row in the clinical CSV`, expected: `a row whose '${idColumn}' is '${patient}'` });
          continue;
        }
        used.add(patient);
        const tabular: Record<string, string | number | null> = {};
        for (const f of spec.tabular) {
          const v = problems.attempt(() => parseTabularCell(f, hit.row[f.column], clinicalFile!, hit.rowNo, missingMarkers(spec, f), warnings), clinicalFile, { value: (hit.row[f.column] ?? '').trim() });
          if (v === undefined) ok = false;
          else tabular[f.name] = v;
        }
        if (!ok) continue;
        cases.push({ id: patient, split, label, imagePaths, tabular, source: `${path.basename(clinicalFile!)} row ${hit.rowNo}, ${path.relative(root, dir)}` });
      }
    });
    checkClassesPresent(spec, split, perClass, splitDir, problems, warnings);
    if (perClass.every((n) => n === 0)) problems.add({ file: splitDir, message: `empty split '${split}': no patient folders under ${spec.classes.join(', ')}`, expected: 'at least one patient folder per split' });
  }
  if (rowsById) {
    const unused = [...rowsById.entries()].filter(([id]) => !used.has(id) && !seenPatient.has(id));
    if (unused.length > 0) {
      excluded.push({ reason: 'clinical CSV row without a patient folder', count: unused.length });
      const shown = unused.slice(0, 10).map(([id, r]) => `'${id}' (row ${r.rowNo})`);
      warnings.push(`${clinicalFile}: ${unused.length} patient(s) with a clinical row but no image folder, left out: ${shown.join(', ')}${unused.length > 10 ? `, … ${unused.length - 10} more` : ''}`);
    }
  }
  return done();
}
