"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkClassesPresent = exports.cohortFingerprint = exports.parseTabularCell = exports.cellWhere = void 0;
const crypto_1 = require("crypto");
const errors_1 = require("../util/errors");
/**
 * Helpers shared by the loaders: turning one CSV cell into a validated tabular value, and the cohort
 * fingerprint. Every error names the file, the spreadsheet row, the column and the value.
 */
/** `file:row N, column 'c'` — the place a cell error points at (row as a spreadsheet shows it, header = 1). */
function cellWhere(file, row, column) {
    return `${file}: row ${row}, column '${column}'`;
}
exports.cellWhere = cellWhere;
/**
 * Validate one raw cell against its field: a categorical value must be one of the field's levels
 * (compared trimmed and case-insensitively, returned in the spec's spelling); a numeric one must parse to a
 * finite number. Values outside a numeric field's plausible range are pushed to `warnings`, not refused.
 */
function parseTabularCell(field, raw, file, row, warnings) {
    const value = (raw ?? '').trim();
    const where = cellWhere(file, row, field.column);
    if (field.kind === 'categorical') {
        const hit = field.levels.find((l) => l.toLowerCase() === value.toLowerCase());
        if (hit === undefined && value === '') {
            throw new errors_1.CfcmlError(`empty value for field '${field.name}'; allowed levels: ${field.levels.map((l) => `'${l}'`).join(', ')}`, { where });
        }
        if (hit === undefined) {
            throw new errors_1.CfcmlError(`unknown category '${value}' for field '${field.name}'; allowed levels: ${field.levels.map((l) => `'${l}'`).join(', ')}`, {
                where,
            });
        }
        return hit;
    }
    if (value === '')
        throw new errors_1.CfcmlError(`empty value for numeric field '${field.name}'; expected a number in [${field.range[0]}, ${field.range[1]}]`, { where });
    const x = Number(value);
    if (!Number.isFinite(x)) {
        throw new errors_1.CfcmlError(`value '${value}' of numeric field '${field.name}' is not a finite number (NaN/empty/text)`, { where });
    }
    if (warnings && (x < field.range[0] || x > field.range[1])) {
        warnings.push(`${where}: ${field.name} = ${x} lies outside its plausible range [${field.range[0]}, ${field.range[1]}]`);
    }
    return x;
}
exports.parseTabularCell = parseTabularCell;
/** A hash of (split, id, label) of every case, in order: checkpoints record it to detect a changed split. */
function cohortFingerprint(cases) {
    const h = (0, crypto_1.createHash)('sha256');
    for (const c of cases)
        h.update(`${c.split}\u0001${c.id}\u0001${c.label}\n`);
    return h.digest('hex').slice(0, 16);
}
exports.cohortFingerprint = cohortFingerprint;
/**
 * Training needs every class in the train split (a problem when one is missing); validation and test
 * without a class cannot give an AUC (a warning). Both name the class and what the split has.
 */
function checkClassesPresent(spec, split, counts, file, problems, warnings) {
    const total = counts.reduce((a, b) => a + b, 0);
    if (total === 0)
        return; // an empty split is reported on its own
    const missing = spec.classes.filter((_, k) => !(counts[k] > 0));
    if (missing.length === 0)
        return;
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
exports.checkClassesPresent = checkClassesPresent;
//# sourceMappingURL=records.js.map