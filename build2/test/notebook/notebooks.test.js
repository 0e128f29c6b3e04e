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
/**
 * The tracked notebooks as files: clean (no outputs, no execution counts — a reader's run never lands in
 * git; `npm run notebooks` never saves over them in the tests), on the repo-local tslab kernel, code a
 * reader can read without scrolling sideways (lines ≤ 100 characters), no `as any`, and no copies of what
 * the library provides (cohort synthesis, the seven-point rule, the backend line on stderr).
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const DIR = path.resolve(__dirname, '..', '..', '..', 'notebooks');
const ROOT = path.resolve(DIR, '..');
const text = (c) => (Array.isArray(c.source) ? c.source.join('') : c.source);
const notebooks = fs.readdirSync(DIR).filter((f) => f.endsWith('.ipynb')).sort();
(0, node_test_1.test)('the notebooks are numbered 00, 01, … without gaps, and the README lists each of them', () => {
    strict_1.default.ok(notebooks.length >= 7, `only ${notebooks.length} notebooks`);
    strict_1.default.deepEqual(notebooks.map((f) => f.slice(0, 3)), notebooks.map((_, i) => `${String(i).padStart(2, '0')}-`));
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `(\d\d-[\w-]+)` \|/gm)].map((m) => `${m[1]}.ipynb`);
    strict_1.default.deepEqual(listed, notebooks, "the README's notebook table lists exactly the notebooks/ files");
});
for (const file of notebooks) {
    (0, node_test_1.test)(`${file}: clean, tslab kernel, readable code, library helpers instead of copies`, () => {
        const nb = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
        strict_1.default.equal(nb.metadata.kernelspec?.name, 'tslab');
        const code = nb.cells.filter((c) => c.cell_type === 'code');
        strict_1.default.ok(code.length > 0);
        code.forEach((c, i) => {
            strict_1.default.deepEqual(c.outputs ?? [], [], `code cell ${i} has outputs: run \`/usr/bin/python3 scripts/strip_outputs.py notebooks/${file}\``);
            strict_1.default.equal(c.execution_count ?? null, null, `code cell ${i} has an execution count`);
            for (const line of text(c).split('\n'))
                strict_1.default.ok(line.length <= 100, `code cell ${i}: ${line.length} chars: ${line}`);
            const src = text(c);
            strict_1.default.ok(!/\bas any\b/.test(src), `code cell ${i} uses \`as any\``);
            strict_1.default.ok(!/synthDerm7pt\(/.test(src), `code cell ${i} synthesises the cohort itself (use ensureCohort)`);
            strict_1.default.ok(!/pigment_network:\s*\(/.test(src), `code cell ${i} copies the seven-point rule (use SEVEN_POINT)`);
            strict_1.default.ok(!/await initBackend\(\)/.test(src), `code cell ${i}: initBackend() without { quiet: true } writes to stderr`);
            strict_1.default.ok(!/^\s*await saveFigure\(/m.test(src), `code cell ${i}: a bare saveFigure prints its paths (use show(fig, { save }))`);
            // tslab prints the value of a cell's last expression: `await initBackend()` last would print `wasm`.
            const lastLine = src.trimEnd().split('\n').pop() ?? '';
            strict_1.default.ok(!/^await (initBackend|ensureCohort|saveFigure)\(/.test(lastLine), `code cell ${i} ends with a value that tslab prints: ${lastLine}`);
        });
    });
}
//# sourceMappingURL=notebooks.test.js.map