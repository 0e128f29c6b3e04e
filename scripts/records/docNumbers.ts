/**
 * Numbers that prose quotes from result files, kept equal to those files.
 *
 * Two marks, both HTML comments (invisible in rendered Markdown and in a notebook's Markdown cells):
 * - a table block, `<!-- table <report.json> -->` … `<!-- /table -->`: the lines between are the sweep
 *   report's `summaryMarkdown`; `<!-- table <report.json> curve -->`: its `curveMarkdown` (a learning curve's
 *   variants × cohorts);
 * - a quoted number followed by its source, `0.914<!-- <file.json> <path> -->`: the number, rounded as it is
 *   written (its decimals; thousands separators and a sign allowed), equals the JSON value at the path
 *   (`a.b.0.c`, and `rows[variant=full]` picks the element whose field equals the value).
 *
 *   node dist/scripts/records/docNumbers.js README.md …            check, exit 1 on a mismatch
 *   node dist/scripts/records/docNumbers.js --write README.md …    rewrite the table blocks from their reports
 * test/docs/numbers.test.ts runs the check on the README, docs/ and the notebooks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { curveMarkdown, summaryMarkdown } from '../../lib/experiments/tables';
import type { SweepReport } from '../../lib/experiments/report';
import { CfcmlError } from '../../lib/util/errors';
import { writeFileAtomic } from '../../lib/util/fs';

const TABLE = /<!-- table (\S+)( curve)? -->\n([\s\S]*?)\n?<!-- \/table -->/g;
const QUOTED = /([+−-]?\d[\d,]*(?:\.\d+)?)<!-- (\S+\.json) (\S+) -->/g;

export interface Mismatch {
  where: string;
  quoted: string;
  expected: string;
}

export interface Check {
  tables: number;
  numbers: number;
  mismatches: Mismatch[];
}

function readJson(root: string, file: string, where: string): unknown {
  const abs = path.resolve(root, file);
  if (!fs.existsSync(abs)) throw new CfcmlError(`quotes a number from ${file}, which does not exist`, { where });
  return JSON.parse(fs.readFileSync(abs, 'utf8'));
}

/** The value at `a.b[k=v].0.c` in a parsed JSON document; a CfcmlError naming the step that fails. */
export function jsonAt(doc: unknown, at: string, where: string): unknown {
  let x: unknown = doc;
  for (const m of at.matchAll(/([^.[\]]+)|\[([^=\]]+)=([^\]]+)\]/g)) {
    const [, key, selKey, selValue] = m;
    if (key !== undefined) {
      if (x === null || typeof x !== 'object' || !(key in (x as object))) throw new CfcmlError(`no '${key}' in ${at}`, { where });
      x = (x as Record<string, unknown>)[key];
    } else {
      if (!Array.isArray(x)) throw new CfcmlError(`[${selKey}=${selValue}] needs an array in ${at}`, { where });
      x = x.find((e: unknown) => e !== null && typeof e === 'object' && String((e as Record<string, unknown>)[selKey]) === selValue);
      if (x === undefined) throw new CfcmlError(`no element with ${selKey}=${selValue} in ${at}`, { where });
    }
  }
  return x;
}

/** `value` written the way `quoted` is written: its number of decimals, its sign, its thousands separators. */
export function writtenLike(quoted: string, value: number): string {
  const plain = quoted.replace(/,/g, '').replace('−', '-');
  const decimals = plain.includes('.') ? plain.split('.')[1].length : 0;
  let s = Math.abs(value).toFixed(decimals);
  if (quoted.includes(',')) s = s.replace(/^\d+/, (int) => Number(int).toLocaleString('en-US'));
  const negative = value < 0 && Number(s.replace(/,/g, '')) !== 0;
  const sign = negative ? (quoted.startsWith('-') ? '-' : '−') : quoted.startsWith('+') ? '+' : '';
  return sign + s;
}

/** Check (or, with `write`, rewrite the table blocks of) one Markdown text; `label` names it in messages. */
export function checkText(text: string, root: string, label: string, write = false): Check & { text: string } {
  const mismatches: Mismatch[] = [];
  let tables = 0;
  let numbers = 0;
  const out = text.replace(TABLE, (whole, file: string, kind: string | undefined, body: string) => {
    tables++;
    const report = readJson(root, file, label) as SweepReport;
    const want = kind ? curveMarkdown(report) : summaryMarkdown(report);
    if (write) return `<!-- table ${file}${kind ?? ''} -->\n${want}\n<!-- /table -->`;
    if (body.trim() !== want.trim()) mismatches.push({ where: `${label}: table from ${file}`, quoted: body, expected: want });
    return whole;
  });
  for (const m of text.matchAll(QUOTED)) {
    numbers++;
    const [, quoted, file, at] = m;
    const value = jsonAt(readJson(root, file, label), at, `${label}: ${file} ${at}`);
    if (typeof value !== 'number') throw new CfcmlError(`${file} ${at} is ${JSON.stringify(value)}, not a number`, { where: label });
    const expected = writtenLike(quoted, value);
    if (expected !== quoted) mismatches.push({ where: `${label}: ${file} ${at}`, quoted, expected });
  }
  return { text: out, tables, numbers, mismatches };
}

/** A file's Markdown: the file itself, or a notebook's Markdown cells joined. */
export function markdownOf(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (!file.endsWith('.ipynb')) return text;
  const nb = JSON.parse(text) as { cells: { cell_type: string; source: string | string[] }[] };
  return nb.cells
    .filter((c) => c.cell_type === 'markdown')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
    .join('\n\n');
}

function main(argv: string[]): number {
  const write = argv.includes('--write');
  const files = argv.filter((a) => a !== '--write');
  if (files.length === 0) {
    console.error('usage: node dist/scripts/records/docNumbers.js [--write] <file.md|file.ipynb> …');
    return 2;
  }
  let bad = 0;
  for (const file of files) {
    const root = process.cwd();
    if (write) {
      if (file.endsWith('.ipynb')) throw new CfcmlError('--write rewrites Markdown files only', { where: file });
      const r = checkText(fs.readFileSync(file, 'utf8'), root, file, true);
      writeFileAtomic(file, r.text);
      console.log(`${file}: ${r.tables} table(s) written`);
      continue;
    }
    const r = checkText(markdownOf(file), root, file);
    for (const m of r.mismatches) console.log(`${m.where}: quotes ${m.quoted}, the file says ${m.expected}`);
    console.log(`${file}: ${r.tables} table(s), ${r.numbers} number(s), ${r.mismatches.length} mismatch(es)`);
    bad += r.mismatches.length;
  }
  return bad > 0 ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
