import { formatOracleAucs } from './oracle';

/** What a synthetic generator wrote, for printing after generation and for tests. */
export interface SynthSummary {
  dataset: string;
  out: string;
  seed: number;
  scale: number;
  /** Cases per split and class (the classes of the task). */
  splits: Record<string, Record<string, number>>;
  /** Rows left out of the task by their label (Derm7pt: BCC/SK/MISC diagnoses), per group. */
  excluded: Record<string, number>;
  /** Image files written. */
  files: number;
  /** Image size per modality, as written (W×H or D×H×W). */
  imageSizes: Record<string, string>;
  /** Fraction of cases per class showing a finding (e.g. atypical network, invasion), for a sense of the signal. */
  findings: { name: string; byClass: Record<string, number> }[];
  /** Free-form lines (leak on/off, design notes). */
  notes: string[];
  seconds: number;
  /** Cohort design version (as in `<out>/cohort.json`) and its interaction knob. */
  version: string;
  interaction: string;
  /** Oracle AUC per split and evidence subset (oracle.ts), as in `<out>/oracle.csv`. */
  oracle: Record<string, Record<string, number>>;
}

export function formatSynthSummary(s: SynthSummary): string {
  const classes = Object.keys(Object.values(s.splits)[0] ?? {});
  const lines = [`synthetic ${s.dataset} → ${s.out}  (seed ${s.seed}, scale ${s.scale}, version ${s.version}, interaction ${s.interaction}, ${s.files} image files, ${s.seconds.toFixed(1)} s)`];
  lines.push(`  ${'split'.padEnd(8)}${classes.map((c) => c.padStart(22)).join('')}`);
  for (const [split, counts] of Object.entries(s.splits)) lines.push(`  ${split.padEnd(8)}${classes.map((c) => String(counts[c] ?? 0).padStart(22)).join('')}`);
  const ex = Object.entries(s.excluded);
  if (ex.length) lines.push(`  left out of the task: ${ex.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`  image sizes: ${Object.entries(s.imageSizes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (s.findings.length) {
    lines.push(`  findings (fraction of cases per class):`);
    for (const f of s.findings) lines.push(`    ${f.name.padEnd(34)}${classes.map((c) => `${c} ${(f.byClass[c] ?? 0).toFixed(2)}`).join('  ')}`);
  }
  for (const n of s.notes) lines.push(`  ${n}`);
  lines.push(formatOracleAucs(s.oracle));
  return lines.join('\n');
}
