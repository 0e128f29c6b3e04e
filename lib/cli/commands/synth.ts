import type { CommandSpec } from '../args';
import { bool, num, str } from '../args';
import { formatSynthSummary } from '../../synth/summary';
import { getSynth, SYNTH_DATASET_KEYS } from '../../synth/registry';
import { CfcmlError } from '../../util/errors';

function progress(label: string): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const pct = Math.floor((100 * done) / total);
    if (process.stderr.isTTY && pct !== last) {
      last = pct;
      process.stderr.write(`\r${label}: ${done}/${total}`);
      if (done === total) process.stderr.write('\n');
    }
  };
}

export const synthCommand: CommandSpec = {
  name: 'synth',
  summary: 'write a synthetic cohort in the real layout (Derm7pt release_v0 or MEN-style)',
  positionals: [{ name: 'dataset', help: 'which cohort to generate', choices: SYNTH_DATASET_KEYS, required: true }],
  options: [
    { name: 'out', type: 'string', help: 'output folder', metavar: '<dir>', required: true },
    { name: 'seed', type: 'integer', help: 'random seed (same seed, same files)', default: 1 },
    { name: 'scale', type: 'number', positive: true, help: 'multiply the default class counts (e.g. 0.1 for quick runs)', default: 1 },
    { name: 'leak', type: 'boolean', help: 'derm7pt: reproduce the management leak (every MEL excised); --no-leak turns it off', default: true },
    { name: 'interaction', type: 'string', help: "'context' (the record says how to read the image) or 'none' (additive null control)", choices: ['context', 'none'], default: 'context' },
    { name: 'missing', type: 'number', metavar: '<rate>', help: 'derm7pt: leave each record cell blank with this probability (0–1); the oracle marginalises the blanks' },
    { name: 'missing-mechanism', type: 'string', choices: ['mcar', 'mnar'], default: 'mcar', help: "with --missing: 'mcar' (completely at random) or 'mnar' (a NEV's cells blank 1.25× as often, a MEL's 0.5×: docs/DATA.md)" },
    { name: 'nested', type: 'boolean', help: 'learning-curve layout — the same test and validation cases at every --scale (which then scales training only), training sets nested (scale 1 inside scale 4)' },
    { name: 'valid-scale', type: 'number', positive: true, metavar: '<k>', help: "with --nested: validation size as a multiple of the default's (derm7pt 161 cases, men 54 patients; default 2)" },
    { name: 'json', type: 'boolean', help: 'print the summary as JSON (with the oracle AUCs per split)' },
  ],
  epilog:
    'Examples:\n  cfcml synth derm7pt --out data/synthetic/derm7pt --seed 1\n  cfcml synth derm7pt --out data/synthetic/derm7pt-missing --missing 0.3\n  cfcml synth derm7pt --out data/synthetic/derm7pt-null --interaction none\n  cfcml synth derm7pt --nested --scale 4 --out data/synthetic/derm7pt-n4   (learning curves)\n  cfcml synth men --nested --scale 5 --out data/synthetic/men-n5\n  cfcml synth men --out data/synthetic/men --scale 0.2\n' +
    'Every cohort comes with <out>/oracle.csv (true posteriors of the generative model per case) and <out>/cohort.json beside the cohort.',
  async run(args) {
    const dataset = args.positionals[0];
    const out = str(args, 'out')!;
    const seed = num(args, 'seed')!;
    const scale = num(args, 'scale')!;
    if (!(scale > 0)) throw new CfcmlError(`option --scale must be > 0, got ${scale}`);
    const interaction = str(args, 'interaction') === 'none' ? 'none' : 'context';
    const generator = getSynth(dataset);
    if (args.options.leak === false && !generator.leak) throw new CfcmlError(`--no-leak applies to ${SYNTH_DATASET_KEYS.filter((k) => getSynth(k).leak).join(', ')} only`);
    const rate = num(args, 'missing');
    if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new CfcmlError(`option --missing must be a rate in [0, 1], got ${rate}`);
    if (rate !== undefined && rate > 0 && !generator.missing) throw new CfcmlError(`--missing applies to ${SYNTH_DATASET_KEYS.filter((k) => getSynth(k).missing).join(', ')} only`);
    const missingness = rate !== undefined && rate > 0 ? { rate, mechanism: str(args, 'missing-mechanism') === 'mnar' ? ('mnar' as const) : ('mcar' as const) } : undefined;
    const validScale = num(args, 'valid-scale');
    if (validScale !== undefined && !bool(args, 'nested')) throw new CfcmlError('option --valid-scale applies with --nested only (the default layout scales validation with --scale)');
    const nested = bool(args, 'nested') ? { validScale: validScale ?? 2 } : undefined;
    if (nested && !generator.nested) throw new CfcmlError(`--nested applies to ${SYNTH_DATASET_KEYS.filter((k) => getSynth(k).nested).join(', ')} only`);
    const summary = await generator.generate({ out, seed, scale, leak: args.options.leak !== false, interaction, nested, missingness, onProgress: progress(generator.unit) });
    console.log(bool(args, 'json') ? JSON.stringify(summary, null, 2) : formatSynthSummary(summary));
    return 0;
  },
};
