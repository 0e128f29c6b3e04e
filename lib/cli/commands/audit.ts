import type { CommandSpec } from '../args';
import { bool, num, str } from '../args';
import { auditLeakage, DATASET_KEYS, formatLeakageReport, loadCohort } from '../../data';
import type { Split } from '../../data/spec';

export const auditCommand: CommandSpec = {
  name: 'audit',
  summary: 'leakage audit: how well each tabular field alone predicts the label; flags fields that give it away',
  options: [
    { name: 'data', type: 'string', help: 'cohort folder (real or synthetic)', metavar: '<dir>', required: true },
    { name: 'dataset', type: 'string', help: 'dataset (autodetected from the layout if absent)', choices: DATASET_KEYS },
    { name: 'split', type: 'string', help: 'audit one split only', choices: ['train', 'valid', 'test'] },
    { name: 'auc-threshold', type: 'number', help: 'flag a field whose single-field AUC reaches this', default: 0.9 },
    { name: 'json', type: 'boolean', help: 'print one JSON object' },
  ],
  async run(args) {
    const cohort = await loadCohort(str(args, 'data')!, { dataset: str(args, 'dataset') });
    const split = str(args, 'split') as Split | undefined;
    const report = auditLeakage(cohort, { splits: split ? [split] : undefined, aucThreshold: num(args, 'auc-threshold') });
    console.log(bool(args, 'json') ? JSON.stringify(report, null, 2) : formatLeakageReport(report));
    return 0;
  },
};
