"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tile = exports.KERNEL_NAME = void 0;
const util_1 = require("./util");
exports.KERNEL_NAME = 'Tile';
/** Copy the `len` elements at `start` so that they repeat `times` times in a row (doubling copies). */
function replicate(a, start, len, times) {
    let have = 1;
    while (have < times) {
        const n = Math.min(have, times - have);
        a.copyWithin(start + have * len, start, start + n * len);
        have += n;
    }
}
function tile(args) {
    const { inputs, backend, attrs = {} } = args;
    const { x } = inputs;
    const reps = attrs.reps;
    if (x.dtype === 'string')
        return (0, util_1.run)(exports.KERNEL_NAME, backend, inputs, attrs);
    const d = x.shape;
    const r = d.length;
    const outShape = d.map((di, i) => di * reps[i]);
    const out = backend.makeOutput(outShape, x.dtype);
    if ((0, util_1.size)(outShape) === 0)
        return out;
    const o = backend.typedArrayFromHeap(out);
    const xs = backend.typedArrayFromHeap(x);
    // inStride[a], outStride[a]: elements per step of axis a in x and in out.
    const inStride = new Array(r).fill(1);
    const outStride = new Array(r).fill(1);
    for (let a = r - 2; a >= 0; a--) {
        inStride[a] = inStride[a + 1] * d[a + 1];
        outStride[a] = outStride[a + 1] * outShape[a + 1];
    }
    // Writes the first replica of x's block at axis a (source offset s, destination offset t), then
    // replicates it reps[a] times.
    const fill = (a, s, t) => {
        if (a === r - 1) {
            o.set(xs.subarray(s, s + d[a]), t);
        }
        else {
            for (let i = 0; i < d[a]; i++)
                fill(a + 1, s + i * inStride[a], t + i * outStride[a]);
        }
        replicate(o, t, d[a] * outStride[a], reps[a]);
    };
    if (r === 0)
        o[0] = xs[0];
    else
        fill(0, 0, 0);
    return out;
}
exports.tile = tile;
//# sourceMappingURL=tile.js.map