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
/**
 * HRM losses (H5)–(H7) against a naive float64 reference (scripts/reference/hrm_reference.py, written
 * straight from METHOD.md with loops over samples and classes), gradients against its finite
 * differences, edge cases and properties.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const tf = __importStar(require("@tensorflow/tfjs"));
const hrm_1 = require("../../lib/hrm");
const random_1 = require("../../lib/util/random");
const FIXTURE = path.join(__dirname, '../../../test/fixtures/reference/hrm.json');
const cases = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')).cases;
/** 1e-5 relative, with an absolute floor for values near 0 (float32 resolution of −log(1 − x) ≈ 1e-7). */
function close(actual, expected, what, rtol = 1e-5, atol = 1e-6) {
    strict_1.default.ok(Number.isFinite(actual), `${what}: ${actual} is not finite`);
    strict_1.default.ok(Math.abs(actual - expected) <= rtol * Math.abs(expected) + atol, `${what}: got ${actual}, expected ${expected}`);
}
function randomZ(rng, M, B, D) {
    return Array.from({ length: M }, () => tf.tensor2d(Array.from({ length: B * D }, () => rng.normal()), [B, D]));
}
node_test_1.test.before(async () => {
    await tf.setBackend('cpu');
});
/**
 * A loss term below this is at float32's resolution: ℓ = −log(ratio + ε) with the ratio close to 1 carries an
 * absolute error up to ~1e-6 (measured: ≤ 7e-7 in these cases), so such a value (L_cp of the 2-class cases at
 * τ = 0.07 is 1e-6 … 2e-5) can only be checked to be tiny, not to the 1e-6 absolute tolerance that is then
 * ≤ 1/1000 of the value. Every term is checked properly (≥ this) in a 2-class and in a 3-class case: see the
 * test after the loop.
 */
