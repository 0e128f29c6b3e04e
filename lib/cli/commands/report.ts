import * as path from 'path';
import { buildReport, gapFigures, readSweep, robustnessCsv, robustnessCurves, sweepFigures, tableMarkdown, writeFigures, writeTables } from '../../experiments';
import { writeFileAtomic } from '../../util/fs';
import { closeRenderer } from '../../plots';
import { bool, str, type CommandSpec } from '../args';

export const reportCommand: CommandSpec = {
  name: 'report',
  summary: "a sweep's table (mean ± sd over seeds; ΔAUC vs full with a seed × case bootstrap CI and p, DeLong on the seed ensemble, Holm; oracle ceiling; reference rows; AUC per stratum) as CSV/Markdown/LaTeX, and its figures (with a learning curve over nested cohorts)",
  positionals: [{ name: 'sweep', help: 'sweep folder (holds sweep.json)', required: true }],
  options: [
    { name: 'out', type: 'string', metavar: '<dir>', help: 'where to write (default <sweep>/report)' },
    { name: 'figures', type: 'boolean', help: 'also render the figures (PNG, SVG, PDF; needs Chromium)' },
    { name: 'gap', type: 'boolean', help: 'also the modality-gap bars and UMAP panels (recomputes test embeddings from best.ckpt; with --figures)' },
    { name: 'json', type: 'boolean', help: 'print report.json instead of the Markdown table' },
  ],
  epilog: 'Example: cfcml report runs/ablation --figures --gap',
  async run(a) {
    const root = path.resolve(a.positionals[0]);
    const spec = readSweep(root);
    const report = buildReport(root, spec);
    const out = path.resolve(str(a, 'out') ?? path.join(root, 'report'));
    const files = writeTables(report, out);
    // The robustness curve's numbers (runs evaluated with `cfcml eval --mask-fields`), beside the table.
    for (const g of report.groups) {
      const curves = robustnessCurves(root, spec, g);
      if (!curves) continue;
      const file = path.join(out, `robustness${g.group ? `_${g.group.replace(/[^A-Za-z0-9._-]/g, '_')}` : ''}.csv`);
      writeFileAtomic(file, robustnessCsv(curves));
      files.push(file);
    }
    if (bool(a, 'figures')) {
      try {
        const figs = sweepFigures(root, spec, report);
        if (bool(a, 'gap')) Object.assign(figs, await gapFigures(root, spec, report, out, (m) => console.error(m)));
        files.push(...(await writeFigures(figs, path.join(out, 'figures'))));
      } finally {
        await closeRenderer();
      }
    }
    if (bool(a, 'json')) console.log(JSON.stringify(report, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
    else {
      console.log(tableMarkdown(report));
      console.log(`wrote ${files.length} files to ${out}`);
    }
    return report.problems.some((p) => p.state === 'failed' || p.state === 'unreadable') ? 1 : 0;
  },
};
