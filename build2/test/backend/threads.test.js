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
const node_child_process_1 = require("node:child_process");
const path = __importStar(require("node:path"));
/**
 * tfjs-wasm's threaded build in Node (lib/backend/threads.ts): with CFCML_WASM_THREADS=2 the backend really runs
 * 2 XNNPACK threads, the process still exits by itself, and a training step's loss and every weight gradient
 * are bit-identical to the single-threaded build's. The backend is chosen once per process, so each setting
 * runs in a child process.
 */
const LIB = path.join(__dirname, '../../lib');
const CHILD = `
const tf = require('@tensorflow/tfjs');
const crypto = require('crypto');
const { initBackend } = require(${JSON.stringify(path.join(LIB, 'backend'))});
const { createModel } = require(${JSON.stringify(path.join(LIB, 'model'))});
const { fullBatchGradients, randomStepBatch } = require(${JSON.stringify(path.join(LIB, 'run/splitStep'))});
(async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const threads = require('@tensorflow/tfjs-backend-wasm').getThreadsCount();
  const config = { images: [{ kind: '2d', channels: 3 }, { kind: '2d', channels: 3 }], imageSize: [32, 32],
    tabular: [3, 3, 9].map((levels) => ({ kind: 'categorical', levels })), numClasses: 2, variant: 'full',
    model: { width: 16, imgTokens: 4, tabTokens: 4, heads: 2, encoderWidths: [8, 16, 16, 24], sharedEncoder: true, dropout: 0.2 }, seed: 3 };
  const model = createModel(config);
  const b = randomStepBatch(config, 8, 2);
  const r = fullBatchGradients(model, b, { numClasses: 2, weights: { sam: 0.4, up: 0.6, cp: 1.8 }, tau: 0.07, dropoutSeed: 5 });
  const h = crypto.createHash('sha256');
  h.update(Buffer.from(r.terms.dataSync().buffer));
  for (const w of model.weights) h.update(Buffer.from(r.grads[w.variable.name].dataSync().buffer));
  console.log(JSON.stringify({ threads, hash: h.digest('hex') }));
})();
`;
function runChild(threads) {
    const r = (0, node_child_process_1.spawnSync)(process.execPath, ['-e', CHILD], {
        encoding: 'utf8',
        env: { ...process.env, CFCML_WASM_THREADS: threads },
        timeout: 240000,
        cwd: path.join(__dirname, '../../..'),
    });
    strict_1.default.equal(r.status, 0, `child (CFCML_WASM_THREADS=${threads}) failed or hung: ${r.error?.message ?? ''} ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
}
(0, node_test_1.test)('threaded wasm: 2 XNNPACK threads in Node, same loss and gradients bit for bit as 1 thread, exits by itself', () => {
    const one = runChild('1');
    const two = runChild('2');
    strict_1.default.equal(one.threads, 1);
    strict_1.default.equal(two.threads, 2, 'the threaded build runs 2 threads');
    strict_1.default.equal(two.hash, one.hash, 'loss and gradients identical with 1 and 2 threads');
});
//# sourceMappingURL=threads.test.js.map