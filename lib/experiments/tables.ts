/**
 * Writers of a sweep report as tables: CSV (one row per variant, `<metric>_mean`/`<metric>_sd` columns, the
 * ΔAUC's bootstrap interval and p against full (the primary test), DeLong's p on the seed ensemble), Markdown
 * and LaTeX (booktabs, `$\pm$`, best mean per column in bold), with the reference rows and oracle ceilings
 * under the variants, and the strata table (`strata.csv`) where the dataset has one.
 */
import * as path from 'path';
import { formatCsv } from '../util/csv';
import { writeFileAtomic } from '../util/fs';
import { aucMetricOf, ceilingEntries, type GroupReport, type SweepReport } from './report';

export const METRIC_LABELS: Record<string, string> = {
  auc: 'AUC',
  auprc: 'AUPRC',
  accuracy: 'Acc.',
  balanced_accuracy: 'Bal. acc.',
  sensitivity: 'Sens.',
  specificity: 'Spec.',
  g_mean: 'G-mean',
  mcc: 'MCC',
  f1: 'F1',
  macro_auc: 'AUC (macro)',
  macro_f1: 'Macro F1',
  weighted_f1: 'Weighted F1',
};

/** The columns the LaTeX table shows (a paper column is narrow); CSV and Markdown show every metric. */
export const TEX_METRICS = ['auc', 'auprc', 'balanced_accuracy', 'mcc', 'f1', 'macro_auc', 'macro_f1'];

/** A number for CSV: 6 significant digits, '' for NaN/absent. */
export function csvNumber(x: number | undefined | null): string {
  return x === undefined || x === null || !Number.isFinite(x) ? '' : String(Number(x.toPrecision(6)));
}

/** A p-value for people: 3 decimals, `<0.001` below, `–` when there is none. */
export function formatP(p: number | undefined | null, lt = '<'): string {
  if (p === undefined || p === null || !Number.isFinite(p)) return '–';
  return p < 0.001 ? `${lt}0.001` : p.toFixed(3);
}

const meanSd = (m: number, s: number, digits: number, pm: string) =>
  !Number.isFinite(m) ? '–' : Number.isFinite(s) ? `${m.toFixed(digits)}${pm}${s.toFixed(digits)}` : m.toFixed(digits);

