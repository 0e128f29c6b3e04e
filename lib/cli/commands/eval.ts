import { formatMetricsTable } from '../../metrics';
import { SPLITS, type Split } from '../../data/spec';
import { evaluateRun } from '../../train';
import type { CheckpointKind } from '../../run';
import { bool, str, type CommandSpec } from '../args';

export const evalCommand: CommandSpec = {
  name: 'eval',
  summary: "evaluate a run's selected checkpoint on a split and write its predictions",
  options: [
    { name: 'run', type: 'string', required: true, metavar: '<dir>', help: 'run directory written by cfcml train' },
    { name: 'split', type: 'string', choices: SPLITS, default: 'test', help: 'split to evaluate' },
    { name: 'data', type: 'string', metavar: '<dir>', help: 'data folder, if it moved since training' },
    { name: 'checkpoint', type: 'string', choices: ['best', 'last'], default: 'best', help: 'which checkpoint' },
    { name: 'json', type: 'boolean', help: 'print one JSON object' },
  ],
  async run(a) {
    const r = await evaluateRun(str(a, 'run')!, { split: str(a, 'split') as Split, data: str(a, 'data'), checkpoint: str(a, 'checkpoint') as CheckpointKind });
    if (bool(a, 'json')) console.log(JSON.stringify({ split: r.split, metrics: r.metrics, predictions: r.predictionsFile }));
    else {
      console.log(`${r.split} split, ${r.predictions.ids.length} cases; predictions: ${r.predictionsFile}`);
      console.log(formatMetricsTable(r.metrics));
    }
    return 0;
  },
};
