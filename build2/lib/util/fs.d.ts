/**
 * Write `data` to a new temporary file beside `file` (named `.<name>.<pid>.<time>.tmp`, which
 * lib/run's stale-file cleanup recognises) and fsync it; returns its path. When the write fails (a full disk)
 * the temporary file is removed, since it would keep the space taken.
 */
export declare function writeTempFile(file: string, data: string | Uint8Array): string;
/**
 * Write a file atomically: write to a temporary file in the same folder, fsync it, then rename over the
 * target. A crash leaves either the old file or the new one, never half of one.
 */
export declare function writeFileAtomic(file: string, data: string | Uint8Array): void;
/** JSON, pretty-printed, written atomically. */
export declare function writeJsonAtomic(file: string, value: unknown): void;