const signed = (x: number, digits: number) => (!Number.isFinite(x) ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`);

/** CSV text: one row per variant (a `group` column first when the sweep has several cohorts/presets). */
export function tableCsv(report: SweepReport): string {
  const multi = report.groups.length > 1;
  const metrics = [...new Set(report.groups.flatMap((g) => g.metrics))];
  const header = [
    ...(multi ? ['group'] : []),
    'variant',
    'n_seeds',
    'seeds',
    ...metrics.flatMap((m) => [`${m}_mean`, `${m}_sd`]),
    'valid_auc_mean',
    'valid_auc_sd',
    'diff_auc_mean',
    'diff_auc_sd',
    'diff_auc_wins',
    'diff_auc_ci_low',
    'diff_auc_ci_high',
    'p_boot',
    'p_boot_holm',
    'auc_seed_ensemble',
    'p_delong',
    'p_holm',
    'tabular_used',
    'tabular_excluded',
    'best',
  ];
  const rows = report.groups.flatMap((g) =>
    g.rows.map((r) => [
      ...(multi ? [g.group] : []),
      r.variant,
      r.seeds.length,
      r.seeds.join(' '),
      ...metrics.flatMap((m) => [csvNumber(r.metrics[m]?.mean), csvNumber(r.metrics[m]?.sd)]),
      csvNumber(r.validAuc.mean),
      csvNumber(r.validAuc.sd),
      csvNumber(r.diffAuc?.mean),
      csvNumber(r.diffAuc?.sd),
      r.diffAuc ? `${r.diffAuc.wins}/${r.diffAuc.perSeed.length}` : '',
      csvNumber(r.bootstrap?.lower),
      csvNumber(r.bootstrap?.upper),
      csvNumber(r.bootstrap?.p),
      csvNumber(r.pBootHolm),
      csvNumber(r.delong?.aucVariant),
      csvNumber(r.delong?.p),
      csvNumber(r.pHolm),
      r.tabularUsed.join(' '),
      r.tabularExcluded.join(' '),
      r.best.join(' '),
    ]),
  );
  return formatCsv(header, rows);
}

function groupTitle(g: GroupReport): string {
  return `${g.dataset || 'no finished run'}${g.group ? ` — ${g.group}` : ''} (preset ${g.preset}, cohort ${g.data})`;
}

/** Markdown: one table per group, `mean ± sd` cells, best in bold, then oracle, notes and problems. */
export function tableMarkdown(report: SweepReport, digits = 3): string {
  const out: string[] = [`# Sweep report: ${report.root}`, '', `${report.runsDone} of ${report.runsTotal} runs finished; train arguments: \`${report.trainArgs.join(' ') || '(preset defaults)'}\`.`, ''];
  for (const g of report.groups) {
    out.push(`## ${groupTitle(g)}`, '');
    if (g.rows.length === 0) {
      out.push('No finished run.', '');
      continue;
    }
    const head = ['variant', 'n', ...g.metrics.map((m) => METRIC_LABELS[m] ?? m), 'ΔAUC vs full', '95% CI (seeds × cases)', 'p (boot)', 'p (boot, Holm)', 'p (DeLong, ensemble)', 'p (DeLong, Holm)'];
    out.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ':--' : '--:')).join('|')}|`);
    for (const r of g.rows) {
      const cells = [
        r.variant,
        String(r.seeds.length),
        ...g.metrics.map((m) => {
          const c = meanSd(r.metrics[m].mean, r.metrics[m].sd, digits, ' ± ');
          return r.best.includes(m) ? `**${c}**` : c;
        }),
        r.diffAuc ? `${meanSd(r.diffAuc.mean, r.diffAuc.sd, digits, ' ± ').replace(/^(\d)/, '+$1')} (${r.diffAuc.wins}/${r.diffAuc.perSeed.length} seeds better)` : '–',
        r.bootstrap ? `[${signed(r.bootstrap.lower, digits)}, ${signed(r.bootstrap.upper, digits)}]` : '–',
        formatP(r.bootstrap?.p),
        formatP(r.pBootHolm),
        formatP(r.delong?.p),
        formatP(r.pHolm),
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
    const aucIndex = g.metrics.findIndex((m) => m === 'auc' || m === 'macro_auc');
    for (const ref of g.reference) {
      const cells = g.metrics.map((_, j) => (j === aucIndex ? meanSd(ref.testAuc.mean, ref.testAuc.sd, digits, ' ± ') : ''));
      out.push(`| *${ref.name}* | ${ref.seeds.length} | ${cells.join(' | ')} | | | | | | |`);
    }
    out.push('');
    if (g.reference.length > 0) {
      out.push(
        `Reference rows (italic): networks trained outside cfcml's harness on the same splits with a textbook recipe (${g.reference[0].file}; scripts/reference/standard_recipe.py), test AUC mean ± sd over their seeds, selected on validation; not part of the tests against full.`,
        '',
      );
    }
    const ceiling = ceilingEntries(g.oracle);
    if (g.oracle && ceiling.length > 0) {
      const others = Object.entries(g.oracle.auc).filter(([k]) => !ceiling.some(([c]) => c === k));
      const list = (e: [string, number][]) => e.map(([k, v]) => `${k} ${v.toFixed(digits)}`).join(', ');
      out.push(
        `Oracle ceiling (test AUC of the generating model's true posteriors, ${g.oracle.file}): ${list(ceiling)}.` +
          (others.length ? ` Other oracle scores: ${list(others)}.` : ''),
        '',
      );
    }
    const tab = new Map<string, string[]>();
    for (const r of g.rows) {
      const key = r.tabularUsed.length ? `${r.tabularUsed.join(', ')}${r.tabularExcluded.length ? ` (left out: ${r.tabularExcluded.join(', ')})` : ''}` : 'none';
      tab.set(key, [...(tab.get(key) ?? []), r.variant]);
    }
    out.push('Tabular fields used:', ...[...tab].map(([k, vs]) => `- ${vs.join(', ')}: ${k}`), '');
    if (g.strata.length > 0) out.push(...strataMarkdown(g, digits));
    out.push(`${g.delongNote}`, '');
  }
  out.push('Notes:', ...report.notes.map((n) => `- ${n}`), '');
  if (report.problems.length > 0) {
    out.push(`## Runs not in the table (${report.problems.length})`, '', '| run | state | reason |', '|:--|:--|:--|');
    for (const p of report.problems) out.push(`| ${p.id} | ${p.state} | ${p.reason.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * The short table a front page quotes: per variant the seeds, test and validation AUC (mean ± sd), the paired
 * per-seed ΔAUC to full with its seed × case bootstrap 95% CI and Holm-adjusted p (the primary test), and
 * Holm's p of DeLong on the seed ensembles (the second); then the oracle ceilings; the best test AUC in bold.
 * One table per group. test/docs/numbers.test.ts requires the README's copy to equal it.
 */
export function summaryMarkdown(report: Pick<SweepReport, 'groups'>, digits = 3): string {
  const out: string[] = [];
  for (const g of report.groups) {
    const best = Math.max(...g.rows.map((r) => r.metrics.auc?.mean ?? -1));
    out.push(
      '| variant | seeds | test AUC | valid AUC | ΔAUC vs full (per seed) | 95% CI (seeds × cases) | p Holm (bootstrap) | p Holm (DeLong, ensemble) |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const r of g.rows) {
      const auc = r.metrics.auc;
      const cell = auc ? meanSd(auc.mean, auc.sd, digits, ' ± ') : '–';
      const diff = r.diffAuc ? `${signed(r.diffAuc.mean, digits)}${Number.isFinite(r.diffAuc.sd) ? ` ± ${r.diffAuc.sd.toFixed(digits)}` : ''}` : '–';
      const ci = r.bootstrap ? `[${signed(r.bootstrap.lower, digits)}, ${signed(r.bootstrap.upper, digits)}]` : '–';
      const valid = r.validAuc ? meanSd(r.validAuc.mean, r.validAuc.sd, digits, ' ± ') : '–';
      out.push(`| \`${r.variant}\` | ${r.seeds.join(',')} | ${auc && auc.mean === best ? `**${cell}**` : cell} | ${valid} | ${diff} | ${ci} | ${formatP(r.pBootHolm, '< ')} | ${formatP(r.pHolm, '< ')} |`);
    }
    const a = g.oracle?.auc;
    if (a) {
      const v = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(digits));
      out.push(`| oracle: all evidence (ceiling) | | ${v(a.joint)} | | | | | |`, `| oracle: best additive (sum of per-modality evidence) | | ${v(a.additive)} | | | | | |`);
    }
  }
  return out.join('\n');
}

