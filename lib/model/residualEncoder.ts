import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';
import { freezableParams } from './freeze';
import { channelNorm, type ChannelNorm } from './layers';
import type { EncoderParams, ImageEncoder, ImageEncoderArgs, ImageEncoderFactory } from './types';

/**
 * The built-in four-stage residual image encoder, 2D (colour images, NHWC) or 3D (volumes, NDHWC).
 *
 *   stage 1: stem  = patchify conv (kernel = stride = `stemStride`) + norm, then `blocksPerStage` blocks
 *   stage s: down  = conv 2×2(×2) stride 2 + norm (Swin's patch merging as a conv), then the blocks
 *   block:   y = ReLU(x + norm(conv3(ReLU(norm(conv3(x))))))          (ResNet basic block, identity shortcut)
 *
 * Departures from the authors: they use a pretrained Swin-T (Derm7pt, stride-4 patches like our stem) and a
 * ResNet+Mamba per MRI sequence, and train only Derm7pt's stage 4; here every stage is trained from scratch.
 * The normalisation is LayerNorm over channels (no running statistics: train = eval, batch-independent).
 * 2D inputs in [0, 1] are centred and scaled to (x − 0.5)·4 before the stem (see `apply`).
 * Convolutions followed by a norm have no bias.
 */
export interface ResidualEncoderOptions {
  /** Residual blocks per stage (depth). Default 1: the `cpu` preset trains in minutes on 2 cores. */
  blocksPerStage?: number;
  /**
   * Stem stride per spatial axis (kernel = stride). Default [4, 4] for 2D (Swin-T's patch size) and
   * [2, 4, 4] for 3D (MRI volumes have few slices, so depth is downsampled less).
   */
  stemStride?: readonly number[];
}

interface Conv {
  kernel: tf.Variable;
  strides: number[];
}

type Norm = ChannelNorm;

/** A factory for the built-in encoder; it builds a 2D or 3D one to match the modality's `kind`. */
export function residualEncoder(opts: ResidualEncoderOptions = {}): ImageEncoderFactory {
  return (args) => buildResidualEncoder(args, opts);
}

function buildResidualEncoder(args: ImageEncoderArgs, opts: ResidualEncoderOptions): ImageEncoder {
  const dims = args.kind === '2d' ? 2 : 3;
  const blocks = opts.blocksPerStage ?? 1;
  const stem = opts.stemStride ?? (dims === 2 ? [4, 4] : [2, 4, 4]);
  if (stem.length !== dims) throw new CfcmlError(`stemStride must have ${dims} entries for a ${args.kind} encoder, got [${stem}]`);
  if (!(blocks >= 0)) throw new CfcmlError(`blocksPerStage must be >= 0, got ${blocks}`);
  const frozen = freezableParams(args.params, (key) => Number(/^stage(\d)\//.exec(key)?.[1] ?? 0) - 1);
  const p = frozen.params;
  const widths = args.widths;

  const makeConv = (key: string, k: readonly number[], cin: number, cout: number, strides: readonly number[]): Conv => {
    const fanIn = k.reduce((a, b) => a * b, 1) * cin;
    return { kernel: p.add(`${key}/kernel`, [...k, cin, cout], { kind: 'he', fanIn }), strides: strides.slice() };
  };
  const makeNorm = (key: string, c: number): Norm => ({
    gamma: p.add(`${key}/gamma`, [c], { kind: 'ones' }),
    beta: p.add(`${key}/beta`, [c], { kind: 'zeros' }),
  });
  const k3 = new Array<number>(dims).fill(3);
  const k2 = new Array<number>(dims).fill(2);
  const s1 = new Array<number>(dims).fill(1);

  const stages = widths.map((c, s) => {
    const cin = s === 0 ? args.channels : widths[s - 1];
    const name = `stage${s + 1}`;
    const entry = s === 0
      ? { conv: makeConv(`${name}/stem/conv`, stem, cin, c, stem), norm: makeNorm(`${name}/stem/norm`, c) }
      : { conv: makeConv(`${name}/down/conv`, k2, cin, c, k2), norm: makeNorm(`${name}/down/norm`, c) };
    const body = Array.from({ length: blocks }, (_, b) => ({
      conv1: makeConv(`${name}/block${b}/conv1`, k3, c, c, s1),
      norm1: makeNorm(`${name}/block${b}/norm1`, c),
      conv2: makeConv(`${name}/block${b}/conv2`, k3, c, c, s1),
      norm2: makeNorm(`${name}/block${b}/norm2`, c),
    }));
    return { entry, body };
  });
  frozen.freeze(args.freezeStages ?? 0);

  const conv = (x: tf.Tensor, c: Conv): tf.Tensor =>
    dims === 2
      ? tf.conv2d(x as tf.Tensor4D, c.kernel as tf.Tensor4D, c.strides as [number, number], 'same')
      : tf.conv3d(x as tf.Tensor5D, c.kernel as tf.Tensor5D, c.strides as [number, number, number], 'same');
  const norm = channelNorm;

  return {
    stageChannels: [widths[0], widths[1], widths[2], widths[3]],
    apply(x: tf.Tensor): tf.Tensor[] {
      const outs: tf.Tensor[] = [];
      // 2D photographs arrive in [0, 1]; centre and scale them to about unit range first. Without this the
      // stem's per-position LayerNorm removes brightness: a uniform patch c·v maps to the same normalised
      // feature for every c, so a dark lesion and pale skin of one hue look alike and an image-only model
      // stays near chance. 3D volumes are already
      // z-scored per volume by the data layer.
      let h = dims === 2 ? tf.mul(tf.sub(x, 0.5), 4) : x; // [B, (D,) H, W, C_in]
      for (const { entry, body } of stages) {
        h = tf.relu(norm(conv(h, entry.conv), entry.norm)); // [B, (d,) h, w, C_s]
        for (const b of body) {
          const r = tf.relu(norm(conv(h, b.conv1), b.norm1));
          h = tf.relu(tf.add(h, norm(conv(r, b.conv2), b.norm2)));
        }
        outs.push(h); // F^s
      }
      return outs;
    },
  };
}

/**
 * Wrap a tfjs LayersModel with four outputs (the stage maps, channels last) as an encoder, e.g. a pretrained
 * backbone loaded with tf.loadLayersModel. Its trainable weights join the model under `encoderN/<weight name>`;
 * the wrapped model stays owned by the caller (not disposed with the CFCML model).
 */
export function layersModelEncoder(model: tf.LayersModel): ImageEncoderFactory {
  return (args) => {
    const outputs = model.outputs;
    if (outputs.length !== 4) throw new CfcmlError(`a LayersModel encoder needs 4 outputs (one per stage), got ${outputs.length}`);
    const channels = outputs.map((o) => o.shape[o.shape.length - 1]);
    if (channels.some((c) => c == null)) throw new CfcmlError('a LayersModel encoder needs known channel counts on its outputs');
    adoptLayerWeights(model, args.params);
    return {
      stageChannels: channels as unknown as [number, number, number, number],
      apply: (x: tf.Tensor, training: boolean) => model.apply(x, { training }) as tf.Tensor[],
    };
  };
}

function adoptLayerWeights(model: tf.LayersModel, params: EncoderParams): void {
  for (const w of model.trainableWeights) params.adopt(w.originalName, w.read() as tf.Variable);
}
