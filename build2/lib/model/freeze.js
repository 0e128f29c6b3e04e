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
exports.withoutGradient = exports.freezableParams = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
/**
 * Frozen encoder stages (`model.freezeStages`): an encoder creates its weights through these params, which
 * note the stage (0-based, from the key) of each; `freeze(n)` then marks the variables of stages 0..n−1
 * non-trainable. tf.variableGrads gives no gradient for them (the backward pass stops at the first trainable
 * stage) and the optimiser is never given them (lib/train/build.ts), so neither a step nor weight decay moves them.
 */
function freezableParams(p, stageOf) {
    const byStage = [[], [], [], []];
    const note = (key, v) => {
        const s = stageOf(key);
        if (!(s >= 0 && s < 4))
            throw new errors_1.CfcmlError(`encoder weight '${key}' belongs to no stage 1–4`, { where: 'model.freezeStages' });
        byStage[s].push(v);
    };
    return {
        params: {
            add: (key, shape, init) => {
                const v = p.add(key, shape, init);
                note(key, v);
                return v;
            },
            adopt: (key, v) => {
                p.adopt(key, v);
                note(key, v);
            },
        },
        freeze(n) {
            if (!(Number.isInteger(n) && n >= 0 && n <= 4))
                throw new errors_1.CfcmlError(`freezeStages must be a whole number 0–4, got ${n}`, { where: 'model.freezeStages' });
            for (let s = 0; s < n; s++)
                for (const v of byStage[s])
                    v.trainable = false;
        },
    };
}
exports.freezableParams = freezableParams;
/**
 * `f` run off the gradient tape: tf.customGrad runs its forward function as one kernel, so the ops inside
 * record nothing and keep no tensors for a backward pass (a frozen stage's activations are freed as soon as
 * its tidies end, not held until the step's gradient is done). Its gradient is zero: nothing upstream of a
 * frozen stage trains.
 */
function withoutGradient(f) {
    const g = tf.customGrad((...args) => {
        const x = args[0];
        return { value: f(x), gradFunc: () => tf.zerosLike(x) };
    });
    return (x) => g(x);
}
exports.withoutGradient = withoutGradient;
//# sourceMappingURL=freeze.js.map