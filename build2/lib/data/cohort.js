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
exports.loadCohort = exports.detectDataset = void 0;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const errors_1 = require("../util/errors");
const registry_1 = require("./registry");
Object.defineProperty(exports, "detectDataset", { enumerable: true, get: function () { return registry_1.detectDataset; } });
async function loadCohort(root, opts = {}) {
    if (!fs.existsSync(root))
        throw new errors_1.CfcmlError('data folder not found', { where: root, hint: 'make one with `cfcml synth derm7pt --out <dir>`' });
    let name = opts.dataset ?? (0, registry_1.detectDataset)(root);
    if (!name) {
        // A download often unpacks one level down (Derm7pt: <dir>/release_v0); accept the parent too.
        for (const key of registry_1.DATASET_KEYS) {
            const entry = registry_1.DATASET_REGISTRY[key];
            const sub = entry.nestedIn?.map((d) => path.join(root, d)).find((d) => entry.detect(d));
            if (sub) {
                root = sub;
                name = key;
                break;
            }
        }
    }
    if (!name) {
        throw new errors_1.CfcmlError(`cannot tell the dataset from the layout (${registry_1.DATASET_KEYS.map((k) => `${k}: ${registry_1.DATASET_REGISTRY[k].layout}`).join('; ')})`, {
            where: root,
            hint: `pass the dataset explicitly (${registry_1.DATASET_KEYS.join(', ')})`,
        });
    }
    return (0, registry_1.getDataset)(name).load(root, { clinical: opts.clinical, problems: opts.problems });
}
exports.loadCohort = loadCohort;
//# sourceMappingURL=cohort.js.map