"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.check = exports.assertNever = exports.CfcmlError = void 0;
/**
 * The error cfcml throws for bad input: it always names what was wrong and where (file, row, column,
 * value), so that the CLI can print one clear line instead of a stack trace.
 */
class CfcmlError extends Error {
    constructor(message, opts = {}) {
        super(opts.where ? `${opts.where}: ${message}` : message);
        this.name = 'CfcmlError';
        this.where = opts.where;
        this.hint = opts.hint;
        if (opts.cause !== undefined)
            this.cause = opts.cause;
    }
}
exports.CfcmlError = CfcmlError;
/** Exhaustiveness check for `switch` over string unions. */
function assertNever(x, what = 'value') {
    throw new CfcmlError(`unexpected ${what}: ${JSON.stringify(x)}`);
}
exports.assertNever = assertNever;
/** Throw a CfcmlError naming `where` unless `cond` holds. */
function check(cond, message, where) {
    if (!cond)
        throw new CfcmlError(message, { where });
}
exports.check = check;
//# sourceMappingURL=errors.js.map