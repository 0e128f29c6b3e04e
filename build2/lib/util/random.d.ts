/**
 * Seeded pseudo-random numbers. Every source of randomness in cfcml (data generation, initialisation,
 * batching, augmentation, dropout) draws from an `Rng` made from an explicit seed, never from Math.random.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's small fast counter), seeded through splitmix32 so that
 * nearby seeds give unrelated streams. It passes PractRand to 2^40 bytes and is cheap in JS.
 */
export declare class Rng {
    private a;
    private b;
    private c;
    private d;
    private spareNormal;
    constructor(seed: number);
    /** A uniformly distributed 32-bit unsigned integer. */
    nextUint32(): number;
    /** Uniform in [0, 1). */
    next(): number;
    /** Uniform in [lo, hi). */
    uniform(lo?: number, hi?: number): number;
    /** Uniform integer in [0, n). */
    int(n: number): number;
    /** True with probability p. */
    bernoulli(p: number): boolean;
    /** Standard normal (Box-Muller, caching the second value). */
    normal(mean?: number, std?: number): number;
    /** One element of `items`, chosen uniformly. */
    pick<T>(items: readonly T[]): T;
    /** Index drawn with the given (unnormalised, non-negative) weights. */
    categorical(weights: readonly number[]): number;
    /** Fisher-Yates shuffle, in place; returns the array. */
    shuffle<T>(items: T[]): T[];
    /** A seed for a child generator, so that sub-tasks get independent, reproducible streams. */
    fork(): Rng;
    /** A fresh integer seed (for tfjs ops that take a numeric seed, e.g. dropout). */
    seed(): number;
}
/** Derive a stable seed from a base seed and a list of labels (e.g. `deriveSeed(seed, 'epoch', 3)`). */
export declare function deriveSeed(base: number, ...parts: (string | number)[]): number;
