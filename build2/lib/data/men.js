"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadMen = exports.isMenLayout = exports.MEN_SPLIT_DIRS = void 0;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const csv_1 = require("../util/csv");
const errors_1 = require("../util/errors");
const problems_1 = require("../util/problems");
const imageCheck_1 = require("./imageCheck");
const datasets_1 = require("./datasets");
const records_1 = require("./records");
const spec_1 = require("./spec");
/**
 * Loader for the MEN-style layout (docs/DATA.md):
 * `<root>/{train,val,test}/<class>/<patient>/<modality file>` plus one clinical CSV with a row per patient
 * (its id first, then the spec's tabular columns). Volumes are not read here (see `ImageCache`); only their
 * presence is checked.
 */
/** Folder name(s) accepted for each split. */
exports.MEN_SPLIT_DIRS = { train: ['train'], valid: ['val', 'valid'], test: ['test'] };
/** True when `root` looks like a MEN-style folder (a train split folder holding class folders). */
function isMenLayout(root, spec = datasets_1.MEN) {
    const train = path.join(root, 'train');
    return fs.existsSync(train) && spec.classes.some((c) => fs.existsSync(path.join(train, c)));
}
exports.isMenLayout = isMenLayout;
function findClinical(root) {
    const preferred = path.join(root, 'clinical.csv');
    if (fs.existsSync(preferred))
        return preferred;
    const csvs = fs.readdirSync(root).filter((f) => f.toLowerCase().endsWith('.csv'));
    if (csvs.length === 1)
        return path.join(root, csvs[0]);
    throw new errors_1.CfcmlError(csvs.length === 0 ? 'no clinical CSV found' : `several CSV files (${csvs.join(', ')}); cannot tell which is the clinical one`, { where: root, hint: 'pass the clinical CSV explicitly (loadMen(root, { clinical }))' });
}
function listDirs(dir) {
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
async function loadMen(root, opts = {}) {
    const problems = opts.problems ?? new problems_1.ProblemList();
    const cohort = scanMen(path.resolve(root), opts, problems);
    if (!opts.problems)
        problems.throwIfAny(`the MEN folder ${path.resolve(root)}`, `fix them all in one pass; \`cfcml inspect --data ${path.resolve(root)}\` lists them with the rest of the folder's report`);
    return cohort;
}
exports.loadMen = loadMen;
function scanMen(root, opts, problems) {
    const spec = opts.spec ?? datasets_1.MEN;
    const warnings = [];
    const cases = [];
    const excluded = [];
    const done = () => ({ spec, root, cases, excluded, fingerprint: (0, records_1.cohortFingerprint)(cases), warnings });
    if (!fs.existsSync(root)) {
        problems.add({ file: root, message: 'folder not found' });
        return done();
    }
    const clinicalFile = opts.clinical ? path.resolve(opts.clinical) : problems.attempt(() => findClinical(root), root);
    let rowsById;
    let idColumn = 'id';
    if (clinicalFile !== undefined && !fs.existsSync(clinicalFile))
        problems.add({ file: clinicalFile, message: 'clinical CSV not found' });
    else if (clinicalFile !== undefined) {
        const table = problems.attempt(() => (0, csv_1.parseCsv)(fs.readFileSync(clinicalFile, 'utf8'), clinicalFile, { problems }), clinicalFile);
        if (table) {
            idColumn = ['id', 'patient', 'patient_id'].find((c) => table.header.includes(c)) ?? table.header[0];
            const columnsOk = problems.attempt(() => ((0, csv_1.requireColumns)(table, spec.tabular.map((f) => f.column), clinicalFile), true), clinicalFile);
            if (columnsOk) {
                rowsById = new Map();
                table.rows.forEach((row, k) => {
                    const id = (row[idColumn] ?? '').trim();
                    const at = { file: clinicalFile, row: k + 2, column: idColumn, value: id };
                    if (id === '')
                        return problems.add({ ...at, message: 'empty patient id', expected: 'the patient folder name' });
                    const before = rowsById.get(id);
                    if (before)
                        return problems.add({ ...at, message: `patient id '${id}' appears twice (also row ${before.rowNo})`, expected: 'one row per patient' });
                    rowsById.set(id, { row, rowNo: k + 2 });
                });
            }
        }
    }
    const used = new Set();
    const seenPatient = new Map();
    for (const split of spec_1.SPLITS) {
        const dirName = exports.MEN_SPLIT_DIRS[split].find((d) => fs.existsSync(path.join(root, d)));
        if (!dirName) {
            problems.add({ file: root, message: `empty split '${split}': no folder ${exports.MEN_SPLIT_DIRS[split].join(' or ')}/`, expected: 'train/, val/ and test/ folders' });
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
            if (!fs.existsSync(classDir))
                return;
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
                        if (alt !== file && fs.existsSync(alt))
                            file = alt;
                        else {
                            problems.add({ file: dir, value: path.basename(file), message: `missing sequence '${m.name}': no ${path.basename(file)} for patient '${patient}'`, expected: `${spec.imageModalities.map((x) => x.file ?? `${x.name}.nii.gz`).join(', ')} in every patient folder` });
                            ok = false;
                            return file;
                        }
                    }
                    const c = (0, imageCheck_1.checkVolume)(file, { voxels: true });
                    warnings.push(...c.notes);
                    if (c.error) {
                        problems.add({ file, message: c.error.message, expected: c.error.expected });
                        ok = false;
                    }
                    return file;
                });
                if (!rowsById)
                    continue;
                const hit = rowsById.get(patient);
                if (!hit) {
                    problems.add({ file: clinicalFile ?? root, column: idColumn, value: patient, message: `patient '${patient}' (${path.relative(root, dir)}) has no row in the clinical CSV`, expected: `a row whose '${idColumn}' is '${patient}'` });
                    continue;
                }
                used.add(patient);
                const tabular = {};
                for (const f of spec.tabular) {
                    const v = problems.attempt(() => (0, records_1.parseTabularCell)(f, hit.row[f.column], clinicalFile, hit.rowNo, warnings), clinicalFile, { value: (hit.row[f.column] ?? '').trim() });
                    if (v === undefined)
                        ok = false;
                    else
                        tabular[f.name] = v;
                }
                if (!ok)
                    continue;
                cases.push({ id: patient, split, label, imagePaths, tabular, source: `${path.basename(clinicalFile)} row ${hit.rowNo}, ${path.relative(root, dir)}` });
            }
        });
        (0, records_1.checkClassesPresent)(spec, split, perClass, splitDir, problems, warnings);
        if (perClass.every((n) => n === 0))
            problems.add({ file: splitDir, message: `empty split '${split}': no patient folders under ${spec.classes.join(', ')}`, expected: 'at least one patient folder per split' });
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
//# sourceMappingURL=men.js.map