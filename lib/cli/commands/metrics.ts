import { computeMetrics, formatMetricsTable } from '../../metrics';
import { readPredictionsCsv } from '../../run/runDirectory';
import { bool, num, str, type CommandSpec } from '../args';

export const metricsCommand: CommandSpec = {
  name: 'metrics',
  summary: 'metrics of a predictions file (columns label,prob_0,…,prob_{C-1})',
  options: [
    { name: 'pred', type: 'string', required: true, metavar: '<csv>', help: 'predictions CSV' },
    { name: 'positive', type: 'integer', default: 1, help: 'positive class for binary metrics' },
    { name: 'json', type: 'boolean', help: 'print one JSON object with snake_case metric names' },
  ],
  async run(a) {
    // The same reader as a run directory's (`RunDirectory.readPredictions`): label,prob_0..prob_{C-1}.
    const { labels, probs } = readPredictionsCsv(str(a, 'pred')!);
    const m = computeMetrics(labels, probs, { positiveClass: num(a, 'positive') });
    if (bool(a, 'json')) console.log(JSON.stringify(m));
    else console.log(formatMetricsTable(m));
    return 0;
  },
};
