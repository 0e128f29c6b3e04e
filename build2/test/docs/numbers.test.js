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
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const docNumbers_1 = require("../../scripts/records/docNumbers");
/** The numbers the README, docs/ and the notebooks' prose quote from result files equal those files. */
const ROOT = path.join(__dirname, '../../..');
function docs(dir) {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? docs(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
}
const notebooks = () => fs
    .readdirSync(path.join(ROOT, 'notebooks'))
    .filter((f) => f.endsWith('.ipynb'))
    .map((f) => path.join(ROOT, 'notebooks', f));
function check(file) {
    return (0, docNumbers_1.checkText)((0, docNumbers_1.markdownOf)(file), ROOT, path.relative(ROOT, file));
}
(0, node_test_1.test)('writtenLike rounds a value the way the quoted text is written', () => {
    strict_1.default.equal((0, docNumbers_1.writtenLike)('0.677', 0.6771), '0.677');
    strict_1.default.equal((0, docNumbers_1.writtenLike)('0.68', 0.6771), '0.68');
    strict_1.default.equal((0, docNumbers_1.writtenLike)('238', 238.3), '238');
    strict_1.default.equal((0, docNumbers_1.writtenLike)('443,738', 443738), '443,738');
    strict_1.default.equal((0, docNumbers_1.writtenLike)('+0.047', 0.04712), '+0.047');
    strict_1.default.equal((0, docNumbers_1.writtenLike)('−0.012', -0.0119), '−0.012');
    strict_1.default.equal((0, docNumbers_1.writtenLike)('0.85', 0.7161), '0.72'); // a wrong quote is reported with the file's value
});
(0, node_test_1.test)('jsonAt follows keys, indices and [field=value] selectors, and names what is missing', () => {
    const doc = { groups: [{ rows: [{ variant: 'full', auc: 0.6 }, { variant: 'no-hrm', auc: 0.7 }] }] };
    strict_1.default.equal((0, docNumbers_1.jsonAt)(doc, 'groups.0.rows[variant=no-hrm].auc', 'x'), 0.7);
    strict_1.default.equal((0, docNumbers_1.jsonAt)(doc, 'groups.0.rows.0.auc', 'x'), 0.6);
    strict_1.default.throws(() => (0, docNumbers_1.jsonAt)(doc, 'groups.0.rows[variant=late-fusion].auc', 'x'), /variant=late-fusion/);
    strict_1.default.throws(() => (0, docNumbers_1.jsonAt)(doc, 'groups.0.table', 'x'), /'table'/);
});
(0, node_test_1.test)('checkText finds a table or a number that disagrees with its file', () => {
    const report = 'docs/results/ablation/report/report.json';
    const good = (0, docNumbers_1.checkText)(`full is 0.630<!-- ${report} groups.0.rows[variant=full].metrics.auc.mean -->.`, ROOT, 't');
    strict_1.default.deepEqual([good.numbers, good.mismatches.length], [1, 0]);
    const bad = (0, docNumbers_1.checkText)(`full is 0.640<!-- ${report} groups.0.rows[variant=full].metrics.auc.mean -->.`, ROOT, 't');
    strict_1.default.deepEqual(bad.mismatches.map((m) => [m.quoted, m.expected]), [['0.640', '0.630']]);
    const table = (0, docNumbers_1.checkText)(`<!-- table ${report} -->\n| variant |\n<!-- /table -->`, ROOT, 't');
    strict_1.default.equal(table.tables, 1);
    strict_1.default.equal(table.mismatches.length, 1);
    const rewritten = (0, docNumbers_1.checkText)(`<!-- table ${report} -->\n| variant |\n<!-- /table -->`, ROOT, 't', true);
    strict_1.default.equal((0, docNumbers_1.checkText)(rewritten.text, ROOT, 't').mismatches.length, 0);
    strict_1.default.match(rewritten.text, /\| `no-hrm` \| 1,2,3,4,5 \| \*\*0\.677 ± 0\.020\*\* \|/);
});
(0, node_test_1.test)("the README's table is the published ablation's report, and its quoted numbers are their files'", () => {
    const r = check(path.join(ROOT, 'README.md'));
    strict_1.default.equal(r.tables, 1, 'the README quotes one results table, marked <!-- table <report.json> -->');
    strict_1.default.ok(r.numbers >= 6, `the README marks only ${r.numbers} quoted numbers`);
    strict_1.default.deepEqual(r.mismatches, []);
});
(0, node_test_1.test)('every decimal number in the README prose names the file it comes from', () => {
    const text = fs
        .readFileSync(path.join(ROOT, 'README.md'), 'utf8')
        .replace(/```[\s\S]*?```/g, '')
        .replace(/<!-- table [\s\S]*?<!-- \/table -->/g, '')
        .replace(/`[^`]*`/g, '');
    const unmarked = [...text.matchAll(/\d+\.\d+(?!\d|<!-- )/g)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + m[0].length));
    strict_1.default.deepEqual(unmarked, [], 'mark each as 0.123<!-- <file.json> <path> --> (scripts/records/docNumbers.ts)');
});
(0, node_test_1.test)("the README has no date, clock time or 'this round'", () => {
    const text = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    strict_1.default.doesNotMatch(text, /\b20\d\d-\d\d-\d\d\b|\b\d\d:\d\d\b|this round/);
    strict_1.default.ok(text.split('\n').length <= 160, `README.md has ${text.split('\n').length} lines (at most 160)`);
});
(0, node_test_1.test)('docs/ and the notebooks quote result files correctly where they mark a number', () => {
    let numbers = 0;
    for (const file of [...docs(path.join(ROOT, 'docs')), ...notebooks()]) {
        const r = check(file);
        numbers += r.numbers + r.tables;
        strict_1.default.deepEqual(r.mismatches, [], path.relative(ROOT, file));
    }
    strict_1.default.ok(numbers >= 8, `only ${numbers} marked numbers in docs/ and notebooks/`);
});
//# sourceMappingURL=numbers.test.js.map