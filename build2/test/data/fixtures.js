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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.editMeta = exports.writeTinyDerm7pt = exports.metaRow = exports.tmpDir = void 0;
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const sharp_1 = __importDefault(require("sharp"));
const csv_1 = require("../../lib/util/csv");
const derm7pt_1 = require("../../lib/data/derm7pt");
/** A fresh temporary folder. */
function tmpDir(tag) {
    return fs.mkdtempSync(path.join(os.tmpdir(), `cfcml-${tag}-`));
}
exports.tmpDir = tmpDir;
/** One hand-written meta.csv row (the 19 columns), with the checklist filled with plain values. */
function metaRow(caseNum, diagnosis, clinic, derm, over = {}) {
    return {
        case_num: String(caseNum),
        diagnosis,
        seven_point_score: '1',
        pigment_network: 'typical',
        streaks: 'absent',
        pigmentation: 'absent',
        regression_structures: 'absent',
        dots_and_globules: 'regular',
        blue_whitish_veil: 'absent',
        vascular_structures: 'absent',
        level_of_diagnostic_difficulty: 'low',
        elevation: 'flat',
        location: 'back',
        sex: 'female',
        management: 'clinical follow up',
        clinic,
        derm,
        case_id: `T${caseNum}`,
        notes: '',
        ...over,
    };
}
exports.metaRow = metaRow;
/**
 * A tiny folder in the real release_v0 format, written by hand (not by the generator): 8 rows, real JPEGs
 * of assorted sizes and `.jpg`/`.JPG` names, one case with one file for both images, one BCC and one SK row.
 */
async function writeTinyDerm7pt(root) {
    const rows = [
        metaRow(1, 'clark nevus', 'Aa/c1.JPG', 'Aa/d1.jpg'),
        metaRow(2, 'melanoma (in situ)', 'Aa/c2.jpg', 'Aa/d2.JPG', { management: 'excision', location: 'head neck', sex: 'male', elevation: 'palpable' }),
        metaRow(3, 'basal cell carcinoma', 'Bb/c3.jpg', 'Bb/d3.jpg'),
        metaRow(4, 'reed or spitz nevus', 'Bb/d4.jpg', 'Bb/d4.jpg', { notes: 'same file, "quoted", with comma' }),
        metaRow(5, 'melanoma (more than 1.5 mm)', 'Bb/c5.jpg', 'Bb/d5.jpg', { management: 'excision', level_of_diagnostic_difficulty: 'high' }),
        metaRow(6, 'seborrheic keratosis', 'Cc/c6.jpg', 'Cc/d6.jpg'),
        metaRow(7, 'dermal nevus', 'Cc/c7.jpg', 'Cc/d7.jpg', { location: 'acral' }),
        metaRow(8, 'melanoma', 'Cc/c8.jpg', 'Cc/d8.jpg', { management: 'excision', elevation: 'nodular' }),
    ];
    fs.mkdirSync(path.join(root, 'meta'), { recursive: true });
    fs.writeFileSync(path.join(root, 'meta', 'meta.csv'), (0, csv_1.formatCsv)(derm7pt_1.DERM7PT_COLUMNS, rows));
    const idx = (ks) => (0, csv_1.formatCsv)(['indexes'], ks.map((k) => [k]));
    fs.writeFileSync(path.join(root, 'meta', 'train_indexes.csv'), idx([0, 1, 2, 3]));
    fs.writeFileSync(path.join(root, 'meta', 'valid_indexes.csv'), idx([4, 5]));
    fs.writeFileSync(path.join(root, 'meta', 'test_indexes.csv'), idx([6, 7]));
    let k = 0;
    for (const r of rows) {
        for (const rel of new Set([r.clinic, r.derm])) {
            const file = path.join(root, 'images', rel);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            k++;
            const [w, h] = k % 2 ? [96, 64] : [80, 80];
            await (0, sharp_1.default)({ create: { width: w, height: h, channels: 3, background: { r: 40 * (k % 6), g: 120, b: 200 - 10 * k } } })
                .jpeg()
                .toFile(file);
        }
    }
    return { rows };
}
exports.writeTinyDerm7pt = writeTinyDerm7pt;
/** Rewrite one cell of meta.csv. */
function editMeta(root, row, column, value) {
    const file = path.join(root, 'meta', 'meta.csv');
    const text = fs.readFileSync(file, 'utf8');
    // Reparse and rewrite through formatCsv, so quoting stays right.
    const t = (0, csv_1.parseCsv)(text, file);
    t.rows[row][column] = value;
    fs.writeFileSync(file, (0, csv_1.formatCsv)(t.header, t.rows));
}
exports.editMeta = editMeta;
//# sourceMappingURL=fixtures.js.map