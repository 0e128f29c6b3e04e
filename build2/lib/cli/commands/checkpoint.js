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
exports.checkpointCommand = void 0;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const checkpoint_1 = require("../../run/checkpoint");
const errors_1 = require("../../util/errors");
/** The `.ckpt` files under `target` (a file, or a folder searched recursively), sorted. */
function checkpointFiles(target) {
    if (!fs.existsSync(target))
        throw new errors_1.CfcmlError('no such file or folder', { where: target });
    if (!fs.statSync(target).isDirectory())
        return [target];
    const out = [];
    const walk = (dir) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const p = path.join(dir, e.name);
            if (e.isDirectory())
                walk(p);
            else if (e.isFile() && e.name.endsWith('.ckpt'))
                out.push(p);
        }
    };
    walk(target);
    return out;
}
exports.checkpointCommand = {
    name: 'checkpoint',
    summary: 'verify checkpoints (sha256), or convert ones of the format before safetensors (CFCMLCK1)',
    positionals: [
        { name: 'action', help: "'verify' checks every checkpoint's checksums; 'convert' rewrites CFCMLCK1 checkpoints as safetensors", choices: ['verify', 'convert'], required: true },
        { name: 'path', help: 'a .ckpt file, or a folder (run directory, sweep) searched for .ckpt files', required: true },
    ],
    options: [],
    epilog: '\nExamples:\n  cfcml checkpoint verify runs/s\n  cfcml checkpoint convert runs/old-run\n',
    async run(a) {
        const [action, target] = a.positionals;
        const files = checkpointFiles(path.resolve(target));
        if (files.length === 0)
            throw new errors_1.CfcmlError('no .ckpt files found', { where: target });
        let bad = 0;
        let converted = 0;
        for (const file of files) {
            try {
                if (action === 'convert') {
                    const did = (0, checkpoint_1.convertLegacyCheckpoint)(file);
                    converted += did ? 1 : 0;
                    console.log(`${file}: ${did ? 'converted to safetensors' : 'safetensors already'}`);
                }
                else if ((0, checkpoint_1.isLegacyCheckpoint)(fs.readFileSync(file))) {
                    (0, checkpoint_1.loadCheckpoint)(file);
                    console.log(`${file}: readable, format before safetensors (CFCMLCK1, no checksum); convert with: cfcml checkpoint convert ${file}`);
                }
                else {
                    const ck = (0, checkpoint_1.loadCheckpoint)(file);
                    const at = ck.meta.partial ? `epoch ${ck.meta.partial.epoch + 1}, step ${ck.meta.partial.step}` : ck.meta.epoch !== undefined ? `after epoch ${ck.meta.epoch}` : '';
                    console.log(`${file}: ok (sha256 verified, ${ck.arrays.length} tensors${at ? `, ${at}` : ''})`);
                }
            }
            catch (e) {
                if (!(e instanceof errors_1.CfcmlError))
                    throw e;
                bad++;
                console.log(`${e.message}`);
            }
        }
        if (action === 'convert')
            console.log(`${converted} of ${files.length} checkpoints converted${bad ? `, ${bad} unreadable` : ''}`);
        else
            console.log(`${files.length - bad} of ${files.length} checkpoints good`);
        return bad > 0 ? 1 : 0;
    },
};
//# sourceMappingURL=checkpoint.js.map