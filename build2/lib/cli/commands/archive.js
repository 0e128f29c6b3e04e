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
exports.archiveCommand = void 0;
const path = __importStar(require("path"));
const experiments_1 = require("../../experiments");
const args_1 = require("../args");
exports.archiveCommand = {
    name: 'archive',
    summary: "copy a sweep's results without checkpoints (sweep.json, each finished run's metrics, predictions, history, log) into a folder to keep or commit",
    positionals: [{ name: 'sweep', help: 'sweep folder (holds sweep.json)', required: true }],
    options: [{ name: 'out', type: 'string', required: true, metavar: '<dir>', help: 'archive folder; an existing archive is extended, and a run there with another result is refused' }],
    epilog: `Each finished run keeps ${experiments_1.ARCHIVED_FILES.join(', ')}; a synthetic cohort keeps ${experiments_1.ARCHIVED_COHORT_FILES.join(' and ')} (under cohorts/), for the oracle ceiling.\n` +
        'The archive is a sweep folder: `cfcml report <archive> --figures` rebuilds the tables and figures (the modality-gap ones need best.ckpt).\n' +
        'Example: cfcml archive runs/ablation --out results/ablation',
    async run(a) {
        const root = path.resolve(a.positionals[0]);
        const out = path.resolve((0, args_1.str)(a, 'out'));
        const r = (0, experiments_1.archiveSweep)(root, out);
        console.log(`archived ${root} into ${out}: ${r.copied.length} run(s) copied (${(r.bytes / 1024).toFixed(0)} kB), ${r.unchanged.length} already there, ${r.unfinished.length} not finished` +
            (r.unfinished.length ? ` (${r.unfinished.join(', ')})` : '') +
            (r.oracles.length ? `; the oracle of ${r.oracles.join(', ')}` : ''));
        return 0;
    },
};
//# sourceMappingURL=archive.js.map