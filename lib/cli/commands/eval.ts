import { formatMetricsTable } from '../../metrics';
import { SPLITS, type Split } from '../../data/spec';
import { getDatasetSpec } from '../../data';
import { parseMaskFields } from '../../data/mask';
import { maskedOracle } from '../../synth/maskedOracle';
import { evaluateRun, evaluateRunMasked } from '../../train';
import { RunDirectory, type CheckpointKind } from '../../run';
import { bool, num, str, type CommandSpec } from '../args';

export const evalCommand: CommandSpec = {
  name: 'eval',
  summary: "evaluate a run's selected checkpoint on a split and write its predictions",
  options: [
    { name: 'run', type: 'string', required: true, metavar: '<dir>', help: 'run directory written by cfcml train' },
    { name: 'split', type: 'string', choices: SPLITS, default: 'test', help: 'split to evaluate' },
    { name: 'data', type: 'string', metavar: '<dir>', help: 'data folder, if it moved since training' },
    { name: 'checkpoint', type: 'string', choices: ['best', 'last'], default: 'best', help: 'which checkpoint' },
    { name: 'json', type: 'boolean', help: 'print one JSON object' },
    {
      name: 'mask-fields',
      type: 'string',
      metavar: '<F>',
      help: "robustness: mask record cells at evaluation — fractions ('0,0.25,0.5': each cell of the run's fields with that probability) or field names ('sex,location'); results go to <run>/robustness.json",
    },
    { name: 'mask-seed', type: 'integer', default: 1, help: 'seed of --mask-fields (the same seed masks the same cells for every run)' },
  ],
  async run(a) {
    const maskArg = str(a, 'mask-fields');
    if (maskArg !== undefined) {
      const runDir = str(a, 'run')!;
      const spec = getDatasetSpec(new RunDirectory(runDir).readOptions().dataset);
      const masks = parseMaskFields(maskArg, spec);
      const points = await evaluateRunMasked(runDir, masks, { split: str(a, 'split') as Split, data: str(a, 'data'), checkpoint: str(a, 'checkpoint') as CheckpointKind, seed: num(a, 'mask-seed'), oracle: maskedOracle });
      if (bool(a, 'json')) console.log(JSON.stringify({ split: str(a, 'split'), points }));
      else {
        console.log(`${str(a, 'split')} split with record cells masked (seed ${num(a, 'mask-seed')}); written to ${new RunDirectory(runDir).file(RunDirectory.FILES.robustness)}`);
        console.log(`  ${'mask'.padEnd(28)}${'missing'.padStart(9)}${'AUC'.padStart(8)}  oracle`);
        for (const p of points) {
          const o = p.oracle ? Object.entries(p.oracle).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ') : '-';
          console.log(`  ${p.mask.padEnd(28)}${`${(100 * p.missingShare).toFixed(1)}%`.padStart(9)}${p.auc.toFixed(3).padStart(8)}  ${o}`);
        }
      }
      return 0;
    }
    const r = await evaluateRun(str(a, 'run')!, { split: str(a, 'split') as Split, data: str(a, 'data'), checkpoint: str(a, 'checkpoint') as CheckpointKind });
    if (bool(a, 'json')) console.log(JSON.stringify({ split: r.split, metrics: r.metrics, predictions: r.predictionsFile }));
    else {
      console.log(`${r.split} split, ${r.predictions.ids.length} cases; predictions: ${r.predictionsFile}`);
      console.log(formatMetricsTable(r.metrics));
    }
    return 0;
  },
};
