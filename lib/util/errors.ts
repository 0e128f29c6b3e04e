/**
 * The error cfcml throws for bad input: it always names what was wrong and where (file, row, column,
 * value), so that the CLI can print one clear line instead of a stack trace.
 */
export class CfcmlError extends Error {
  /** Where the problem is: a file path, `file:row`, a column name, an option name. */
  readonly where?: string;
  /** A hint on how to fix it, printed after the message. */
  readonly hint?: string;

  constructor(message: string, opts: { where?: string; hint?: string; cause?: unknown } = {}) {
    super(opts.where ? `${opts.where}: ${message}` : message);
    this.name = 'CfcmlError';
    this.where = opts.where;
    this.hint = opts.hint;
    if (opts.cause !== undefined) (this as { cause?: unknown }).cause = opts.cause;
  }
}

/** Exhaustiveness check for `switch` over string unions. */
export function assertNever(x: never, what = 'value'): never {
  throw new CfcmlError(`unexpected ${what}: ${JSON.stringify(x)}`);
}

/** Throw a CfcmlError naming `where` unless `cond` holds. */
export function check(cond: unknown, message: string, where?: string): asserts cond {
  if (!cond) throw new CfcmlError(message, { where });
}
