import { ProblemList } from '../util/problems';
import type { DatasetSpec } from './spec';
import type { Cohort } from './types';
/**
 * Loader for the Derm7pt `release_v0` layout (docs/DATA.md): `meta/meta.csv`, `meta/{split}_indexes.csv`,
 * `images/...`. Binary NEV vs MEL by the dataset authors' own grouping of `diagnosis`; the other diagnoses
 * are left out and counted per group in `cohort.excluded`.
 */
/** The 19 columns of meta.csv, in the released order. */
export declare const DERM7PT_COLUMNS: readonly ["case_num", "diagnosis", "seven_point_score", "pigment_network", "streaks", "pigmentation", "regression_structures", "dots_and_globules", "blue_whitish_veil", "vascular_structures", "level_of_diagnostic_difficulty", "elevation", "location", "sex", "management", "clinic", "derm", "case_id", "notes"];
/** The seven dermoscopic criteria columns (kept as `extra` for exploration). */
export declare const CHECKLIST_COLUMNS: ("clinic" | "derm" | "level_of_diagnostic_difficulty" | "elevation" | "location" | "sex" | "management" | "case_num" | "diagnosis" | "seven_point_score" | "pigment_network" | "streaks" | "pigmentation" | "regression_structures" | "dots_and_globules" | "blue_whitish_veil" | "vascular_structures" | "case_id" | "notes")[];
/** The diagnosis grouping of docs/DATA.md: group name → diagnoses; `label` is set for the two kept groups. */
export declare const DIAGNOSIS_GROUPS: readonly {
    group: string;
    label?: number;
    diagnoses: readonly string[];
}[];
export interface Derm7ptLoadOptions {
    /** Dataset spec to read with (default `DERM7PT`); its modalities' `file` name the image columns. */
    spec?: DatasetSpec;
    /** Check that every image file exists and its header is sound (default true). */
    checkImages?: boolean;
    /**
     * Collect problems here and return the cases that are sound, instead of throwing one error listing all
     * problems (the default). `cfcml inspect` passes one; training does not.
     */
    problems?: ProblemList;
}
/** True when `root` looks like a release_v0 folder. */
export declare function isDerm7ptLayout(root: string): boolean;
/**
 * Read a Derm7pt release_v0 folder. Every problem of the folder is found in one pass; unless
 * `opts.problems` is given, they are thrown together as one `CfcmlProblemsError`.
 */
export declare function loadDerm7pt(root: string, opts?: Derm7ptLoadOptions): Promise<Cohort>;
