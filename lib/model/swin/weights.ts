import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../../util/errors';
import { readSafetensors, type SafetensorsFile } from '../../util/safetensors';
import type { CFCMLModel } from '../types';

/**
 * Pretrained Swin weights from a timm state dict in safetensors form (the `model.safetensors` of the Hugging
 * Face hub model `timm/swin_tiny_patch4_window7_224.ms_in1k`), by timm's names. The classification head
 * (`head.*`) is skipped, as are the buffers older timm files carry and timm itself drops on load
 * (`relative_position_index`, `attn_mask`). Every other tensor must match one encoder weight by name and
 * shape; otherwise nothing is assigned and one error lists what is missing, unexpected and mis-shaped.
 */

/** timm names that are not encoder weights: the classifier and recomputed buffers. */
export function isSkippedTimmName(name: string): boolean {
  return name.startsWith('head.') || name.endsWith('.relative_position_index') || name.endsWith('.attn_mask');
}

/** The timm name of an encoder weight key (`layers/0/blocks/1/attn/qkv/weight` → `layers.0.blocks.1.attn.qkv.weight`). */
export function timmName(encoderKey: string): string {
  return encoderKey.split('/').join('.');
}

export interface NamedVariable {
  /** timm's name. */
  name: string;
  variable: tf.Variable;
}

const FIRST = 10;

function firstTen(items: string[]): string {
  return items.slice(0, FIRST).join(', ') + (items.length > FIRST ? `, … (${items.length - FIRST} more)` : '');
}

/**
 * Assign `targets` from the file's tensors of the same names. `expected` says, for the error, what file
 * would fit (e.g. "timm's swin_tiny_patch4_window7_224 state dict").
 */
export function assignTimmWeights(file: SafetensorsFile, targets: readonly NamedVariable[], expected: string): void {
  const want = new Map(targets.map((t) => [t.name, t]));
  const missing = targets.filter((t) => !file.entries.has(t.name)).map((t) => `${t.name} [${t.variable.shape.join(',')}]`);
  const unexpected: string[] = [];
  const misShaped: string[] = [];
  for (const [name, entry] of file.entries) {
    if (isSkippedTimmName(name)) continue;
    const t = want.get(name);
    if (!t) unexpected.push(`${name} [${entry.shape.join(',')}]`);
    else if (entry.shape.join(',') !== t.variable.shape.join(',')) misShaped.push(`${name} (file [${entry.shape.join(',')}], expected [${t.variable.shape.join(',')}])`);
  }
  if (missing.length || unexpected.length || misShaped.length) {
    const parts = [
      missing.length ? `${missing.length} missing: ${firstTen(missing)}` : '',
      unexpected.length ? `${unexpected.length} unexpected: ${firstTen(unexpected)}` : '',
      misShaped.length ? `${misShaped.length} mis-shaped: ${firstTen(misShaped)}` : '',
    ].filter(Boolean);
    throw new CfcmlError(
      `does not fit the Swin encoder: ${parts.join('; ')}. Expected ${expected}: ${targets.length} tensors by timm's names ` +
        `(the head and the relative_position_index / attn_mask buffers are ignored)`,
      { where: file.source },
    );
  }
  for (const t of targets) {
    const { data, shape } = file.tensor(t.name);
    tf.tidy(() => t.variable.assign(tf.tensor(data, shape, 'float32')));
  }
}

/**
 * Load a timm Swin state dict (safetensors) into every image encoder of `model` (one shared, or one per
 * modality: each gets the same weights). `expected` describes the configuration for the error message.
 */
export function loadSwinWeights(model: CFCMLModel, path: string, expected: string): void {
  const encoders = new Map<string, NamedVariable[]>();
  for (const w of model.weights) {
    const m = /^(encoder\d+)\/(.+)$/.exec(w.key);
    if (!m || w.group !== 'encoder') continue;
    const list = encoders.get(m[1]) ?? [];
    list.push({ name: timmName(m[2]), variable: w.variable });
    encoders.set(m[1], list);
  }
  if (encoders.size === 0) throw new CfcmlError(`the model has no image encoder to load ${path} into (variant '${model.config.variant}')`, { where: 'model.backboneWeights' });
  const file = readSafetensors(path);
  for (const targets of encoders.values()) assignTimmWeights(file, targets, expected);
}
