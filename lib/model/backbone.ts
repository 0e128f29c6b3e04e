import { CfcmlError } from '../util/errors';
import { residualEncoder } from './residualEncoder';
import { swinEncoder } from './swin/encoder';
import type { ImageEncoderFactory, ModelPreset } from './types';

/** The image encoder a preset names (`model.backbone`): the residual CNN by default, or a Swin Transformer. */
export function backboneEncoder(preset: ModelPreset): ImageEncoderFactory {
  const backbone = preset.backbone ?? 'residual';
  if (backbone === 'residual') return residualEncoder();
  if (backbone === 'swin') return swinEncoder(preset.swin);
  throw new CfcmlError(`unknown backbone '${String(backbone)}'; known: residual, swin`, { where: 'model.backbone' });
}
