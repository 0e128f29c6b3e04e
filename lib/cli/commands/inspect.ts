import type { CommandSpec } from '../args';
import { bool, str } from '../args';
import { DATASET_KEYS, formatInspectReport, inspectCohort, loadCohort } from '../../data';

export const inspectCommand: CommandSpec = {
  name: 'inspect',
  summary: 'per-split class counts, cases left out and why, image sizes, tabular level counts',
  options: [
    { name: 'data', type: 'string', help: 'cohort folder (real or synthetic)', metavar: '<dir>', required: true },
    { name: 'dataset', type: 'string', help: 'dataset (autodetected from the layout if absent)', choices: DATASET_KEYS },
    { name: 'json', type: 'boolean', help: 'print one JSON object' },
  ],
  async run(args) {
    const cohort = await loadCohort(str(args, 'data')!, { dataset: str(args, 'dataset') });
    const report = inspectCohort(cohort);
    console.log(bool(args, 'json') ? JSON.stringify(report, null, 2) : formatInspectReport(report));
    return 0;
  },
};
