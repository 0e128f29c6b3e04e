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
exports.markdownOf = exports.checkText = exports.writtenLike = exports.jsonAt = void 0;
/**
 * Numbers that prose quotes from result files, kept equal to those files.
 *
 * Two marks, both HTML comments (invisible in rendered Markdown and in a notebook's Markdown cells):
 * - a table block, `<!-- table <report.json> -->` … `<!-- /table -->`: the lines between are the sweep
 *   report's `summaryMarkdown`;
 * - a quoted number followed by its source, `0.914<!-- <file.json> <path> -->`: the number, rounded as it is
 *   written (its decimals; thousands separators and a sign allowed), equals the JSON value at the path
 *   (`a.b.0.c`, and `rows[variant=full]` picks the element whose field equals the value).
 *
 *   node dist/scripts/records/docNumbers.js README.md …            check, exit 1 on a mismatch
 *   node dist/scripts/records/docNumbers.js --write README.md …    rewrite the table blocks from their reports
 * test/docs/numbers.test.ts runs the check on the README, docs/ and the notebooks.
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const tables_1 = require("../../lib/experiments/tables");
const errors_1 = require("../../lib/util/errors");
const fs_1 = require("../../lib/util/fs");
const TABLE = /<!-- table (\S+) -->\n([\s\S]*?)\n?<!-- \/table -->/g;
const QUOTED = /([+−-]?\d[\d,]*(?:\.\d+)?)<!-- (\S+\.json) (\S+) -->/g;
function readJson(root, file, where) {
    const abs = path.resolve(root, file);
    if (!fs.existsSync(abs))
        throw new errors_1.CfcmlError(`quotes a number from ${file}, which does not exist`, { where });
    return JSON.parse(fs.readFileSync(abs, 'utf8'));
}
/** The value at `a.b[k=v].0.c` in a parsed JSON document; a CfcmlError naming the step that fails. */
function jsonAt(doc, at, where) {
    let x = doc;
    for (const m of at.matchAll(/([^.[\]]+)|\[([^=\]]+)=([^\]]+)\]/g)) {
        const [, key, selKey, selValue] = m;
        if (key !== undefined) {
            if (x === null || typeof x !== 'object' || !(key in x))
                throw new errors_1.CfcmlError(`no '${key}' in ${at}`, { where });
            x = x[key];
        }
        else {
            if (!Array.isArray(x))
                throw new errors_1.CfcmlError(`[${selKey}=${selValue}] needs an array in ${at}`, { where });
            x = x.find((e) => e !== null && typeof e === 'object' && String(e[selKey]) === selValue);
            if (x === undefined)
                throw new errors_1.CfcmlError(`no element with ${selKey}=${selValue} in ${at}`, { where });
        }
    }
    return x;
}
exports.jsonAt = jsonAt;
/** `value` written the way `quoted` is written: its number of decimals, its sign, its thousands separators. */
function writtenLike(quoted, value) {
    const plain = quoted.replace(/,/g, '').replace('−', '-');
    const decimals = plain.includes('.') ? plain.split('.')[1].length : 0;
    let s = Math.abs(value).toFixed(decimals);
    if (quoted.includes(','))
        s = s.replace(/^\d+/, (int) => Number(int).toLocaleString('en-US'));
    const negative = value < 0 && Number(s.replace(/,/g, '')) !== 0;
    const sign = negative ? (quoted.startsWith('-') ? '-' : '−') : quoted.startsWith('+') ? '+' : '';
    return sign + s;
}
exports.writtenLike = writtenLike;
/** Check (or, with `write`, rewrite the table blocks of) one Markdown text; `label` names it in messages. */
function checkText(text, root, label, write = false) {
    const mismatches = [];
    let tables = 0;
    let numbers = 0;
    const out = text.replace(TABLE, (whole, file, body) => {
        tables++;
        const want = (0, tables_1.summaryMarkdown)(readJson(root, file, label));
        if (write)
            return `<!-- table ${file} -->\n${want}\n<!-- /table -->`;
        if (body.trim() !== want.trim())
            mismatches.push({ where: `${label}: table from ${file}`, quoted: body, expected: want });
        return whole;
    });
    for (const m of text.matchAll(QUOTED)) {
        numbers++;
        const [, quoted, file, at] = m;
        const value = jsonAt(readJson(root, file, label), at, `${label}: ${file} ${at}`);
        if (typeof value !== 'number')
            throw new errors_1.CfcmlError(`${file} ${at} is ${JSON.stringify(value)}, not a number`, { where: label });
        const expected = writtenLike(quoted, value);
        if (expected !== quoted)
            mismatches.push({ where: `${label}: ${file} ${at}`, quoted, expected });
    }
    return { text: out, tables, numbers, mismatches };
}
exports.checkText = checkText;
/** A file's Markdown: the file itself, or a notebook's Markdown cells joined. */
function markdownOf(file) {
    const text = fs.readFileSync(file, 'utf8');
    if (!file.endsWith('.ipynb'))
        return text;
    const nb = JSON.parse(text);
    return nb.cells
        .filter((c) => c.cell_type === 'markdown')
        .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
        .join('\n\n');
}
exports.markdownOf = markdownOf;
function main(argv) {
    const write = argv.includes('--write');
    const files = argv.filter((a) => a !== '--write');
    if (files.length === 0) {
        console.error('usage: node dist/scripts/records/docNumbers.js [--write] <file.md|file.ipynb> …');
        return 2;
    }
    let bad = 0;
    for (const file of files) {
        const root = process.cwd();
        if (write) {
            if (file.endsWith('.ipynb'))
                throw new errors_1.CfcmlError('--write rewrites Markdown files only', { where: file });
            const r = checkText(fs.readFileSync(file, 'utf8'), root, file, true);
            (0, fs_1.writeFileAtomic)(file, r.text);
            console.log(`${file}: ${r.tables} table(s) written`);
            continue;
        }
        const r = checkText(markdownOf(file), root, file);
        for (const m of r.mismatches)
            console.log(`${m.where}: quotes ${m.quoted}, the file says ${m.expected}`);
        console.log(`${file}: ${r.tables} table(s), ${r.numbers} number(s), ${r.mismatches.length} mismatch(es)`);
        bad += r.mismatches.length;
    }
    return bad > 0 ? 1 : 0;
}
if (require.main === module)
    process.exit(main(process.argv.slice(2)));
//# sourceMappingURL=docNumbers.js.map