import { CfcmlError } from './errors';

/**
 * Problems found in an input folder, collected instead of stopping at the first, so that a user can fix a
 * folder in one pass. Each names its file and, where it has them, the spreadsheet row (header = row 1),
 * the column, the value found and what was expected. A list keeps the first `limit` problems and counts
 * the rest.
 */
export interface Problem {
  file: string;
  row?: number;
  column?: string;
  /** The offending value as found (cell text, index, file name). */
  value?: string;
  /** What is wrong. */
  message: string;
  /** What was expected instead (levels, a range, a format). */
  expected?: string;
}

/** `file: row R, column 'c': message (value 'v'; expected …)` — one line per problem. */
export function formatProblem(p: Problem): string {
  const cell = [p.row !== undefined ? `row ${p.row}` : '', p.column !== undefined ? `column '${p.column}'` : ''].filter(Boolean).join(', ');
  const where = cell ? `${p.file}: ${cell}` : p.file;
  const tail = [p.value !== undefined && !p.message.includes(`'${p.value}'`) ? `value '${p.value}'` : '', p.expected ? `expected ${p.expected}` : '']
    .filter(Boolean)
    .join('; ');
  return `${where}: ${p.message}${tail ? ` (${tail})` : ''}`;
}

/** A bad-input error that lists every problem found (up to the list's limit, then a count). */
export class CfcmlProblemsError extends CfcmlError {
  constructor(
    readonly problems: readonly Problem[],
    readonly total: number,
    what: string,
    hint?: string,
  ) {
    super(formatProblemsMessage(problems, total, what), { hint });
    this.name = 'CfcmlProblemsError';
  }
}

export function formatProblemsMessage(problems: readonly Problem[], total: number, what: string): string {
  const lines = [`${total} problem${total === 1 ? '' : 's'} in ${what}:`];
  for (const p of problems) lines.push(`  - ${formatProblem(p)}`);
  if (total > problems.length) lines.push(`  … and ${total - problems.length} more`);
  return lines.join('\n');
}

export class ProblemList {
  private readonly kept: Problem[] = [];
  private count = 0;

  /** At most `limit` problems are kept (default 50); the rest are only counted. */
  constructor(readonly limit = 50) {}

  add(p: Problem): void {
    this.count++;
    if (this.kept.length < this.limit) this.kept.push(p);
  }

  /**
   * Run `fn`; a CfcmlError it throws becomes a problem (its `where` splits into file/row/column where it
   * has the `file: row R, column 'c'` form; `extra` adds fields such as the value), other errors pass
   * through. Returns `fn`'s value or undefined.
   */
  attempt<T>(fn: () => T, fallbackFile = '', extra: Partial<Problem> = {}): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof CfcmlError)) throw e;
      if (e instanceof CfcmlProblemsError) {
        for (const p of e.problems) this.add(p);
        this.count += e.total - e.problems.length;
        return undefined;
      }
      this.add({ ...problemFromError(e, fallbackFile), ...extra });
      return undefined;
    }
  }

  /** Problems kept (the first `limit`). */
  get list(): readonly Problem[] {
    return this.kept;
  }

  /** All problems found, kept or only counted. */
  get total(): number {
    return this.count;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** Throw one CfcmlProblemsError listing every problem kept (and the count of the rest), if any. */
  throwIfAny(what: string, hint?: string): void {
    if (this.count > 0) throw new CfcmlProblemsError(this.kept, this.count, what, hint);
  }

  toJSON(): { total: number; shown: Problem[] } {
    return { total: this.count, shown: [...this.kept] };
  }
}

/** Turn a CfcmlError into a Problem, parsing `file: row R, column 'c'` out of its `where`. */
export function problemFromError(e: CfcmlError, fallbackFile = ''): Problem {
  const raw = e.where && e.message.startsWith(`${e.where}: `) ? e.message.slice(e.where.length + 2) : e.message;
  const m = /^(.*?): row (\d+)(?:, column '([^']*)')?$/.exec(e.where ?? '');
  if (m) return { file: m[1], row: Number(m[2]), ...(m[3] !== undefined ? { column: m[3] } : {}), message: raw };
  return { file: e.where ?? fallbackFile, message: raw };
}
