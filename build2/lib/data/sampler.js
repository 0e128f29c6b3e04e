"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BatchSampler = void 0;
const errors_1 = require("../util/errors");
const random_1 = require("../util/random");
class BatchSampler {
    constructor(labels, opts) {
        this.labels = labels;
        this.opts = opts;
        if (!(opts.batchSize >= 1))
            throw new errors_1.CfcmlError(`batchSize must be >= 1, got ${opts.batchSize}`);
        if (labels.length === 0)
            throw new errors_1.CfcmlError('BatchSampler: no cases');
        this.byClass = Array.from({ length: opts.numClasses }, () => []);
        labels.forEach((y, i) => {
            if (!(y >= 0 && y < opts.numClasses))
                throw new errors_1.CfcmlError(`BatchSampler: label ${y} of case ${i} is outside 0..${opts.numClasses - 1}`);
            this.byClass[y].push(i);
        });
        if (opts.balanced) {
            const empty = this.byClass.map((c, k) => (c.length === 0 ? k : -1)).filter((k) => k >= 0);
            if (empty.length)
                throw new errors_1.CfcmlError(`balanced batches need every class; class(es) ${empty.join(', ')} have no case`);
        }
        this.stepsPerEpoch = Math.ceil(labels.length / opts.batchSize);
    }
    /** The batches of one epoch: arrays of indices into `labels`. */
    batches(epoch) {
        const rng = new random_1.Rng((0, random_1.deriveSeed)(this.opts.seed, 'batches', epoch));
        const { batchSize } = this.opts;
        if (!this.opts.balanced) {
            const order = rng.shuffle(this.labels.map((_, i) => i));
            const out = [];
            for (let s = 0; s < order.length; s += batchSize)
                out.push(order.slice(s, s + batchSize));
            return out;
        }
        const C = this.opts.numClasses;
        const out = [];
        for (let s = 0; s < this.stepsPerEpoch; s++) {
            const batch = [];
            // Class order rotates with the draw, so a batch size not divisible by C does not favour class 0.
            for (let k = 0; batch.length < batchSize; k++) {
                const cls = this.byClass[(k + s) % C];
                batch.push(cls[rng.int(cls.length)]);
            }
            out.push(batch);
        }
        return out;
    }
}
exports.BatchSampler = BatchSampler;
//# sourceMappingURL=sampler.js.map