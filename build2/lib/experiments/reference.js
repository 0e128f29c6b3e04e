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
exports.readReferenceRows = exports.referenceFileOf = exports.REFERENCE_DIR = void 0;
/**
 * Reference rows of a report: networks trained outside cfcml's harness on the same cohort and splits
 * (scripts/reference/standard_recipe.py, a textbook PyTorch fusion recipe), so a reader sees whether CFCML
 * is above, level with or below plain deep fusion, not only above or below its own ablations. The script's
 * JSON lies in `<sweep>/reference/<cohort folder name>.json`; `cfcml archive` keeps it.
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const errors_1 = require("../util/errors");
const stats_1 = require("./stats");
exports.REFERENCE_DIR = 'reference';
const FORM_NAMES = {
    joint: 'standard joint CNN (PyTorch)',
    late: 'standard late-fusion CNN (PyTorch)',
};
/** The reference file of a cohort of a sweep. */
function referenceFileOf(root, data) {
    return path.join(path.resolve(root), exports.REFERENCE_DIR, `${path.basename(path.resolve(data))}.json`);
}
exports.referenceFileOf = referenceFileOf;
/** The reference rows of one cohort of a sweep, one per form (mean ± sd over its seeds); none without a file. */
function readReferenceRows(root, data) {
    const file = referenceFileOf(root, data);
    if (!fs.existsSync(file))
        return [];
    let doc;
    try {
        doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    catch (e) {
        throw new errors_1.CfcmlError(`not valid JSON: ${e.message}`, { where: file });
    }
    if (!Array.isArray(doc.runs))
        throw new errors_1.CfcmlError('expected { runs: [...] } as scripts/reference/standard_recipe.py writes it', { where: file });
    const runs = doc.runs;
    runs.forEach((r, i) => {
        if (typeof r.form !== 'string' || !Number.isInteger(r.seed) || typeof r.test_auc !== 'number' || typeof r.valid_auc !== 'number') {
            throw new errors_1.CfcmlError(`run ${i}: needs form, an integer seed, test_auc and valid_auc`, { where: file });
        }
    });
    const forms = [...new Set(runs.map((r) => r.form))];
    return forms.map((form) => {
        const own = runs.filter((r) => r.form === form).sort((a, b) => a.seed - b.seed);
        const t = own.map((r) => r.test_auc);
        const v = own.map((r) => r.valid_auc);
        return {
            name: FORM_NAMES[form] ?? `standard ${form} (PyTorch)`,
            form,
            seeds: own.map((r) => r.seed),
            testAuc: { mean: (0, stats_1.mean)(t), sd: (0, stats_1.sd)(t), values: t },
            validAuc: { mean: (0, stats_1.mean)(v), sd: (0, stats_1.sd)(v), values: v },
            file: path.relative(path.resolve(root), file),
        };
    });
}
exports.readReferenceRows = readReferenceRows;
//# sourceMappingURL=reference.js.map