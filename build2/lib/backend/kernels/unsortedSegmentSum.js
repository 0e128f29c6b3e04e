"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unsortedSegmentSum = exports.KERNEL_NAME = void 0;
const util_1 = require("./util");
exports.KERNEL_NAME = 'UnsortedSegmentSum';
function unsortedSegmentSum(args) {
    const { inputs, backend, attrs = {} } = args;
    const { x, segmentIds } = inputs;
    const numSegments = attrs.numSegments;
    const nIds = (0, util_1.size)(segmentIds.shape);
    const inner = (0, util_1.size)(x.shape.slice(segmentIds.shape.length));
    const out = backend.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype);
    // Views are taken after makeOutput: growing the wasm memory detaches older views.
    const o = backend.typedArrayFromHeap(out);
    const xs = backend.typedArrayFromHeap(x);
    const ids = backend.typedArrayFromHeap(segmentIds);
    o.fill(0);
    for (let i = 0; i < nIds; i++) {
        const s = ids[i];
        if (s < 0 || s >= numSegments)
            continue;
        const src = i * inner;
        const dst = s * inner;
        for (let j = 0; j < inner; j++)
            o[dst + j] += xs[src + j];
    }
    return out;
}
exports.unsortedSegmentSum = unsortedSegmentSum;
//# sourceMappingURL=unsortedSegmentSum.js.map