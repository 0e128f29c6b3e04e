/** Edit distance (insertions, deletions, substitutions; case-insensitive) between two short strings. */
export declare function editDistance(a: string, b: string): number;
/**
 * The candidate closest to `name` when it is close enough to be a typo or a rename: at most a third of the
 * longer name's length in edits (at least 2), or one contains the other. Undefined when nothing is close.
 */
export declare function closest(name: string, candidates: readonly string[]): string | undefined;
