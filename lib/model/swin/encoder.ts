import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../../util/errors';
import { freezableParams, withoutGradient } from '../freeze';
import type { ChannelNorm } from '../layers';
import type { ImageEncoder, ImageEncoderArgs, ImageEncoderFactory } from '../types';
import { stageGeometry, SWIN_T, type SwinOptions } from './config';
import { makePatchEmbed, patchEmbed } from './patchEmbed';
import { makeSwinStage, swinStage } from './stage';
import { layerNorm, makeLayerNorm } from './torchLayers';

/** ImageNet's per-channel mean and standard deviation (timm's IMAGENET_DEFAULT_MEAN / _STD), RGB. */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/**
 * A Swin Transformer image encoder (timm's SwinTransformer without its head) as a pluggable ImageEncoder.
 * Its four stage maps, channels last [B, h_s, w_s, C_s], are the outputs of timm's `layers.0`–`layers.2` and,
 * for stage 4, of `forward_features` (`layers.3`, then the final LayerNorm `norm`): the features timm's
 * classifier pools. Weight keys are timm's state-dict names with `/` for `.` (`layers/1/blocks/0/attn/qkv/weight`),
 * in PyTorch's layouts, so a timm file loads by name (lib/model/swin/weights.ts).
 *
 * Inputs are RGB in [0, 1], normalised here with ImageNet's mean and std, as timm's pretrained Swin expects.
 * Stage s of `freezeStages` holds `patch_embed` (stage 1), `layers.{s−1}` (its patch merging and blocks) and,
 * for stage 4, `norm`.
 */
export function swinEncoder(options: Partial<SwinOptions> = {}): ImageEncoderFactory {
  const o: SwinOptions = { ...SWIN_T, ...options };
  return (args) => buildSwinEncoder(args, o);
}

/** The stage (0-based) of a Swin weight key. */
export function swinStageOf(key: string): number {
  if (key.startsWith('patch_embed/')) return 0;
  if (key.startsWith('norm/')) return 3;
  const m = /^layers\/(\d+)\//.exec(key);
  return m ? Number(m[1]) : -1;
}

function buildSwinEncoder(args: ImageEncoderArgs, o: SwinOptions): ImageEncoder {
  if (args.kind !== '2d' || args.channels !== 3) {
    throw new CfcmlError(`a Swin encoder takes 2D RGB images (ImageNet-normalised), got a ${args.kind} modality with ${args.channels} channel(s)`, { where: 'model.backbone' });
  }
  const widths = args.widths;
  const geometry = stageGeometry(args.imageSize, widths, o);
  const frozen = freezableParams(args.params, swinStageOf);
  const p = frozen.params;
  const embed = makePatchEmbed(p, 'patch_embed', args.channels, widths[0], o.patch);
  const stages = widths.map((c, s) => makeSwinStage(p, `layers/${s}`, s === 0 ? c : widths[s - 1], c, o.depths[s], o.heads[s], o.mlpRatio, geometry[s], s > 0));
  const norm: ChannelNorm = makeLayerNorm(p, 'norm', widths[3]);
  const freeze = args.freezeStages ?? 0;
  frozen.freeze(freeze);
  // Stage s as a function of the previous stage's map (stage 1: of the image); frozen stages off the tape.
  const stageFns = stages.map((stage, s) => {
    const f = (h: tf.Tensor): tf.Tensor => tf.tidy(() => swinStage((s === 0 ? patchEmbed(h as tf.Tensor4D, embed) : h) as tf.Tensor4D, stage));
    return s < freeze ? withoutGradient(f) : f;
  });
  const finalNorm = (h: tf.Tensor): tf.Tensor => layerNorm(h, norm);
  const stage4Norm = freeze >= 4 ? withoutGradient(finalNorm) : finalNorm;

  return {
    stageChannels: [widths[0], widths[1], widths[2], widths[3]],
    apply(x: tf.Tensor): tf.Tensor[] {
      const mean = tf.tensor1d(IMAGENET_MEAN.slice());
      const std = tf.tensor1d(IMAGENET_STD.slice());
      let h: tf.Tensor = tf.div(tf.sub(x, mean), std); // [B, H, W, 3]
      const outs: tf.Tensor[] = [];
      for (const f of stageFns) {
        h = f(h);
        outs.push(h); // F^s
      }
      outs[3] = stage4Norm(outs[3]);
      return outs;
    },
  };
}
