import { Rng } from '../util/random';
import type { PlannedPatient } from './menModel';
/**
 * The voxels of a synthetic MEN patient: a head (scalp, bone, dura, brain) with an extra-axial, dura-based
 * tumour, in three sequences [T1c, T2, ADC]; each finding of menModel.ts is drawn only in its sequence.
 */
/** Smooth 3D value noise on an n³ lattice over [-1.2, 1.2]³, values in about [-1, 1]. */
export declare class Noise3 {
    private readonly n;
    private readonly g;
    constructor(rng: Rng, n: number);
    at(x: number, y: number, z: number): number;
}
/** The head's pose and acquisition of one patient, as `renderHead` uses them. */
export interface HeadScan {
    /** cos and sin of the in-plane angle of the dura side. */
    ca: number;
    sa: number;
    /** Where the dura is along b (the axis across it). */
    bDura: number;
    /** Per-sequence gains [T1c, T2, ADC] and the Gaussian noise sd. */
    gains: readonly number[];
    noiseSd: number;
    /** The bias field: 1 + biasAmp × biasNoise(X, Y, c). */
    biasAmp: number;
    biasNoise: Noise3;
}
/**
 * The voxel walk of a MEN volume: every voxel of [D, H, W] (W fastest) in [-1, 1]³ coordinates, rotated
 * in plane to a (along the dura) and b (across it, b < bDura outside the brain); scalp and bone outside,
 * `inside(a, b, c)` → [T1c, T2, ADC] from 0.04 before the dura inwards; then bias × gain + noise (`rng`, three
 * draws per voxel in sequence order) written into `vols`.
 */
export declare function renderHead(vols: Float32Array[], size: readonly [number, number, number], scan: HeadScan, rng: Rng, inside: (a: number, b: number, c: number) => readonly number[]): void;
/** Tissue intensities [T1c, T2, ADC] of the classes of voxels. */
export declare const TISSUE: {
    scalp: number[];
    bone: number[];
    csf: number[];
    wm: number[];
    gm: number[];
    oedema: number[];
    necrosis: number[];
    dura: number[];
};
/**
 * Render the three volumes [D, H, W] of a patient. Each finding is drawn only in its sequence:
 * enhancement texture and the tongues in T1c (the tongues are iso-intense to brain on T2 and ADC), the
 * necrosis and the CSF cleft in T2, the tumour's ADC in ADC. The tongues are a cluster of finger-like
 * protrusions over one ≈ 60° stretch of the brain interface, 0.2–0.3 of the half-width long (≥ 5 voxels
 * at 48 px); the cleft, where kept, is 0.08 wide (≈ 2 voxels at 48 px).
 */
export declare function renderMenVolumes(p: PlannedPatient, size: readonly [number, number, number]): Float32Array[];
