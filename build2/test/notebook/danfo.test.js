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
const danfo_1 = require("../../lib/notebook/danfo");
const table_1 = require("../../lib/notebook/table");
(0, node_test_1.test)('loading danfojs leaves tfjs gradients and kernels exactly as they were', async () => {
    await tf.setBackend('cpu');
    const globals = globalThis._tfGlobals;
    const grads = globals.get('gradRegistry');
    const kernels = globals.get('kernelRegistry');
    const convGrad = grads.get('Conv2D');
    const matMulKernel = kernels.get('cpu_BatchMatMul');
    strict_1.default.ok(convGrad && matMulKernel);
    const before = new Map(grads);
    const x = tf.randomNormal([1, 5, 5, 2], 0, 1, 'float32', 3);
    const w = tf.randomNormal([3, 3, 2, 2], 0, 1, 'float32', 4);
    const g1 = tf.grad((f) => tf.sum(tf.conv2d(x, f, 1, 'same')))(w);
    const dfd = (0, danfo_1.loadDanfo)();
    const df = new dfd.DataFrame({ a: [1, 2, 3] });
    strict_1.default.deepEqual(df.sum({ axis: 0 }).values, [6]);
    strict_1.default.equal(grads.get('Conv2D'), convGrad, 'Conv2D gradient is still cfcml tfjs 4.22 one');
    strict_1.default.equal(kernels.get('cpu_BatchMatMul'), matMulKernel);
    for (const [k, v] of before)
        strict_1.default.equal(grads.get(k), v, `gradient ${k} unchanged`);
    const g2 = tf.grad((f) => tf.sum(tf.conv2d(x, f, 1, 'same')))(w);
    strict_1.default.deepEqual(Array.from(await g2.data()), Array.from(await g1.data()));
    tf.dispose([x, w, g1, g2]);
});
(0, node_test_1.test)('formatTable pads columns and formats numbers', () => {
    const t = (0, table_1.formatTable)([{ field: 'sex', auc: 0.51234 }, { field: 'management', auc: 1 }], { digits: 3 });
    strict_1.default.equal(t, ['field       auc', '----------  -----', 'sex         0.512', 'management  1'].join('\n'));
});
//# sourceMappingURL=danfo.test.js.map