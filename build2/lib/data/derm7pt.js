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
exports.loadDerm7pt = exports.isDerm7ptLayout = exports.DIAGNOSIS_GROUPS = exports.CHECKLIST_COLUMNS = exports.DERM7PT_COLUMNS = void 0;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const csv_1 = require("../util/csv");
const problems_1 = require("../util/problems");
const suggest_1 = require("../util/suggest");
const datasets_1 = require("./datasets");
const imageCheck_1 = require("./imageCheck");
const records_1 = require("./records");
const spec_1 = require("./spec");
/**
 * Loader for the Derm7pt `release_v0` layout (docs/DATA.md): `meta/meta.csv`, `meta/{split}_indexes.csv`,
 * `images/...`. Binary NEV vs MEL by the dataset authors' own grouping of `diagnosis`; the other diagnoses
 * are left out and counted per group in `cohort.excluded`.
 */
/** The 19 columns of meta.csv, in the released order. */
exports.DERM7PT_COLUMNS = [
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
];
/** The seven dermoscopic criteria columns (kept as `extra` for exploration). */
exports.CHECKLIST_COLUMNS = exports.DERM7PT_COLUMNS.slice(3, 10);
/** The diagnosis grouping of docs/DATA.md: group name → diagnoses; `label` is set for the two kept groups. */
exports.DIAGNOSIS_GROUPS = [
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
const DIAGNOSIS_INDEX = new Map();
for (const g of exports.DIAGNOSIS_GROUPS)
    for (const d of g.diagnoses)
        DIAGNOSIS_INDEX.set(d, { group: g.group, label: g.label });
/** Index file name per split (the release calls the middle one `valid`). */
const INDEX_FILES = { train: 'train_indexes.csv', valid: 'valid_indexes.csv', test: 'test_indexes.csv' };
/** True when `root` looks like a release_v0 folder. */
function isDerm7ptLayout(root) {
    return fs.existsSync(path.join(root, 'meta', 'meta.csv'));
}
exports.isDerm7ptLayout = isDerm7ptLayout;
const LAYOUT_HINT = 'a Derm7pt folder holds meta/meta.csv, meta/{train,valid,test}_indexes.csv and images/';
function readCsvFile(file, problems) {
    if (!fs.existsSync(file)) {
        problems.add({ file, message: 'file not found', expected: LAYOUT_HINT });
        return undefined;
    }
    return problems.attempt(() => (0, csv_1.parseCsv)(fs.readFileSync(file, 'utf8'), file, { problems }), file);
}
/** Report missing required columns (with a likely rename) as problems; true when all are there. */
function checkColumns(table, required, file, problems) {
    const missing = required.filter((c) => !table.header.includes(c));
    const unknown = table.header.filter((h) => !required.includes(h) && !exports.DERM7PT_COLUMNS.includes(h));
    for (const m of missing) {
        const renamed = (0, suggest_1.closest)(m, unknown);
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
async function loadDerm7pt(root, opts = {}) {
    const problems = opts.problems ?? new problems_1.ProblemList();
    const cohort = scanDerm7pt(path.resolve(root), opts.spec ?? datasets_1.DERM7PT, opts.checkImages ?? true, problems);
    if (!opts.problems)
        problems.throwIfAny(`the Derm7pt folder ${path.resolve(root)}`, `fix them all in one pass; \`cfcml inspect --data ${path.resolve(root)}\` lists them with the rest of the folder's report`);
    return cohort;
}
exports.loadDerm7pt = loadDerm7pt;
function scanDerm7pt(root, spec, checkImages, problems) {
    const metaFile = path.join(root, 'meta', 'meta.csv');
    const warnings = [];
    const cases = [];
    const excludedCounts = new Map();
    const done = () => ({
        spec,
        root,
        cases,
        excluded: [...excludedCounts.entries()].map(([reason, count]) => ({ reason, count })),
        fingerprint: (0, records_1.cohortFingerprint)(cases),
        warnings,
    });
    const meta = readCsvFile(metaFile, problems);
    const indexTables = spec_1.SPLITS.map((split) => {
        const file = path.join(root, 'meta', INDEX_FILES[split]);
        const table = readCsvFile(file, problems);
        return table && checkColumns(table, ['indexes'], file, problems) ? { split, file, table } : undefined;
    });
    if (!meta)
        return done();
    const imageColumns = spec.imageModalities.map((m) => m.file ?? m.name);
    const required = ['diagnosis', ...imageColumns, ...spec.tabular.map((f) => f.column)];
    if (!checkColumns(meta, required, metaFile, problems))
        return done();
    const extraColumns = meta.header.filter((h) => !required.includes(h) && !exports.DERM7PT_COLUMNS.includes(h));
    if (extraColumns.length)
        warnings.push(`${metaFile}: extra column(s) ${extraColumns.map((c) => `'${c}'`).join(', ')} accepted and kept in each case's extra fields`);
    const seenRow = new Map();
    const checkedImages = new Map();
    const imageOk = (abs, rel, rowNo, col) => {
        const known = checkedImages.get(abs);
        if (known !== undefined)
            return known;
        let ok = true;
        if (!fs.existsSync(abs)) {
            problems.add({ file: metaFile, row: rowNo, column: col, value: rel, message: `missing image '${rel}' (looked for ${abs})`, expected: 'an image file under images/' });
            ok = false;
        }
        else {
            const c = (0, imageCheck_1.checkPhoto)(abs);
            warnings.push(...c.notes);
            if (c.error) {
                problems.add({ file: metaFile, row: rowNo, column: col, value: rel, message: `bad image ${abs}: ${c.error.message}`, expected: c.error.expected });
                ok = false;
            }
        }
        checkedImages.set(abs, ok);
        return ok;
    };
    for (const entry of indexTables) {
        if (!entry)
            continue;
        const { split, file: indexFile, table } = entry;
        const perClass = spec.classes.map(() => 0);
        table.rows.forEach((r, k) => {
            const raw = (r.indexes ?? '').trim();
            const idx = Number(raw);
            const at = { file: indexFile, row: k + 2, column: 'indexes', value: raw };
            if (raw === '' || !Number.isInteger(idx) || idx < 0 || idx >= meta.rows.length) {
                problems.add({ ...at, message: raw === '' ? 'empty index' : `index '${raw}' is not a row number of meta.csv`, expected: `a whole number 0..${meta.rows.length - 1} (meta.csv has ${meta.rows.length} data rows)` });
                return;
            }
            const before = seenRow.get(idx);
            if (before) {
                problems.add({
                    ...at,
                    message: before.split === split
                        ? `meta.csv row index ${idx} is listed twice in ${INDEX_FILES[split]} (also row ${before.row})`
                        : `meta.csv row index ${idx} (case in meta.csv row ${idx + 2}) is listed in both ${before.split} (${INDEX_FILES[before.split]} row ${before.row}) and ${split}`,
                    expected: 'each case in exactly one split, once',
                });
                return;
            }
            seenRow.set(idx, { split, file: indexFile, row: k + 2 });
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
                return;
            }
            if (group.label === undefined) {
                const reason = `diagnosis group ${group.group} is not part of NEV vs MEL`;
                excludedCounts.set(reason, (excludedCounts.get(reason) ?? 0) + 1);
                return;
            }
            perClass[group.label]++;
            let ok = true;
            const tabular = {};
            for (const f of spec.tabular) {
                const v = problems.attempt(() => (0, records_1.parseTabularCell)(f, row[f.column], metaFile, rowNo, warnings), metaFile, { value: (row[f.column] ?? '').trim() });
                if (v === undefined)
                    ok = false;
                else
                    tabular[f.name] = v;
            }
            const imagePaths = imageColumns.map((col) => {
                const rel = (row[col] ?? '').trim();
                if (rel === '') {
                    problems.add({ file: metaFile, row: rowNo, column: col, value: '', message: 'empty image path', expected: 'a path under images/, e.g. Aaa/Nel025.jpg' });
                    ok = false;
                    return '';
                }
                const abs = path.join(root, 'images', rel);
                if (checkImages && !imageOk(abs, rel, rowNo, col))
                    ok = false;
                return abs;
            });
            if (!ok)
                return;
            const extra = {};
            for (const c of meta.header)
                if (!spec.tabular.some((f) => f.column === c) && !imageColumns.includes(c))
                    extra[c] = row[c];
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
        });
        (0, records_1.checkClassesPresent)(spec, split, perClass, indexFile, problems, warnings);
        if (perClass.every((n) => n === 0)) {
            problems.add({ file: indexFile, message: `empty split '${split}': no NEV or MEL case is listed (${table.rows.length} index rows)`, expected: 'at least one NEV or MEL case per split' });
        }
    }
    return done();
}
//# sourceMappingURL=derm7pt.js.map