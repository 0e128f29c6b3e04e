import * as path from 'path';
import { archiveSweep, ARCHIVED_COHORT_FILES, ARCHIVED_FILES } from '../../experiments';
import { str, type CommandSpec } from '../args';

export const archiveCommand: CommandSpec = {
  name: 'archive',
  summary: "copy a sweep's results without checkpoints (sweep.json, each finished run's metrics, predictions, history, log) into a folder to keep or commit",
  positionals: [{ name: 'sweep', help: 'sweep folder (holds sweep.json)', required: true }],
  options: [{ name: 'out', type: 'string', required: true, metavar: '<dir>', help: 'archive folder; an existing archive is extended, and a run there with another result is refused' }],
  epilog:
    `Each finished run keeps ${ARCHIVED_FILES.join(', ')}; a synthetic cohort keeps ${ARCHIVED_COHORT_FILES.join(' and ')} (under cohorts/), for the oracle ceiling.\n` +
    'The archive is a sweep folder: `cfcml report <archive> --figures` rebuilds the tables and figures (the modality-gap ones need best.ckpt).\n' +
    'Example: cfcml archive runs/ablation --out results/ablation',
  async run(a) {
    const root = path.resolve(a.positionals[0]);
    const out = path.resolve(str(a, 'out')!);
    const r = archiveSweep(root, out);
    console.log(
      `archived ${root} into ${out}: ${r.copied.length} run(s) copied (${(r.bytes / 1024).toFixed(0)} kB), ${r.unchanged.length} already there, ${r.unfinished.length} not finished` +
        (r.unfinished.length ? ` (${r.unfinished.join(', ')})` : '') +
        (r.oracles.length ? `; the oracle of ${r.oracles.join(', ')}` : ''),
    );
    return 0;
  },
};
