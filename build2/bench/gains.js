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
/**
 * What each change of the native path gained, measured in one run: a full training step (gradients + Adam) of
 * the Derm7pt and MEN `cpu` presets under four configurations, interleaved rep by rep so that the machine's
 * load hits them alike:
 *   wasm               dense products and convolutions on XNNPACK, Adam as 14 tfjs ops per weight (before)
 *   + BLAS matmul      matMul on the native BLAS (convolutions still on XNNPACK)
 *   + BLAS conv        also Conv2D and its gradients as im2col + BLAS where `nativeConvRule` says so
 *   + fused Adam       also Adam in one JS pass per weight (same bits, no op dispatch)
 *
 *   npx tsc -p tsconfig.json && node build/bench/gains.js [--reps 7]
 */
const os = __importStar(require("node:os"));
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../lib/backend");
const nativeConv_1 = require("../lib/backend/kernels/nativeConv");
const model_1 = require("../lib/model");
const build_1 = require("../lib/train/build");
const splitStep_1 = require("../lib/run/splitStep");
const measure_1 = require("./measure");
const VARIANTS = [
    { name: 'wasm', path: 'wasm', conv: false, fusedAdam: false },
    { name: '+ BLAS matmul', path: 'native-blas', conv: false, fusedAdam: false },
    { name: '+ BLAS conv', path: 'native-blas', conv: true, fusedAdam: false },
    { name: '+ fused Adam', path: 'native-blas', conv: true, fusedAdam: true },
];
const rule = { ...nativeConv_1.nativeConvRule };
const never = () => false;
function select(v) {
    (0, backend_1.useComputePath)(v.path);
    nativeConv_1.nativeConvRule.forward = v.conv ? rule.forward : never;
    nativeConv_1.nativeConvRule.filter = v.conv ? rule.filter : never;
    nativeConv_1.nativeConvRule.input = v.conv ? rule.input : never;
}
async function gains(spec, reps) {
    const { config, p } = await (0, measure_1.trainerModelConfig)(spec, 'cpu');
    const model = (0, model_1.createModel)(config);
    const batch = (0, measure_1.randomBatch)(config, p.batchSize, 1);
    const adam = (0, build_1.buildOptimizer)(model, p);
    const loss = { numClasses: config.numClasses, weights: p.hrm, tau: p.tau };
    let seed = 0;
    const step = (fusedAdam) => {
        const { grads, terms } = (0, splitStep_1.fullBatchGradients)(model, batch, { ...loss, dropoutSeed: seed++ });
        adam.apply(grads, p.lr, fusedAdam);
        tf.dispose([...Object.values(grads), terms]);
    };
    const ms = Object.fromEntries(VARIANTS.map((v) => [v.name, []]));
    for (const v of VARIANTS) {
        select(v);
        step(v.fusedAdam); // warm-up
    }
    for (let r = 0; r < reps; r++) {
        for (const v of r % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
            select(v);
            const t0 = process.hrtime.bigint();
            step(v.fusedAdam);
            ms[v.name].push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
    }
    select(VARIANTS[VARIANTS.length - 1]);
    tf.dispose([...batch.images, batch.tabular, batch.labels]);
    adam.dispose();
    model.dispose();
    return Object.fromEntries(Object.entries(ms).map(([k, xs]) => [k, [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]]));
}
async function main() {
    const i = process.argv.indexOf('--reps');
    const reps = i > 0 ? Number(process.argv[i + 1]) : 7;
    await (0, backend_1.initBackend)({ backend: 'wasm', quiet: true });
    if (!(0, backend_1.nativeBlasAvailable)())
        throw new Error('bench/gains: no native BLAS here (cfcml backend says why)');
    const load = os.loadavg()[0];
    const derm = await gains(measure_1.DERM7PT, reps);
    const men = await gains(measure_1.MEN, reps);
    console.log(`Training step, median of ${reps} interleaved reps, ms (× faster than wasm); load average ${load.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} vCPUs\n`);
    console.log('| configuration | Derm7pt cpu | MEN cpu |\n|---|---:|---:|');
    for (const v of VARIANTS) {
        console.log(`| ${v.name} | ${derm[v.name].toFixed(0)} (${(derm.wasm / derm[v.name]).toFixed(2)}×) | ${men[v.name].toFixed(0)} (${(men.wasm / men[v.name]).toFixed(2)}×) |`);
    }
}
main().catch((e) => {
    console.error(e);
    process.exit(1);
});
//# sourceMappingURL=gains.js.map