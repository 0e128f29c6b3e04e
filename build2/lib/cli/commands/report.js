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
exports.reportCommand = void 0;
const path = __importStar(require("path"));
const experiments_1 = require("../../experiments");
const plots_1 = require("../../plots");
const args_1 = require("../args");
exports.reportCommand = {
    name: 'report',
    summary: "a sweep's table (mean ± sd over seeds; ΔAUC vs full with a seed × case bootstrap CI and p, DeLong on the seed ensemble, Holm; oracle ceiling; reference rows; AUC per stratum) as CSV/Markdown/LaTeX, and its figures (with a learning curve over nested cohorts)",
    positionals: [{ name: 'sweep', help: 'sweep folder (holds sweep.json)', required: true }],
    options: [
        { name: 'out', type: 'string', metavar: '<dir>', help: 'where to write (default <sweep>/report)' },
        { name: 'figures', type: 'boolean', help: 'also render the figures (PNG, SVG, PDF; needs Chromium)' },
        { name: 'gap', type: 'boolean', help: 'also the modality-gap bars and UMAP panels (recomputes test embeddings from best.ckpt; with --figures)' },
        { name: 'json', type: 'boolean', help: 'print report.json instead of the Markdown table' },
    ],
    epilog: 'Example: cfcml report runs/ablation --figures --gap',
    async run(a) {
        const root = path.resolve(a.positionals[0]);
        const spec = (0, experiments_1.readSweep)(root);
        const report = (0, experiments_1.buildReport)(root, spec);
        const out = path.resolve((0, args_1.str)(a, 'out') ?? path.join(root, 'report'));
        const files = (0, experiments_1.writeTables)(report, out);
        if ((0, args_1.bool)(a, 'figures')) {
            try {
                const figs = (0, experiments_1.sweepFigures)(root, spec, report);
                if ((0, args_1.bool)(a, 'gap'))
                    Object.assign(figs, await (0, experiments_1.gapFigures)(root, spec, report, out, (m) => console.error(m)));
                files.push(...(await (0, experiments_1.writeFigures)(figs, path.join(out, 'figures'))));
            }
            finally {
                await (0, plots_1.closeRenderer)();
            }
        }
        if ((0, args_1.bool)(a, 'json'))
            console.log(JSON.stringify(report, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
        else {
            console.log((0, experiments_1.tableMarkdown)(report));
            console.log(`wrote ${files.length} files to ${out}`);
        }
        return report.problems.some((p) => p.state === 'failed' || p.state === 'unreadable') ? 1 : 0;
    },
};
//# sourceMappingURL=report.js.map