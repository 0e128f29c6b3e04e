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
/** Every docs file a code comment cites exists, and every quoted heading (docs file, then "Heading") is a heading there. */
const ROOT = path.join(__dirname, '../../..');
function files(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}
function headings(doc) {
    return new Set(fs
        .readFileSync(path.join(ROOT, 'docs', doc), 'utf8')
        .split('\n')
        .filter((l) => /^#{1,6} /.test(l))
        .map((l) => l.replace(/^#+ /, '').trim()));
}
(0, node_test_1.test)('code comments cite documents and headings that exist', () => {
    let citations = 0;
    let quoted = 0;
    for (const file of [...files(path.join(ROOT, 'lib')), ...files(path.join(ROOT, 'test')), ...files(path.join(ROOT, 'scripts', 'records'))]) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\b([A-Z]+\.md)\b(?:[,:]? \(?"([^"]+)")?/g)) {
            const [, doc, heading] = m;
            if (doc === 'README.md')
                continue;
            citations++;
            const where = `${path.relative(ROOT, file)} cites ${doc}${heading ? ` "${heading}"` : ''}`;
            strict_1.default.ok(fs.existsSync(path.join(ROOT, 'docs', doc)), `${where}: no docs/${doc}`);
            if (heading) {
                quoted++;
                strict_1.default.ok(headings(doc).has(heading), `${where}: no such heading`);
            }
        }
    }
    strict_1.default.ok(citations >= 20 && quoted >= 6, `found ${citations} citations, ${quoted} with a heading`);
});
//# sourceMappingURL=citations.test.js.map