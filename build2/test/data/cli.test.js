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
const args_1 = require("../../lib/cli/args");
const audit_1 = require("../../lib/cli/commands/audit");
const inspect_1 = require("../../lib/cli/commands/inspect");
const synth_1 = require("../../lib/cli/commands/synth");
const fixtures_1 = require("./fixtures");
async function capture(cmd, argv) {
    const lines = [];
    const log = console.log;
    console.log = (...a) => lines.push(a.join(' '));
    try {
        const code = await cmd.run((0, args_1.parseArgs)(cmd, argv));
        return { code, out: lines.join('\n') };
    }
    finally {
        console.log = log;
    }
}
(0, node_test_1.test)('cfcml synth / inspect --json / audit --json', async () => {
    const out = path.join((0, fixtures_1.tmpDir)('cli'), 'derm');
    const s = await capture(synth_1.synthCommand, ['derm7pt', '--out', out, '--seed', '3', '--scale', '0.05']);
    strict_1.default.equal(s.code, 0);
    strict_1.default.match(s.out, /synthetic derm7pt/);
    strict_1.default.ok(fs.existsSync(path.join(out, 'meta', 'meta.csv')));
    const ins = JSON.parse((await capture(inspect_1.inspectCommand, ['--data', out, '--json'])).out);
    strict_1.default.equal(ins.dataset, 'derm7pt');
    strict_1.default.deepEqual(Object.keys(ins.splits), ['train', 'valid', 'test']);
    strict_1.default.deepEqual(Object.keys(ins.splits.train), ['NEV', 'MEL']);
    strict_1.default.ok(Array.isArray(ins.excluded));
    const aud = JSON.parse((await capture(audit_1.auditCommand, ['--data', out, '--json'])).out);
    strict_1.default.deepEqual(aud.flagged, ['management']);
    strict_1.default.throws(() => (0, args_1.parseArgs)(synth_1.synthCommand, ['derm7pt']), /needs --out/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(synth_1.synthCommand, ['mnist', '--out', out]), /must be one of derm7pt, men/);
    await strict_1.default.rejects(synth_1.synthCommand.run((0, args_1.parseArgs)(synth_1.synthCommand, ['men', '--out', path.join(out, 'men'), '--no-leak'])), /--no-leak applies to derm7pt only/);
    strict_1.default.ok(!fs.existsSync(path.join(out, 'men')), 'nothing written when the options are refused');
});
(0, node_test_1.test)('cfcml inspect lists every problem of a bad folder without stopping (text and --json), exit code 1', async () => {
    const root = (0, fixtures_1.tmpDir)('inspect-bad');
    await (0, fixtures_1.writeTinyDerm7pt)(root);
    (0, fixtures_1.editMeta)(root, 0, 'location', 'elbow'); // row 2
    (0, fixtures_1.editMeta)(root, 1, 'sex', ''); // row 3
    fs.unlinkSync(path.join(root, 'images', 'Cc', 'd7.jpg')); // row 8, derm
    fs.writeFileSync(path.join(root, 'meta', 'test_indexes.csv'), 'indexes\n6\n7\n42\n');
    const text = await capture(inspect_1.inspectCommand, ['--data', root]);
    strict_1.default.equal(text.code, 1);
    strict_1.default.match(text.out, /PROBLEMS \(4; training refuses/);
    strict_1.default.match(text.out, /meta\.csv: row 2, column 'location': unknown category 'elbow'/);
    strict_1.default.match(text.out, /meta\.csv: row 3, column 'sex': empty value/);
    strict_1.default.match(text.out, /meta\.csv: row 8, column 'derm': missing image 'Cc\/d7\.jpg'/);
    strict_1.default.match(text.out, /test_indexes\.csv: row 4, column 'indexes': index '42'/);
    strict_1.default.match(text.out, /split .* total/); // the rest of the report is still there
    const json = JSON.parse((await capture(inspect_1.inspectCommand, ['--data', root, '--json'])).out);
    strict_1.default.equal(json.problems.total, 4);
    strict_1.default.equal(json.cases, 3); // the sound NEV/MEL cases: meta.csv rows 5, 6 and 9
    const loc = json.problems.shown.find((p) => p.column === 'location');
    strict_1.default.deepEqual({ row: loc.row, column: loc.column, value: loc.value }, { row: 2, column: 'location', value: 'elbow' });
    strict_1.default.match(loc.file, /meta\.csv$/);
    const limited = JSON.parse((await capture(inspect_1.inspectCommand, ['--data', root, '--json', '--max-problems', '2'])).out);
    strict_1.default.equal(limited.problems.total, 4);
    strict_1.default.equal(limited.problems.shown.length, 2);
    const ok = await capture(inspect_1.inspectCommand, ['--data', path.join((0, fixtures_1.tmpDir)('inspect-ok'))]).catch((e) => e);
    strict_1.default.ok(ok instanceof Error && /cannot tell the dataset/.test(ok.message));
});
//# sourceMappingURL=cli.test.js.map