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
exports.close = exports.reference = void 0;
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
/**
 * Reference values made by the scripts in scripts/reference/ (PyTorch, NumPy, scikit-learn), stored in
 * test/fixtures/reference/<name>.json with their inputs. Tests run from build/test/<folder>/.
 */
function reference(name) {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/reference', `${name}.json`), 'utf8'));
}
exports.reference = reference;
/** |actual − expected| ≤ tol·max(1, |expected|); `null` expected means "undefined": actual must be NaN. */
function close(actual, expected, what, tol = 1e-12) {
    if (expected === null) {
        strict_1.default.ok(Number.isNaN(actual), `${what}: expected NaN (undefined), got ${actual}`);
        return;
    }
    strict_1.default.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: got ${actual}, expected ${expected}`);
}
exports.close = close;
//# sourceMappingURL=reference.js.map