/**
 * A sweep over several cohorts (a learning curve) as one compact table: a row per variant (then the
 * reference rows, italic), a column per group (cohort), the test AUC mean ± sd over seeds; bold where a mean
 * is above the group's additive oracle; the oracle ceilings as the last rows. The README quotes it
 * (scripts/records/docNumbers.ts, `<!-- table <report.json> curve -->`).
 */
export function curveMarkdown(report: Pick<SweepReport, 'groups'>, digits = 3): string {
  const groups = report.groups.filter((g) => g.rows.length > 0);
  const out = [`| variant | ${groups.map((g) => g.group || g.dataset).join(' | ')} |`, `|---|${groups.map(() => '---').join('|')}|`];
  const cell = (g: GroupReport, m: number | undefined, s: number | undefined) => {
    if (m === undefined || !Number.isFinite(m)) return '–';
    const text = meanSd(m, s ?? NaN, digits, ' ± ');
    const additive = g.oracle?.auc.additive;
    return additive !== undefined && m > additive ? `**${text}**` : text;
  };
  const variants = [...new Set(groups.flatMap((g) => g.rows.map((r) => r.variant)))];
  for (const v of variants) {
    out.push(`| \`${v}\` | ${groups.map((g) => { const a = g.rows.find((r) => r.variant === v)?.metrics[aucMetricOf(g)]; return cell(g, a?.mean, a?.sd); }).join(' | ')} |`);
  }
  const refs = [...new Set(groups.flatMap((g) => g.reference.map((r) => r.name)))];
  for (const name of refs) {
    out.push(`| *${name}* | ${groups.map((g) => { const r = g.reference.find((x) => x.name === name); return r ? cell(g, r.testAuc.mean, r.testAuc.sd) : 'not yet'; }).join(' | ')} |`);
  }
  const oracle = [...new Set(groups.flatMap((g) => ceilingEntries(g.oracle).map(([k]) => k)))];
  for (const k of oracle) {
    const label = k === 'joint' ? 'oracle: all evidence (ceiling)' : k === 'additive' ? 'oracle: best additive' : `oracle: ${k}`;
    out.push(`| ${label} | ${groups.map((g) => { const x = g.oracle?.auc[k]; return x === undefined ? '–' : x.toFixed(digits); }).join(' | ')} |`);
  }
  return out.join('\n');
}

