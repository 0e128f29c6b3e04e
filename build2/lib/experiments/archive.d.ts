/** The files of a finished run that an archive keeps (those present are copied; options and metrics must be). */
export declare const ARCHIVED_FILES: readonly string[];
export interface ArchiveResult {
    /** Finished runs copied now. */
    copied: string[];
    /** Finished runs already in the archive with the same metrics.json. */
    unchanged: string[];
    /** Runs of the sweep that have not finished (not archived). */
    unfinished: string[];
    /** Cohorts whose oracle was copied now (a copy already there is kept). */
    oracles: string[];
    /** Bytes written. */
    bytes: number;
}
/** The files of a synthetic cohort an archive keeps: its oracle and its design (not its images). */
export declare const ARCHIVED_COHORT_FILES: readonly string[];
/** Copy the finished runs of the sweep at `root` into the archive folder `out` (created or extended). */
export declare function archiveSweep(root: string, out: string): ArchiveResult;
