import * as fs from 'fs';
import { computeMetrics, formatMetricsTable } from '../../metrics';
import { CfcmlError } from '../../util/errors';
import { parseCsv, requireColumns } from '../../util/csv';
import { bool, num, str, type CommandSpec } from '../args';

/** Read a predictions CSV (`label,prob_0,…,prob_{C-1}`, other columns ignored) with row-level errors. */
export function readPredictionsCsv(file: string): { labels: number[]; probs: number[][] } {
  if (!fs.existsSync(file)) throw new CfcmlError('file not found', { where: file });
  const table = parseCsv(fs.readFileSync(file, 'utf8'), file);
  requireColumns(table, ['label', 'prob_0', 'prob_1'], file);
  const probCols = table.header.filter((h) => /^prob_\d+$/.test(h)).sort((x, y) => Number(x.slice(5)) - Number(y.slice(5)));
  probCols.forEach((c, k) => {
    if (c !== `prob_${k}`) throw new CfcmlError(`probability columns must be prob_0..prob_${probCols.length - 1}; prob_${k} is missing`, { where: file });
  });
  if (table.rows.length === 0) throw new CfcmlError('no prediction rows', { where: file });
  const labels: number[] = [];
  const probs: number[][] = [];
  table.rows.forEach((r, i) => {
    const row = i + 2;
    const y = Number(r.label);
    if (r.label.trim() === '' || !Number.isInteger(y) || y < 0 || y >= probCols.length) {
      throw new CfcmlError(`row ${row}, column 'label': '${r.label}' is not a class index in 0..${probCols.length - 1}`, { where: file });
    }
    const p = probCols.map((c) => {
      const v = Number(r[c]);
      if (r[c].trim() === '' || !Number.isFinite(v)) throw new CfcmlError(`row ${row}, column '${c}': '${r[c]}' is not a number`, { where: file });
      return v;
    });
    labels.push(y);
    probs.push(p);
  });
  return { labels, probs };
}

export const metricsCommand: CommandSpec = {
  name: 'metrics',
  summary: 'metrics of a predictions file (columns label,prob_0,…,prob_{C-1})',
  options: [
    { name: 'pred', type: 'string', required: true, metavar: '<csv>', help: 'predictions CSV' },
    { name: 'positive', type: 'integer', default: 1, help: 'positive class for binary metrics' },
    { name: 'json', type: 'boolean', help: 'print one JSON object with snake_case metric names' },
  ],
  async run(a) {
    const { labels, probs } = readPredictionsCsv(str(a, 'pred')!);
    const m = computeMetrics(labels, probs, { positiveClass: num(a, 'positive') });
    if (bool(a, 'json')) console.log(JSON.stringify(m));
    else console.log(formatMetricsTable(m));
    return 0;
  },
};
