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
const tf = __importStar(require("@tensorflow/tfjs"));
const model_1 = require("../../lib/model");
(0, node_test_1.before)(async () => {
    await tf.setBackend('cpu');
});
(0, node_test_1.test)('one D-wide token per field: categorical = embedding row, numeric = x·w + b, in field order', () => {
    const store = new model_1.ParamStore(5);
    // numeric, categorical(3), numeric, categorical(2): exercises the reordering
    const tok = (0, model_1.makeTabularTokenizer)(store, 't', [{ kind: 'numeric' }, { kind: 'categorical', levels: 3 }, { kind: 'numeric' }, { kind: 'categorical', levels: 2 }], 4);
    const x = tf.tensor2d([
        [0.5, 2, -1, 1],
        [2.0, 2, 0, 0],
    ]);
    const T = tok.apply(x);
    strict_1.default.deepEqual(T.shape, [2, 4, 4]);
    const t = T.arraySync();
    const E = store.entries.find((e) => e.key === 't/embedding').variable.arraySync();
    const w = store.entries.find((e) => e.key === 't/numeric/scale').variable.arraySync();
    const close = (a, b) => a.every((v, i) => Math.abs(v - b[i]) < 1e-6);
    // field 1, level 2 → row 2; field 3 level 1 → row 3 + 1 (shared table, offsets)
    strict_1.default.ok(close(t[0][1], E[2]) && close(t[1][1], E[2]));
    strict_1.default.ok(close(t[0][3], E[4]) && close(t[1][3], E[3]));
    // numeric: bias starts at 0, so the token is x · w
    strict_1.default.ok(close(t[0][0], w[0].map((v) => 0.5 * v)));
    strict_1.default.ok(close(t[1][0], w[0].map((v) => 2 * v)));
    strict_1.default.ok(close(t[1][2], [0, 0, 0, 0]));
    strict_1.default.throws(() => tok.apply(tf.zeros([2, 3])), /3 columns, the model expects 4/);
    store.dispose();
});
//# sourceMappingURL=tabularTokenizer.test.js.map