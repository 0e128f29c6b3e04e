"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deriveSeed = exports.Rng = void 0;
/**
 * Seeded pseudo-random numbers. Every source of randomness in cfcml (data generation, initialisation,
 * batching, augmentation, dropout) draws from an `Rng` made from an explicit seed, never from Math.random.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's small fast counter), seeded through splitmix32 so that
 * nearby seeds give unrelated streams. It passes PractRand to 2^40 bytes and is cheap in JS.
 */
class Rng {
    constructor(seed) {
        this.spareNormal = null;
        if (!Number.isFinite(seed))
            throw new Error(`Rng: seed must be a finite number, got ${seed}`);
        let s = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
        const next = () => {
            // splitmix32
            s = (s + 0x9e3779b9) >>> 0;
            let z = s;
            z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
            z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
            return (z ^ (z >>> 16)) >>> 0;
        };
        this.a = next();
        this.b = next();
        this.c = next();
        this.d = next();
        for (let i = 0; i < 12; i++)
            this.nextUint32();
    }
    /** A uniformly distributed 32-bit unsigned integer. */
    nextUint32() {
        const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
        this.d = (this.d + 1) >>> 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) >>> 0;
        this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
        this.c = (this.c + t) >>> 0;
        return t;
    }
    /** Uniform in [0, 1). */
    next() {
        return this.nextUint32() / 4294967296;
    }
    /** Uniform in [lo, hi). */
    uniform(lo = 0, hi = 1) {
        return lo + (hi - lo) * this.next();
    }
    /** Uniform integer in [0, n). */
    int(n) {
        if (!(n >= 1))
            throw new Error(`Rng.int: n must be >= 1, got ${n}`);
        return Math.floor(this.next() * n);
    }
    /** True with probability p. */
    bernoulli(p) {
        return this.next() < p;
    }
    /** Standard normal (Box-Muller, caching the second value). */
    normal(mean = 0, std = 1) {
        if (this.spareNormal !== null) {
            const v = this.spareNormal;
            this.spareNormal = null;
            return mean + std * v;
        }
        let u = 0;
        while (u === 0)
            u = this.next();
        const v = this.next();
        const r = Math.sqrt(-2 * Math.log(u));
        this.spareNormal = r * Math.sin(2 * Math.PI * v);
        return mean + std * r * Math.cos(2 * Math.PI * v);
    }
    /** One element of `items`, chosen uniformly. */
    pick(items) {
        if (items.length === 0)
            throw new Error('Rng.pick: empty array');
        return items[this.int(items.length)];
    }
    /** Index drawn with the given (unnormalised, non-negative) weights. */
    categorical(weights) {
        let total = 0;
        for (const w of weights)
            total += w;
        if (!(total > 0))
            throw new Error(`Rng.categorical: weights must have a positive sum, got ${weights.join(',')}`);
        let r = this.next() * total;
        for (let i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0)
                return i;
        }
        return weights.length - 1;
    }
    /** Fisher-Yates shuffle, in place; returns the array. */
    shuffle(items) {
        for (let i = items.length - 1; i > 0; i--) {
            const j = this.int(i + 1);
            const t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
        return items;
    }
    /** A seed for a child generator, so that sub-tasks get independent, reproducible streams. */
    fork() {
        return new Rng(this.nextUint32());
    }
    /** A fresh integer seed (for tfjs ops that take a numeric seed, e.g. dropout). */
    seed() {
        return this.nextUint32();
    }
}
exports.Rng = Rng;
/** Derive a stable seed from a base seed and a list of labels (e.g. `deriveSeed(seed, 'epoch', 3)`). */
function deriveSeed(base, ...parts) {
    let h = (Math.floor(base) ^ 0x811c9dc5) >>> 0;
    const text = parts.join('\u0001');
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    // final avalanche
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
}
exports.deriveSeed = deriveSeed;
//# sourceMappingURL=random.js.map