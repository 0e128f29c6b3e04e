import type { TrainPreset } from '../data/spec';
import { type RunOptionsFile } from '../run/runDirectory';
import type { SweepRun } from './sweep';
/** The settings that differ between two runs, as `field (a vs b)`; empty when they agree. */
export declare function settingDifferences(a: TrainPreset, b: TrainPreset): string[];
/** What a finished run was trained with: its resolved settings and, when recorded, its numerics fingerprint. */
export interface RunSettings {
    id: string;
    group: string;
    train: TrainPreset;
    /** lib/run/numerics.ts; absent in runs trained before it was recorded (then not compared). */
    numerics?: string;
}
/**
 * Throw if the runs of one group were trained with different settings, or with different arithmetic (numerics
 * fingerprints, compared where both runs recorded one): the message names the first run that differs from the
 * group's first run, and the fields.
 */
export declare function checkOneBudget(runs: readonly RunSettings[], where: string): void;
/** A run's settings as its options.json records them. */
export declare function runSettings(run: SweepRun, o: RunOptionsFile): RunSettings;
/** The finished runs of a sweep with their resolved settings (options.json). */
export declare function finishedRunSettings(root: string, runs: readonly SweepRun[]): RunSettings[];
