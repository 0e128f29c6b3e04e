import { parsePresetOverrides } from '../train/config';
export declare const SWEEP_FILE = "sweep.json";
/** One cell of the grid. `dir` is relative to the sweep folder (the sweep can be moved as a whole). */
export interface SweepRun {
    index: number;
    /** `<group>/<variant>/seed<k>` or `<variant>/seed<k>`. */
    id: string;
    /** Cohort × preset × setting label; '' when the sweep has one cohort, one preset and no settings. */
    group: string;
    data: string;
    preset: string;
    variant: string;
    seed: number;
    dir: string;
    /** The named setting of this run and its `--set` text (absent in a sweep without settings). */
    setting?: string;
    set?: string;
}
/** A named set of preset overrides (`cfcml train --set` syntax), optionally for some variants only. */
export interface SweepSetting {
    name: string;
    set: string;
    /** The variants this setting trains (default: the sweep's). */
    variants?: string[];
}
/** The axes of a grid. */
export interface SweepGrid {
    data: string[];
    presets: string[];
    variants: string[];
    seeds: number[];
    /** Named settings; absent or empty: one group per cohort × preset, as without the axis. */
    settings?: SweepSetting[];
}
export interface SweepSpec {
    version: 1;
    /** Absolute cohort folders. */
    data: string[];
    presets: string[];
    variants: string[];
    seeds: number[];
    /** Named settings, each a group of its own (absent in a sweep without them). */
    settings?: SweepSetting[];
    /** Extra `cfcml train` arguments applied to every run (the shared budget: --epochs, --image-size, …). */
    trainArgs: string[];
    runs: SweepRun[];
}
/** `1-5`, `1,2,3`, `1-3,7` → sorted distinct integers. */
export declare function parseSeeds(text: string): number[];
/** Comma list of variants (`all` = every variant), checked against the known ones; order kept, `full` first. */
export declare function parseVariants(text: string): string[];
export declare function parsePresets(text: string): string[];
/** Parse a `--set` text found in `where` (a file), naming `what` (a key or a setting) when it is wrong. */
export declare function overridesOf(text: string, what: string, where: string): ReturnType<typeof parsePresetOverrides>;
/**
 * Check named settings: a name usable as a folder name, given once; a `--set` text that parses (unknown
 * fields and bad values are named before any run starts); variants known. Returns them with `variants`
 * parsed (the `variants` of a JSON file may be a comma list or an array).
 */
export declare function checkSettings(settings: readonly {
    name: string;
    set: string;
    variants?: string[] | string;
}[], where?: string): SweepSetting[];
/**
 * Expand the grid into runs, in a fixed order: cohort, preset, setting, variant, seed. A run's group joins
 * the labels of the axes with several values (cohort, preset) and the setting's name.
 */
export declare function expandGrid(g: SweepGrid): SweepRun[];
/**
 * Create or extend a sweep: a grid given again over an existing sweep folder adds its new cohorts,
 * presets, settings, variants and seeds (the union; runs already there keep their directories). The train
 * arguments must be the same as before, and a setting given again must have the same overrides: every
 * run of a group gets the same budget.
 */
export declare function createSweep(root: string, grid: SweepGrid & {
    trainArgs: string[];
}): SweepSpec;
/** Read `<root>/sweep.json`, checking its shape. */
export declare function readSweep(root: string): SweepSpec;
/** Absolute path of the CLI entry point next to this module (dist/bin/cfcml.js or build/bin/cfcml.js). */
export declare function cliPath(): string;
/**
 * The train arguments of one run: the sweep's, with the run's setting appended to their `--set` (a field
 * in both takes the setting's value) or added as one.
 */
export declare function runTrainArgs(run: Pick<SweepRun, 'set'>, trainArgs: readonly string[]): string[];
/**
 * The exact command of one run: `node <abs cli> train --data <abs> … --out <abs run dir> --resume …`.
 * `--resume` continues an interrupted run from its last.ckpt and starts a fresh one when there is none.
 */
export declare function trainCommand(root: string, run: SweepRun, trainArgs: readonly string[]): string[];
