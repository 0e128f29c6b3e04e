"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.problemFromError = exports.ProblemList = exports.formatProblemsMessage = exports.CfcmlProblemsError = exports.formatProblem = void 0;
const errors_1 = require("./errors");
/** `file: row R, column 'c': message (value 'v'; expected …)` — one line per problem. */
function formatProblem(p) {
    const cell = [p.row !== undefined ? `row ${p.row}` : '', p.column !== undefined ? `column '${p.column}'` : ''].filter(Boolean).join(', ');
    const where = cell ? `${p.file}: ${cell}` : p.file;
    const tail = [p.value !== undefined && !p.message.includes(`'${p.value}'`) ? `value '${p.value}'` : '', p.expected ? `expected ${p.expected}` : '']
        .filter(Boolean)
        .join('; ');
    return `${where}: ${p.message}${tail ? ` (${tail})` : ''}`;
}
exports.formatProblem = formatProblem;
/** A bad-input error that lists every problem found (up to the list's limit, then a count). */
class CfcmlProblemsError extends errors_1.CfcmlError {
    constructor(problems, total, what, hint) {
        super(formatProblemsMessage(problems, total, what), { hint });
        this.problems = problems;
        this.total = total;
        this.name = 'CfcmlProblemsError';
    }
}
exports.CfcmlProblemsError = CfcmlProblemsError;
function formatProblemsMessage(problems, total, what) {
    const lines = [`${total} problem${total === 1 ? '' : 's'} in ${what}:`];
    for (const p of problems)
        lines.push(`  - ${formatProblem(p)}`);
    if (total > problems.length)
        lines.push(`  … and ${total - problems.length} more`);
    return lines.join('\n');
}
exports.formatProblemsMessage = formatProblemsMessage;
class ProblemList {
    /** At most `limit` problems are kept (default 50); the rest are only counted. */
    constructor(limit = 50) {
        this.limit = limit;
        this.kept = [];
        this.count = 0;
    }
    add(p) {
        this.count++;
        if (this.kept.length < this.limit)
            this.kept.push(p);
    }
    /**
     * Run `fn`; a CfcmlError it throws becomes a problem (its `where` splits into file/row/column where it
     * has the `file: row R, column 'c'` form; `extra` adds fields such as the value), other errors pass
     * through. Returns `fn`'s value or undefined.
     */
    attempt(fn, fallbackFile = '', extra = {}) {
        try {
            return fn();
        }
        catch (e) {
            if (!(e instanceof errors_1.CfcmlError))
                throw e;
            if (e instanceof CfcmlProblemsError) {
                for (const p of e.problems)
                    this.add(p);
                this.count += e.total - e.problems.length;
                return undefined;
            }
            this.add({ ...problemFromError(e, fallbackFile), ...extra });
            return undefined;
        }
    }
    /** Problems kept (the first `limit`). */
    get list() {
        return this.kept;
    }
    /** All problems found, kept or only counted. */
    get total() {
        return this.count;
    }
    get empty() {
        return this.count === 0;
    }
    /** Throw one CfcmlProblemsError listing every problem kept (and the count of the rest), if any. */
    throwIfAny(what, hint) {
        if (this.count > 0)
            throw new CfcmlProblemsError(this.kept, this.count, what, hint);
    }
    toJSON() {
        return { total: this.count, shown: [...this.kept] };
    }
}
exports.ProblemList = ProblemList;
/** Turn a CfcmlError into a Problem, parsing `file: row R, column 'c'` out of its `where`. */
function problemFromError(e, fallbackFile = '') {
    const raw = e.where && e.message.startsWith(`${e.where}: `) ? e.message.slice(e.where.length + 2) : e.message;
    const m = /^(.*?): row (\d+)(?:, column '([^']*)')?$/.exec(e.where ?? '');
    if (m)
        return { file: m[1], row: Number(m[2]), ...(m[3] !== undefined ? { column: m[3] } : {}), message: raw };
    return { file: e.where ?? fallbackFile, message: raw };
}
exports.problemFromError = problemFromError;
//# sourceMappingURL=problems.js.map