"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.closest = exports.editDistance = void 0;
/** Edit distance (insertions, deletions, substitutions; case-insensitive) between two short strings. */
function editDistance(a, b) {
    a = a.toLowerCase();
    b = b.toLowerCase();
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++)
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
    }
    return prev[b.length];
}
exports.editDistance = editDistance;
/**
 * The candidate closest to `name` when it is close enough to be a typo or a rename: at most a third of the
 * longer name's length in edits (at least 2), or one contains the other. Undefined when nothing is close.
 */
function closest(name, candidates) {
    let best;
    let bestD = Infinity;
    for (const c of candidates) {
        const d = editDistance(name, c);
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    if (best === undefined)
        return undefined;
    const limit = Math.max(2, Math.floor(Math.max(name.length, best.length) / 3));
    const contains = name.length >= 3 && (best.toLowerCase().includes(name.toLowerCase()) || name.toLowerCase().includes(best.toLowerCase()));
    return bestD <= limit || contains ? best : undefined;
}
exports.closest = closest;
//# sourceMappingURL=suggest.js.map