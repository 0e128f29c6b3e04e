import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainingProgress } from '../../lib/notebook/progress';
import type { EpochRecord, StepRecord } from '../../lib/train/options';

const step = (epoch: number, s: number, loss: number): StepRecord => ({ epoch, step: s, steps: 2, loss, ce: loss / 2, sam: 0.1, up: 0.2, cp: 0.3 });
const epoch = (e: number, loss: number, auc: number, best: boolean): EpochRecord => ({
  epoch: e, lr: 1e-3, loss, ce: loss / 2, sam: 0.1, up: 0.2, cp: 0.3, val_loss: 0.6, val_auc: auc, val_accuracy: 0.7,
  val_balanced_accuracy: 0.7, seconds: 1.5, best,
});

test('in a notebook: one display, updated in place, ending with the summary', () => {
  const sent: Array<{ msg: { data: Record<string, string>; transient: { display_id?: string } }; update: boolean }> = [];
  const fakeKey = '/nonexistent/node_modules/tslab/dist/jupyter.js';
  (globalThis as { __tslab__?: unknown }).__tslab__ = {};
  require.cache[fakeKey] = { exports: { lastWriteDisplayData: (msg: never, update: boolean) => sent.push({ msg, update }) } } as unknown as NodeModule;
  let summary = '';
  try {
    const p = trainingProgress({ title: 'demo', minIntervalMs: 0 });
    p.callbacks.onStep(step(1, 1, 1.0));
    p.callbacks.onStep(step(1, 2, 0.8));
    p.callbacks.onEpochEnd(epoch(1, 0.9, 0.71, true));
    p.callbacks.onStep(step(2, 1, 0.5));
    p.callbacks.onEpochEnd(epoch(2, 0.5, 0.65, false));
    summary = p.finish();
  } finally {
    delete require.cache[fakeKey];
    delete (globalThis as { __tslab__?: unknown }).__tslab__;
  }
  assert.equal(sent.length, 6);
  const ids = new Set(sent.map((s) => s.msg.transient.display_id));
  assert.equal(ids.size, 1, 'one display id');
  assert.deepEqual(sent.map((s) => s.update), [false, true, true, true, true, true]);
  // The second step's row shows the running mean of the epoch's steps: (1.0 + 0.8) / 2.
  assert.match(sent[1].msg.data['text/html'], /<td>1 \(step 2\/2\)<\/td><td>0\.900<\/td><td>0\.450<\/td>/);
  assert.match(sent[2].msg.data['text/html'], /<td>0\.710<\/td>/);
  assert.match(summary, /2 epoch\(s\).*training loss 0\.900 → 0\.500; best validation AUC 0\.710 at epoch 1/);
  assert.equal(sent[5].msg.data['text/plain'], summary);
});

test('outside a notebook: one line per epoch and the summary, no per-step output', () => {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  try {
    const p = trainingProgress({ title: 'run' });
    p.callbacks.onStep(step(1, 1, 1));
    p.callbacks.onEpochEnd(epoch(1, 0.9, 0.8, true));
    p.finish();
  } finally {
    console.log = log;
  }
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^run: epoch 1: loss 0\.900 .*validation AUC 0\.800 \*$/);
  assert.match(lines[1], /best validation AUC 0\.800 at epoch 1/);
});