/** The strata section of a group: test AUC per stratum of the record, with the oracle's on the same cases. */
function strataMarkdown(g: GroupReport, digits: number): string[] {
  const variants = Object.keys(g.strata[0].variants);
  const oracles = Object.keys(g.strata[0].oracle);
  const head = ['stratum', 'cases (MEL)', ...variants, ...oracles.map((k) => `oracle ${k}`)];
  const out = [
    '### Test AUC per stratum of the record (mean ± sd over seeds; the oracle on the same cases)',
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ':--' : '--:')).join('|')}|`,
  ];
  for (const r of g.strata) {
    const cells = [`${r.rule}: ${r.stratum}`, `${r.n} (${r.positives})`, ...variants.map((v) => meanSd(r.variants[v].mean, r.variants[v].sd, digits, ' ± ')), ...oracles.map((k) => (Number.isFinite(r.oracle[k]) ? r.oracle[k].toFixed(digits) : '–'))];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
  return out;
}

/** CSV of every group's strata: one row per group × stratum × variant (and one per oracle column). */
export function strataCsv(report: SweepReport): string {
  const rows: (string | number)[][] = [];
  for (const g of report.groups) {
    for (const r of g.strata) {
      for (const [v, x] of Object.entries(r.variants)) rows.push([g.group, r.rule, r.stratum, r.n, r.positives, v, x.values.length, csvNumber(x.mean), csvNumber(x.sd)]);
      for (const [k, auc] of Object.entries(r.oracle)) rows.push([g.group, r.rule, r.stratum, r.n, r.positives, `oracle_${k}`, '', csvNumber(auc), '']);
    }
  }
  return formatCsv(['group', 'rule', 'stratum', 'n', 'positives', 'model', 'n_seeds', 'auc_mean', 'auc_sd'], rows);
}

/** Escape text for LaTeX. */
export function texEscape(s: string): string {
  return s.replace(/\\/g, '\\textbackslash{}').replace(/([&%$#_{}])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

/** LaTeX (booktabs): one tabular per group, `mean $\pm$ sd`, best in \textbf, oracle rows under a rule. */
export function tableTex(report: SweepReport, digits = 3): string {
  const out: string[] = ['% Written by `cfcml report`; needs \\usepackage{booktabs}.'];
  for (const g of report.groups) {
    if (g.rows.length === 0) continue;
    const metrics = g.metrics.filter((m) => TEX_METRICS.includes(m));
    const n = Math.max(...g.rows.map((r) => r.seeds.length));
    out.push(
      '\\begin{table}[t]',
      '\\centering',
      `\\caption{${texEscape(g.dataset)}${g.group ? ` (${texEscape(g.group)})` : ''}: test metrics, mean $\\pm$ sd over ${n} training seeds; best mean in bold. ` +
        `$\\Delta$AUC: mean over seeds of the per-seed AUC difference to full; $p_{\\mathrm{boot}}$ tests it (paired bootstrap over seeds $\\times$ test cases), ` +
        `$p_{\\mathrm{DeLong}}$ tests the seed ensemble (probabilities averaged over seeds); both Holm-corrected over ${g.rows.filter((r) => r.diffAuc).length} comparisons.}`,
      `\\label{tab:${texEscape((g.dataset || 'sweep') + (g.group ? '-' + g.group : ''))}}`,
      `\\begin{tabular}{l${'c'.repeat(metrics.length)}rrrr}`,
      '\\toprule',
      `Variant & ${metrics.map((m) => texEscape(METRIC_LABELS[m] ?? m)).join(' & ')} & $\\Delta$AUC & $p_{\\mathrm{boot}}$ (Holm) & $p_{\\mathrm{DeLong}}$ & $p_{\\mathrm{DeLong}}$ (Holm) \\\\`,
      '\\midrule',
    );
    for (const r of g.rows) {
      const cells = metrics.map((m) => {
        const s = r.metrics[m];
        if (!Number.isFinite(s.mean)) return '--';
        const body = Number.isFinite(s.sd) ? `${s.mean.toFixed(digits)} $\\pm$ ${s.sd.toFixed(digits)}` : s.mean.toFixed(digits);
        return r.best.includes(m) ? `\\textbf{${body}}` : body;
      });
      const p = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '--' : x < 0.001 ? '$<$0.001' : x.toFixed(3));
      const d = r.diffAuc ? `${r.diffAuc.mean >= 0 ? '+' : '$-$'}${Math.abs(r.diffAuc.mean).toFixed(digits)}` : '--';
      out.push(`${texEscape(r.variant)} & ${cells.join(' & ')} & ${d} & ${p(r.pBootHolm)} & ${p(r.delong?.p)} & ${p(r.pHolm)} \\\\`);
    }
    const refCol = metrics.findIndex((m) => m === 'auc' || m === 'macro_auc');
    if (g.reference.length > 0 && refCol >= 0) {
      out.push('\\midrule');
      for (const ref of g.reference) {
        const cells = metrics.map((_, j) => (j === refCol ? `${ref.testAuc.mean.toFixed(digits)} $\\pm$ ${ref.testAuc.sd.toFixed(digits)}` : ''));
        out.push(`\\emph{${texEscape(ref.name)}} & ${cells.join(' & ')} & & & & \\\\`);
      }
    }
    const oracle = ceilingEntries(g.oracle);
    const aucCol = metrics.findIndex((m) => m === 'auc' || m === 'macro_auc');
    if (oracle.length > 0 && aucCol >= 0) {
      out.push('\\midrule');
      for (const [k, v] of oracle) {
        const cells = metrics.map((_, j) => (j === aucCol ? v.toFixed(digits) : ''));
        out.push(`\\emph{oracle (${texEscape(k)})} & ${cells.join(' & ')} & & & & \\\\`);
      }
    }
    out.push('\\bottomrule', '\\end{tabular}', '\\end{table}', '');
  }
  return out.join('\n');
}

/** Write `<dir>/table.csv`, `table.md`, `table.tex` and `report.json`; returns the paths. */
export function writeTables(report: SweepReport, dir: string): string[] {
  const files: [string, string][] = [
    ['table.csv', tableCsv(report)],
    ['table.md', tableMarkdown(report)],
    ['table.tex', tableTex(report)],
    ...(report.groups.some((g) => g.strata.length > 0) ? ([['strata.csv', strataCsv(report)]] as [string, string][]) : []),
    ['report.json', JSON.stringify(report, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n'],
  ];
  return files.map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileAtomic(file, text);
    return file;
  });
}