const RESOLVED = 1e-3;
/** Which (case, term) pairs the reference test checks to 1e-5 relative. */
const checked = [];
for (const c of cases) {
    (0, node_test_1.test)(`matches the naive float64 reference: ${c.name}`, () => {
        tf.tidy(() => {
            const z = c.z.map((m) => tf.tensor2d(m));
            const out = (0, hrm_1.hrmLosses)(z, c.labels, { numClasses: c.C, tau: c.tau, eps: c.eps });
            for (const k of ['sam', 'up', 'cp']) {
                const got = out[k].dataSync()[0];
                if (Math.abs(c[k]) >= RESOLVED) {
                    close(got, c[k], `L_${k}`, 1e-5, 1e-6); // the tolerance is ≤ 1/1000 of the value
                    checked.push({ C: c.C, term: k });
                }
                else {
                    strict_1.default.ok(Math.abs(got - c[k]) <= 1e-6, `L_${k} (below float32 resolution): got ${got}, expected ${c[k]}`);
                }
            }
            strict_1.default.deepEqual(out.present, c.present);
            strict_1.default.deepEqual(out.unimodal.shape, [c.M, c.C, c.D]);
            const P = out.unimodal.arraySync();
            const Q = out.crossmodal.arraySync();
            for (let k = 0; k < c.C; k++) {
                for (let d = 0; d < c.D; d++) {
                    close(Q[k][d], c.crossmodal[k][d], `q[${k}][${d}]`, 1e-5, 1e-6);
                    for (let m = 0; m < c.M; m++)
                        close(P[m][k][d], c.unimodal[m][k][d], `p[${m}][${k}][${d}]`, 1e-5, 1e-6);
                }
            }
        });
    });
}
(0, node_test_1.test)('each loss term is checked against the reference (not only bounded) with 2 classes and with 3', () => {
    for (const term of ['sam', 'up', 'cp']) {
        for (const C of [2, 3])
            strict_1.default.ok(checked.some((x) => x.term === term && x.C === C), `L_${term} with ${C} classes`);
    }
});
for (const c of cases.filter((x) => x.grad)) {
    (0, node_test_1.test)(`gradients match float64 finite differences: ${c.name}`, () => {
        tf.tidy(() => {
            const z = c.z.map((m) => tf.tensor2d(m));
            for (const k of ['sam', 'up', 'cp']) {
                const g = tf.grads((...zs) => (0, hrm_1.hrmLosses)(zs, c.labels, { numClasses: c.C, tau: c.tau, eps: c.eps })[k])(z);
                const ref = c.grad[k];
                let scale = 0;
                for (const m of ref)
                    for (const row of m)
                        for (const v of row)
                            scale = Math.max(scale, Math.abs(v));
                g.forEach((gm, m) => {
                    const a = gm.arraySync();
                    for (let i = 0; i < c.B; i++) {
                        for (let d = 0; d < c.D; d++) {
                            // float32 gradient vs float64 central differences: 1e-4 of the largest entry, plus 1e-3 relative
                            const tol = 1e-4 * scale + 1e-3 * Math.abs(ref[m][i][d]);
                            strict_1.default.ok(Math.abs(a[i][d] - ref[m][i][d]) <= tol, `d${k}/dz[${m}][${i}][${d}]: ${a[i][d]} vs ${ref[m][i][d]}`);
                        }
                    }
                });
            }
        });
    });
}
(0, node_test_1.test)('a missing class contributes no prototype and no term; gradients stay finite', () => {
    tf.tidy(() => {
        const rng = new random_1.Rng(1);
        const z = randomZ(rng, 3, 6, 5);
        const labels = [0, 2, 0, 2, 2, 0];
        const out = (0, hrm_1.hrmLosses)(z, labels, { numClasses: 4 });
        strict_1.default.deepEqual(out.present, [true, false, true, false]);
        strict_1.default.deepEqual(Array.from(out.crossmodal.slice([1, 0], [1, 5]).dataSync()), [0, 0, 0, 0, 0]);
        const g = tf.grads((...zs) => {
            const r = (0, hrm_1.hrmLosses)(zs, labels, { numClasses: 4 });
            return tf.addN([r.sam, r.up, r.cp]);
        })(z);
        for (const gm of g)
            strict_1.default.ok(Array.from(gm.dataSync()).every(Number.isFinite));
        // Same batch declared with 3 classes (class 1 missing there too): L_sam and L_up do not depend on the
        // number of absent classes; L_cp is Σ/C, so it scales by 4/3 → 3/3.
        const out3 = (0, hrm_1.hrmLosses)(z, labels, { numClasses: 3 });
        close(out3.sam.dataSync()[0], out.sam.dataSync()[0], 'L_sam', 1e-6);
        close(out3.up.dataSync()[0], out.up.dataSync()[0], 'L_up', 1e-6);
        close(out3.cp.dataSync()[0] * 3, out.cp.dataSync()[0] * 4, 'L_cp·C', 1e-5);
    });
});
(0, node_test_1.test)('a single-class batch gives well-defined ≈ 0 prototype losses and finite gradients', () => {
    tf.tidy(() => {
        const z = randomZ(new random_1.Rng(2), 2, 5, 4);
        const labels = tf.tensor1d([1, 1, 1, 1, 1], 'int32');
        const out = (0, hrm_1.hrmLosses)(z, labels, { numClasses: 2 });
        for (const k of ['sam', 'up', 'cp']) {
            const v = out[k].dataSync()[0];
            strict_1.default.ok(Number.isFinite(v) && Math.abs(v) < 1e-6, `${k} = ${v}`);
        }
        const g = tf.grads((...zs) => {
            const r = (0, hrm_1.hrmLosses)(zs, [1, 1, 1, 1, 1], { numClasses: 2 });
            return tf.addN([r.sam, r.up, r.cp]);
        })(z);
        for (const gm of g)
            strict_1.default.ok(Array.from(gm.dataSync()).every(Number.isFinite));
    });
});
(0, node_test_1.test)('τ = 0.01 with near-identical and opposite embeddings: no overflow, finite gradients', () => {
    tf.tidy(() => {
        // cos = ±1 exactly gives exp(200) in the naive form; here every value and gradient stays finite.
        const a = [1, 0, 0];
        const b = [-1, 0, 0];
        const z = [tf.tensor2d([a, a, b, b]), tf.tensor2d([a, b, b, a])];
        const labels = [0, 0, 1, 1];
        const f = (...zs) => {
            const r = (0, hrm_1.hrmLosses)(zs, labels, { numClasses: 2, tau: 0.01 });
            return tf.addN([r.sam, r.up, r.cp]);
        };
        const v = f(...z).dataSync()[0];
        strict_1.default.ok(Number.isFinite(v), `loss ${v}`);
        for (const gm of tf.grads(f)(z))
            strict_1.default.ok(Array.from(gm.dataSync()).every(Number.isFinite));
    });
});
(0, node_test_1.test)('all three losses are ≥ −1e-6 on random batches (2–4 modalities, 2–3 classes)', () => {
    const rng = new random_1.Rng(3);
    for (let trial = 0; trial < 12; trial++) {
        tf.tidy(() => {
            const M = 2 + (trial % 3);
            const C = 2 + (trial % 2);
            const B = 4 + rng.int(8);
            const labels = Array.from({ length: B }, () => rng.int(C));
            const out = (0, hrm_1.hrmLosses)(randomZ(rng, M, B, 6), labels, { numClasses: C, tau: [0.07, 0.01, 0.5][trial % 3] });
            for (const k of ['sam', 'up', 'cp'])
                strict_1.default.ok(out[k].dataSync()[0] >= -1e-6, `${k} = ${out[k].dataSync()[0]}`);
        });
    }
});
(0, node_test_1.test)('L_sam falls when same-class embeddings are pulled together', () => {
    tf.tidy(() => {
        const rng = new random_1.Rng(4);
        const M = 3;
        const B = 9;
        const D = 6;
        const labels = [0, 1, 2, 0, 1, 2, 0, 1, 2];
        const centres = Array.from({ length: 3 }, () => Array.from({ length: D }, () => rng.normal()));
        const noise = Array.from({ length: M }, () => Array.from({ length: B }, () => Array.from({ length: D }, () => rng.normal())));
        let previous = Infinity;
        for (const t of [0, 0.3, 0.6, 0.9]) {
            // z = (1 − t)·noise + t·class centre: t → 1 pulls each class together
            const z = noise.map((m) => tf.tensor2d(m.map((row, i) => row.map((v, d) => (1 - t) * v + t * centres[labels[i]][d]))));
            const sam = (0, hrm_1.hrmLosses)(z, labels, { numClasses: 3 }).sam.dataSync()[0];
            strict_1.default.ok(sam < previous, `L_sam ${sam} at t = ${t} did not fall below ${previous}`);
            previous = sam;
        }
    });
});
(0, node_test_1.test)('hrmTotal is (H8); no tensors leak from hrmLosses + hrmTotal under tf.tidy', () => {
    const z = randomZ(new random_1.Rng(5), 2, 6, 4);
    const before = tf.memory().numTensors;
    const total = tf.tidy(() => {
        const out = (0, hrm_1.hrmLosses)(z, [0, 1, 0, 1, 1, 0], { numClasses: 2 });
        const ce = tf.scalar(0.7);
        const t = (0, hrm_1.hrmTotal)(ce, out, { sam: 0.04, up: 0.06, cp: 0.18 });
        const expected = 0.7 + 0.04 * out.sam.dataSync()[0] + 0.06 * out.up.dataSync()[0] + 0.18 * out.cp.dataSync()[0];
        close(t.dataSync()[0], expected, 'total', 1e-6);
        return t;
    });
    total.dispose();
    strict_1.default.equal(tf.memory().numTensors, before);
    z.forEach((t) => t.dispose());
});
(0, node_test_1.test)('inside tf.variableGrads (training step): gradients reach the embedding weights', () => {
    const rng = new random_1.Rng(6);
    const W = tf.variable(tf.tensor2d(Array.from({ length: 4 * 3 }, () => rng.normal()), [4, 3]));
    const x = [tf.tensor2d(Array.from({ length: 6 * 4 }, () => rng.normal()), [6, 4]), tf.tensor2d(Array.from({ length: 6 * 4 }, () => rng.normal()), [6, 4])];
    const before = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(() => {
        const out = (0, hrm_1.hrmLosses)(x.map((xi) => tf.matMul(xi, W)), [0, 1, 2, 0, 1, 2], { numClasses: 3 });
        return (0, hrm_1.hrmTotal)(tf.scalar(0), out, { sam: 1, up: 1, cp: 1 });
    });
    const g = grads[W.name];
    strict_1.default.ok(Array.from(g.dataSync()).every(Number.isFinite));
    strict_1.default.ok(Array.from(g.dataSync()).some((v) => v !== 0));
    value.dispose();
    tf.dispose(grads);
    strict_1.default.equal(tf.memory().numTensors, before);
    W.dispose();
    tf.dispose(x);
});
(0, node_test_1.test)('bad input is a clear error', () => {
    const z = randomZ(new random_1.Rng(8), 2, 3, 2);
    strict_1.default.throws(() => (0, hrm_1.hrmLosses)(z, [0, 1], { numClasses: 2 }), /labels has 2 entries/);
    strict_1.default.throws(() => (0, hrm_1.hrmLosses)(z, [0, 1, 2], { numClasses: 2 }), /not an integer in \[0, 2\)/);
    strict_1.default.throws(() => (0, hrm_1.hrmLosses)([z[0], tf.zeros([3, 5])], [0, 1, 0], { numClasses: 2 }), /modality 1 has shape/);
    tf.dispose(z);
});
//# sourceMappingURL=losses.test.js.map