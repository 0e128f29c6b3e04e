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
exports.runMain = exports.f3 = exports.printTable = exports.finishedRuns = void 0;
/**
 * What the experiment records share: the finished runs of a sweep folder with what each was trained with,
 * and one way to print a table (console or Markdown). Tuning records read the validation split only.
 */
const path = __importStar(require("path"));
const lib_1 = require("../../lib");
const errors_1 = require("../../lib/util/errors");
/** Every finished run of the sweep at `root`, in the grid's order; a folder with none is an error. */
function finishedRuns(root) {
    const spec = (0, lib_1.readSweep)(root);
    const out = [];
    for (const run of spec.runs) {
        const dir = path.resolve(root, run.dir);
        const rd = new lib_1.RunDirectory(dir);
        if (rd.state() !== 'done')
            continue;
        out.push({ run, dir, options: rd.readOptions(), metrics: rd.readMetrics(), history: rd.readHistory() });
    }
    if (out.length === 0)
        throw new errors_1.CfcmlError('no finished run in this sweep yet', { where: root });
    return out;
}
exports.finishedRuns = finishedRuns;
/** Print rows as a Markdown table or through console.table, under an optional title. */
function printTable(rows, markdown, title) {
    if (title)
        console.log(`\n${markdown ? `**${title}**` : title}\n`);
    if (rows.length === 0)
        return console.log('(no runs)');
    if (!markdown)
        return console.table(rows);
    const cols = Object.keys(rows[0]);
    console.log(`| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|`);
    for (const r of rows)
        console.log(`| ${cols.map((c) => r[c]).join(' | ')} |`);
}
exports.printTable = printTable;
/** `0.123 ± 0.045` with '–' for an undefined value. */
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
exports.f3 = f3;
/** Run a record's main, turning a CfcmlError into one line on stderr and exit status 1. */
function runMain(name, main) {
    Promise.resolve()
        .then(() => main(process.argv.slice(2)))
        .then((code) => process.exit(code))
        .catch((e) => {
        console.error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
    });
}
exports.runMain = runMain;
//# sourceMappingURL=runs.js.map