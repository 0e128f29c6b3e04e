/**
 * Progress of a training run shown in a notebook as ONE output that is redrawn in place (a Jupyter
 * display id, `update_display_data`): epoch and step, the running means of the loss terms of (H8), the
 * validation AUC of each finished epoch, and at the end a one-paragraph summary. Outside a notebook it
 * prints one line per epoch and the summary.
 *
 *   const progress = trainingProgress();
 *   const trainer = await Trainer.create({ ..., progress: 'none', ...progress.callbacks });
 *   while (!trainer.done) await trainer.trainEpoch();
 *   progress.finish();
 */
import type { EpochRecord, StepRecord } from '../train/options';
import { displayBundle, inNotebook } from '../util/display';

export interface TrainingProgressOptions {
  /** Heading of the display. Default `'Training'`. */
  title?: string;
  /** Least time between two redraws during an epoch, in ms. Default 500 (each redraw is a message). */
  minIntervalMs?: number;
}

const TERMS = [
  ['loss', 'loss (H8)'],
  ['ce', 'CE'],
  ['sam', 'L_sam'],
  ['up', 'L_up'],
  ['cp', 'L_cp'],
] as const;
type Term = (typeof TERMS)[number][0];

export interface TrainingProgress {
  /** Pass to `Trainer.create` (`...progress.callbacks`). */
  callbacks: { onStep: (s: StepRecord) => void; onEpochEnd: (r: EpochRecord) => void };
  /** Epoch records seen so far. */
  readonly epochs: readonly EpochRecord[];
  /** Replace the display by the final summary and return the summary text. */
  finish(note?: string): string;
}

let counter = 0;

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '–');
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function trainingProgress(opts: TrainingProgressOptions = {}): TrainingProgress {
  const title = opts.title ?? 'Training';
  const minInterval = opts.minIntervalMs ?? 500;
  const displayId = `cfcml-progress-${process.pid}-${Date.now().toString(36)}-${++counter}`;
  const started = Date.now();
  const epochs: EpochRecord[] = [];
  const sums: Record<Term, number> = { loss: 0, ce: 0, sam: 0, up: 0, cp: 0 };
  let steps = 0;
  let last: StepRecord | null = null;
  let shown = false;
  let lastDraw = 0;
  const notebook = inNotebook();

  const seconds = () => (Date.now() - started) / 1000;
  const best = () => epochs.reduce<EpochRecord | null>((b, r) => (b === null || r.val_auc > b.val_auc ? r : b), null);

  function draw(status: string, summary?: string): void {
    const rows = epochs.map((r) =>
      `<tr${r.best ? ' style="font-weight:bold"' : ''}><td>${r.epoch}</td>${TERMS.map(([k]) => `<td>${fmt(r[k])}</td>`).join('')}<td>${fmt(r.val_auc)}</td><td>${fmt(r.seconds, 1)}</td></tr>`,
    );
    if (last && !summary) {
      const mean = (k: Term) => sums[k] / Math.max(1, steps);
      rows.push(`<tr style="color:#555"><td>${last.epoch} (step ${last.step}/${last.steps})</td>${TERMS.map(([k]) => `<td>${fmt(mean(k))}</td>`).join('')}<td></td><td></td></tr>`);
    }
    const head = `<tr><th>epoch</th>${TERMS.map(([, label]) => `<th>${label}</th>`).join('')}<th>val AUC</th><th>s</th></tr>`;
    const html =
      `<div class="cfcml-progress"><b>${esc(title)}</b> · ${esc(status)}` +
      `<table style="font-size:12px;border-collapse:collapse">${head}${rows.join('')}</table>` +
      (summary ? `<p>${esc(summary)}</p>` : '') +
      '</div>';
    const text = summary ?? `${title}: ${status}`;
    displayBundle({ 'text/html': html, 'text/plain': text }, { displayId, update: shown });
    shown = true;
    lastDraw = Date.now();
  }

  const callbacks = {
    onStep(s: StepRecord): void {
      if (last === null || s.epoch !== last.epoch) {
        for (const [k] of TERMS) sums[k] = 0;
        steps = 0;
      }
      for (const [k] of TERMS) sums[k] += s[k];
      steps++;
      last = s;
      if (notebook && Date.now() - lastDraw >= minInterval) draw(`epoch ${s.epoch}, step ${s.step}/${s.steps}, ${fmt(seconds(), 0)} s`);
    },
    onEpochEnd(r: EpochRecord): void {
      epochs.push(r);
      last = null;
      const line = `epoch ${r.epoch}: loss ${fmt(r.loss)} (CE ${fmt(r.ce)}, L_sam ${fmt(r.sam)}, L_up ${fmt(r.up)}, L_cp ${fmt(r.cp)}), validation AUC ${fmt(r.val_auc)}${r.best ? ' *' : ''}`;
      if (notebook) draw(`${epochs.length} epoch(s) done, ${fmt(seconds(), 0)} s`);
      else console.log(`${title}: ${line}`);
    },
  };

  return {
    callbacks,
    epochs,
    finish(note?: string): string {
      const b = best();
      const first = epochs[0];
      const end = epochs[epochs.length - 1];
      const summary = !b || !first || !end
        ? `${title}: no epoch finished.`
        : `${title}: ${epochs.length} epoch(s) in ${fmt(seconds(), 0)} s; training loss ${fmt(first.loss)} → ${fmt(end.loss)}; ` +
          `best validation AUC ${fmt(b.val_auc)} at epoch ${b.epoch}${note ? `; ${note}` : ''}.`;
      if (notebook) draw('done', summary);
      else console.log(summary);
      return summary;
    },
  };
}
