import type { CommandSpec } from '../args';
import { bool, num, str } from '../args';
import { DATASET_KEYS, formatInspectReport, inspectCohort, loadCohort } from '../../data';
import { ProblemList } from '../../util/problems';

export const inspectCommand: CommandSpec = {
  name: 'inspect',
  summary: 'per-split class counts, cases left out and why, image sizes, tabular level counts, every problem of the folder',
  options: [
    { name: 'data', type: 'string', help: 'cohort folder (real or synthetic)', metavar: '<dir>', required: true },
    { name: 'dataset', type: 'string', help: 'dataset (autodetected from the layout if absent)', choices: DATASET_KEYS },
    { name: 'max-problems', type: 'integer', default: 100, min: 1, help: 'problems listed in full (the rest are counted)' },
    { name: 'json', type: 'boolean', help: 'print one JSON object' },
  ],
  epilog: 'Exit code: 0 when the folder is usable, 1 when it has problems (all listed), 2 when it cannot be read at all.',
  async run(args) {
    const problems = new ProblemList(num(args, 'max-problems'));
    const cohort = await loadCohort(str(args, 'data')!, { dataset: str(args, 'dataset'), problems });
    const report = await inspectCohort(cohort, { problems });
    console.log(bool(args, 'json') ? JSON.stringify(report, null, 2) : formatInspectReport(report));
    return problems.empty ? 0 : 1;
  },
};
